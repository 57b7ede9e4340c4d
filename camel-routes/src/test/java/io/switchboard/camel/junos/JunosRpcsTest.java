package io.switchboard.camel.junos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The Junos RPCs the driver sends and how it reads the answers. */
class JunosRpcsTest {

  @Test
  void xmlLoadWrapsBareStatementsInConfiguration() {
    assertThat(
            JunosRpcs.loadConfiguration(
                LoadConfiguration.xml(
                    "<system><host-name>r1</host-name></system>", LoadAction.REPLACE)))
        .isEqualTo(
            "<load-configuration action=\"replace\" format=\"xml\"><configuration>"
                + "<system><host-name>r1</host-name></system></configuration></load-configuration>");
    assertThat(
            JunosRpcs.loadConfiguration(
                LoadConfiguration.xml(
                    "<configuration><system/></configuration>", LoadAction.MERGE)))
        .isEqualTo(
            "<load-configuration action=\"merge\" format=\"xml\"><configuration><system/></configuration>"
                + "</load-configuration>");
  }

  @Test
  void setCommandsAreEscapedTextWithActionSet() {
    assertThat(
            JunosRpcs.loadConfiguration(
                LoadConfiguration.setCommands(
                    "set system host-name r1\nset interfaces ge-0/0/0 description \"a<b\"\n")))
        .isEqualTo(
            "<load-configuration action=\"set\" format=\"text\"><configuration-set>"
                + "set system host-name r1\nset interfaces ge-0/0/0 description &quot;a&lt;b&quot;"
                + "</configuration-set></load-configuration>");
  }

  @Test
  void setCommandsOnlyLoadWithActionSet() {
    assertThatThrownBy(() -> new LoadConfiguration("set a", ConfigFormat.SET, LoadAction.MERGE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LoadConfiguration("<a/>", ConfigFormat.XML, LoadAction.SET))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void commitConfigurationCarriesCheckConfirmedTimeoutInMinutesAndComment() {
    assertThat(JunosRpcs.commitConfiguration(CommitConfiguration.checkOnly()))
        .isEqualTo("<commit-configuration><check/></commit-configuration>");
    assertThat(JunosRpcs.commitConfiguration(CommitConfiguration.confirmed(5, "stage 1 & more")))
        .isEqualTo(
            "<commit-configuration><confirmed/><confirm-timeout>5</confirm-timeout>"
                + "<log>stage 1 &amp; more</log></commit-configuration>");
    assertThat(JunosRpcs.commitConfiguration(CommitConfiguration.confirm()))
        .isEqualTo("<commit-configuration><log>confirm</log></commit-configuration>");
    assertThatThrownBy(() -> new CommitConfiguration(true, true, null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void packageAddAndRollbackAndInterfaces() {
    assertThat(
            JunosRpcs.requestPackageAdd(
                new PackageAdd("https://sb/images/junos-23.4.tgz", false, true)))
        .isEqualTo(
            "<request-package-add><package-name>https://sb/images/junos-23.4.tgz</package-name>"
                + "<no-validate/><reboot/></request-package-add>");
    assertThat(JunosRpcs.requestPackageAdd(new PackageAdd("/var/tmp/p.tgz", true, false)))
        .isEqualTo(
            "<request-package-add><package-name>/var/tmp/p.tgz</package-name></request-package-add>");
    assertThat(JunosRpcs.rollback(1)).isEqualTo("<load-configuration rollback=\"1\"/>");
    assertThat(JunosRpcs.getInterfaceInformation(InterfaceQuery.named("ge-0/0/0")))
        .isEqualTo(
            "<get-interface-information><terse/><interface-name>ge-0/0/0</interface-name>"
                + "</get-interface-information>");
  }

  @Test
  void repliesAreReadIntoResults() {
    String ns = " xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\"";
    assertThat(
            JunosReplies.softwareInformation(
                "r1",
                "<rpc-reply"
                    + ns
                    + "><software-information>"
                    + "<host-name>r1</host-name><product-model>srx300</product-model><junos-version>23.4R1</junos-version>"
                    + "</software-information></rpc-reply>"))
        .isEqualTo(new SoftwareInformation("r1", "srx300", "23.4R1"));
    assertThat(
            JunosReplies.interfaces(
                "<rpc-reply"
                    + ns
                    + "><interface-information><physical-interface>"
                    + "<name>\nge-0/0/0\n</name><admin-status>\nup\n</admin-status><oper-status>down</oper-status>"
                    + "</physical-interface></interface-information></rpc-reply>"))
        .containsExactly(new InterfaceStatus("ge-0/0/0", "up", "down"));
    assertThat(
            JunosReplies.commitResult(
                    "r1",
                    "<rpc-reply"
                        + ns
                        + "><commit-results><routing-engine>"
                        + "<commit-check-success/></routing-engine></commit-results></rpc-reply>",
                    true)
                .checkOnly())
        .isTrue();
    assertThatThrownBy(
            () ->
                JunosReplies.commitResult(
                    "r1", "<rpc-reply" + ns + "><commit-results/></rpc-reply>", false))
        .isInstanceOf(JunosOperationException.class)
        .hasMessageContaining("commit-success");
    assertThatThrownBy(
            () ->
                JunosReplies.packageResult(
                    "r1",
                    "<rpc-reply"
                        + ns
                        + "><package-result>1</package-result>"
                        + "<output>ERROR: image signature invalid</output></rpc-reply>"))
        .isInstanceOf(JunosOperationException.class)
        .hasMessageContaining("image signature invalid");
    assertThat(
            JunosReplies.rebootStatus(
                    "<rpc-reply"
                        + ns
                        + "><request-reboot-status>Shutdown NOW!"
                        + "</request-reboot-status></rpc-reply>")
                .status())
        .isEqualTo("Shutdown NOW!");
  }
}
