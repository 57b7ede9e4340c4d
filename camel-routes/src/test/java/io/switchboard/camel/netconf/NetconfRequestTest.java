package io.switchboard.camel.netconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.netconf.NetconfProtocol;
import org.junit.jupiter.api.Test;

class NetconfRequestTest {

  private static NetconfRequest.Parameters params(
      String target,
      String defaultOperation,
      String editOperation,
      boolean confirmed,
      Integer timeout,
      String persist,
      String persistId) {
    return new NetconfRequest.Parameters(
        target,
        null,
        null,
        defaultOperation,
        editOperation,
        null,
        null,
        confirmed,
        timeout,
        persist,
        persistId);
  }

  private static final NetconfRequest.Parameters NONE =
      params(null, null, null, false, null, null, null);

  @Test
  void editConfigTargetsTheCandidateByDefaultWithTheBodyAsConfig() {
    NetconfRequest request =
        NetconfRequest.build(
            NetconfOperation.EDIT_CONFIG,
            params(null, "merge", null, false, null, null, null),
            "<?xml version=\"1.0\"?><system xmlns=\"urn:x\"/>");
    assertThat(request.xml())
        .isEqualTo(
            "<edit-config><target><candidate/></target>"
                + "<default-operation>merge</default-operation><config><system xmlns=\"urn:x\"/></config></edit-config>");
  }

  @Test
  void deleteMarksEachTopLevelElementAndLeavesTheRestAlone() {
    NetconfRequest request =
        NetconfRequest.build(
            NetconfOperation.EDIT_CONFIG,
            params("running", null, "delete", false, null, null, null),
            "<a xmlns=\"urn:x\"><b/></a><c xmlns=\"urn:y\"/>");
    assertThat(request.xml())
        .startsWith(
            "<edit-config><target><running/></target><default-operation>none</default-operation>")
        .contains("nc:operation=\"delete\"")
        .contains("xmlns:nc=\"" + NetconfProtocol.BASE_NAMESPACE + "\"")
        .contains("<b/>");
  }

  @Test
  void confirmedCommitCarriesTimeoutAndPersist() {
    assertThat(
            NetconfRequest.build(
                    NetconfOperation.COMMIT, params(null, null, null, true, 120, "p-1", null), null)
                .xml())
        .isEqualTo(
            "<commit><confirmed/><confirm-timeout>120</confirm-timeout><persist>p-1</persist></commit>");
    assertThat(
            NetconfRequest.build(
                    NetconfOperation.COMMIT,
                    params(null, null, null, false, null, null, "p-1"),
                    null)
                .xml())
        .isEqualTo("<commit><persist-id>p-1</persist-id></commit>");
    assertThat(
            NetconfRequest.build(
                    NetconfOperation.CANCEL_COMMIT,
                    params(null, null, null, false, null, null, "p&1"),
                    null)
                .xml())
        .isEqualTo("<cancel-commit><persist-id>p&amp;1</persist-id></cancel-commit>");
  }

  @Test
  void lockNamesItsDatastore() {
    NetconfRequest request = NetconfRequest.build(NetconfOperation.LOCK, NONE, null);
    assertThat(request.xml()).isEqualTo("<lock><target><candidate/></target></lock>");
    assertThat(request.datastore()).isEqualTo("candidate");
  }

  @Test
  void getConfigWrapsAFilter() {
    NetconfRequest.Parameters p =
        new NetconfRequest.Parameters(
            null,
            "running",
            "<nacm xmlns=\"urn:x\"/>",
            null,
            null,
            null,
            null,
            false,
            null,
            null,
            null);
    assertThat(NetconfRequest.build(NetconfOperation.GET_CONFIG, p, null).xml())
        .isEqualTo(
            "<get-config><source><running/></source>"
                + "<filter type=\"subtree\"><nacm xmlns=\"urn:x\"/></filter></get-config>");
  }

  @Test
  void rawRpcIsNamedByItsRootElement() {
    NetconfRequest request =
        NetconfRequest.build(NetconfOperation.RPC, NONE, "<get-software-information/>");
    assertThat(request.name()).isEqualTo("get-software-information");
  }

  @Test
  void badInputIsRefusedBeforeAnythingIsSent() {
    assertThatThrownBy(() -> NetconfRequest.build(NetconfOperation.EDIT_CONFIG, NONE, " "))
        .hasMessageContaining("message body");
    assertThatThrownBy(
            () ->
                NetconfRequest.build(
                    NetconfOperation.LOCK,
                    params("flash", null, null, false, null, null, null),
                    null))
        .hasMessageContaining("datastore");
    assertThatThrownBy(() -> NetconfRequest.build(NetconfOperation.RPC, NONE, "<unclosed>"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NetconfOperation.of("reboot")).hasMessageContaining("reboot");
  }
}
