package io.switchboard.devices.firewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.devices.config.CommitOptions;
import io.switchboard.devices.config.ConfigException;
import io.switchboard.devices.config.ConfigStore;
import io.switchboard.devices.config.Datastore;
import io.switchboard.devices.config.SetCommands;
import io.switchboard.devices.config.Xml;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Security configuration on the simulator: references checked, policy order, compare, lookup. */
class SecurityPoliciesTest {
  static final String P = "set security policies from-zone trust to-zone untrust policy ";
  static final String BASE =
      String.join(
          "\n",
          "set security zones security-zone trust interfaces ge-0/0/1.0",
          "set security zones security-zone untrust interfaces ge-0/0/0.0",
          "set security address-book global address lan 10.1.0.0/16",
          "set security address-book global address printers range-address 10.1.9.10 to 10.1.9.20",
          "set security address-book global address-set office address lan",
          "set security address-book global address-set office address printers",
          "set applications application web-alt protocol tcp",
          "set applications application web-alt destination-port 8080-8088",
          "set applications application-set web application junos-https",
          "set applications application-set web application web-alt",
          P + "block-printers match source-address printers",
          P + "block-printers match destination-address any",
          P + "block-printers match application any",
          P + "block-printers then deny",
          P + "allow-web match source-address office",
          P + "allow-web match destination-address any",
          P + "allow-web match application web",
          P + "allow-web then permit",
          P + "allow-web then log session-init",
          P + "allow-web then log session-close",
          P + "allow-web then count");

  static final CommitOptions CHECK = new CommitOptions(true, null, null, null, null, true);

  private ScheduledExecutorService scheduler;
  private ConfigStore store;

  @BeforeEach
  void create() throws Exception {
    scheduler = Executors.newSingleThreadScheduledExecutor();
    store =
        new ConfigStore(
            Xml.parse("<configuration><system><host-name>fw</host-name></system></configuration>")
                .getDocumentElement(),
            scheduler,
            event -> {});
    store.loadSetCommands(1, BASE);
    store.commit(1, "u", CommitOptions.plain());
  }

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  private PolicyLookup.Match lookup(String src, int port) {
    return PolicyLookup.lookup(
        store.read(Datastore.RUNNING),
        new PolicyLookup.Flow("trust", "untrust", src, "8.8.8.8", port, "tcp"));
  }

  @Test
  void setCommandsRoundTripWithEveryValueOfAMultiValuedMatch() {
    String rendered = SetCommands.render(store.read(Datastore.RUNNING));
    assertThat(rendered)
        .contains("set security address-book global address-set office address lan\n")
        .contains("set security address-book global address-set office address printers\n")
        .contains("set applications application-set web application web-alt\n")
        .contains(P + "allow-web then log session-init\n")
        .contains(P + "allow-web then log session-close\n");
  }

  @Test
  void aPolicyNamingAnUnknownAddressApplicationOrZoneFailsCommitCheckWithItsName()
      throws Exception {
    store.loadSetCommands(1, P + "allow-web match source-address web-servers");
    assertThatThrownBy(() -> store.commit(1, "u", CHECK))
        .isInstanceOf(ConfigException.class)
        .hasMessage("Policy 'allow-web' references undefined address 'web-servers'")
        .extracting(e -> ((ConfigException) e).errorPath())
        .isEqualTo("[edit security policies from-zone trust to-zone untrust policy allow-web]");
    assertThatThrownBy(() -> store.commit(1, "u", CommitOptions.plain()))
        .hasMessageContaining("'web-servers'");
    store.discardChanges(1);

    store.loadSetCommands(
        1, P + "allow-web match application junos-ssh\n" + P + "allow-web match application nope");
    assertThatThrownBy(() -> store.commit(1, "u", CHECK))
        .hasMessage("Policy 'allow-web' references undefined application 'nope'");
    store.discardChanges(1);

    store.loadSetCommands(
        1,
        "set security policies from-zone dmz to-zone untrust policy x match source-address any\n"
            + "set security policies from-zone dmz to-zone untrust policy x match destination-address any\n"
            + "set security policies from-zone dmz to-zone untrust policy x match application any\n"
            + "set security policies from-zone dmz to-zone untrust policy x then permit");
    assertThatThrownBy(() -> store.commit(1, "u", CHECK))
        .hasMessage("Security zone 'dmz' is not defined");
  }

  @Test
  void insertMovesAPolicyBeforeOrAfterAnotherAndTheLookupFollowsTheOrder() throws Exception {
    assertThat(lookup("10.1.9.15", 443))
        .isEqualTo(new PolicyLookup.Match("block-printers", "deny", 1));
    assertThat(lookup("10.1.3.3", 8081))
        .isEqualTo(new PolicyLookup.Match("allow-web", "permit", 2));
    assertThat(lookup("10.1.3.3", 22))
        .isEqualTo(new PolicyLookup.Match("default-policy", "deny", 0));

    store.loadSetCommands(
        1,
        "insert security policies from-zone trust to-zone untrust policy allow-web before policy block-printers");
    store.commit(1, "u", CommitOptions.plain());
    assertThat(lookup("10.1.9.15", 443))
        .isEqualTo(new PolicyLookup.Match("allow-web", "permit", 1));

    store.loadSetCommands(
        1,
        "insert security policies from-zone trust to-zone untrust policy allow-web after policy block-printers");
    store.commit(1, "u", CommitOptions.plain());
    assertThat(lookup("10.1.9.15", 443).policy()).isEqualTo("block-printers");

    assertThatThrownBy(
            () ->
                store.loadSetCommands(
                    1,
                    "insert security policies from-zone trust to-zone untrust policy allow-web after policy nope"))
        .hasMessage("statement not found: policy nope");
  }

  @Test
  void compareShowsEditHeadersAndPlusMinusLines() throws Exception {
    store.loadSetCommands(
        1,
        String.join(
            "\n",
            "set security address-book global address web-servers 10.2.0.0/24",
            P + "allow-ssh match source-address lan",
            P + "allow-ssh match destination-address web-servers",
            P + "allow-ssh match application junos-ssh",
            P + "allow-ssh then permit",
            "insert security policies from-zone trust to-zone untrust policy allow-ssh before policy allow-web",
            "delete security policies from-zone trust to-zone untrust policy allow-web then count"));
    String diff = ConfigCompare.compare(store.rollback(0), store.read(Datastore.CANDIDATE));
    assertThat(diff)
        .isEqualTo(
            String.join(
                "\n",
                "[edit security address-book global]",
                "+    address web-servers {",
                "+        ip-prefix 10.2.0.0/24;",
                "+    }",
                "[edit security policies from-zone trust to-zone untrust]",
                "+    policy allow-ssh {",
                "+        match {",
                "+            source-address lan;",
                "+            destination-address web-servers;",
                "+            application junos-ssh;",
                "+        }",
                "+        then {",
                "+            permit;",
                "+        }",
                "+    }",
                "[edit security policies from-zone trust to-zone untrust policy allow-web then]",
                "-    count;",
                ""));
    store.discardChanges(1);
    assertThat(ConfigCompare.compare(store.rollback(0), store.read(Datastore.CANDIDATE))).isEmpty();
  }

  @Test
  void theDevicesLookupIndexFollowsEachCommitAndMatchesAddressFamiliesApart() throws Exception {
    PolicyLookup.Index first = store.runningView(PolicyLookup.Index.class, PolicyLookup::index);
    assertThat(store.runningView(PolicyLookup.Index.class, PolicyLookup::index)).isSameAs(first);
    store.loadSetCommands(
        1,
        String.join(
            "\n",
            "set security address-book global address v6-lan 2001:db8:1::/48",
            P + "allow-v6 match source-address v6-lan",
            P + "allow-v6 match destination-address any",
            P + "allow-v6 match application any",
            P + "allow-v6 then permit",
            "insert security policies from-zone trust to-zone untrust policy allow-v6 before policy block-printers"));
    store.commit(1, "u", CommitOptions.plain());
    PolicyLookup.Index next = store.runningView(PolicyLookup.Index.class, PolicyLookup::index);
    assertThat(next).isNotSameAs(first);
    assertThat(
            next.lookup(
                new PolicyLookup.Flow(
                    "trust", "untrust", "2001:db8:1::5", "2001:db8:9::1", 443, "tcp")))
        .isEqualTo(new PolicyLookup.Match("allow-v6", "permit", 1));
    assertThat(
            next.lookup(
                new PolicyLookup.Flow(
                    "trust", "untrust", "2001:db8:2::5", "2001:db8:9::1", 443, "tcp")))
        .isEqualTo(new PolicyLookup.Match("default-policy", "deny", 0));
    assertThat(
            next.lookup(
                new PolicyLookup.Flow("trust", "untrust", "10.1.9.15", "8.8.8.8", 22, "tcp")))
        .isEqualTo(new PolicyLookup.Match("block-printers", "deny", 2));
  }
}
