package io.switchboard.camel.netconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.netconf.error.RpcError;
import org.junit.jupiter.api.Test;

class NetconfReplyTest {

  private static final String INVALID_VALUE =
      """
      <rpc-reply xmlns="urn:ietf:params:xml:ns:netconf:base:1.0" message-id="3">
        <rpc-error>
          <error-type>application</error-type>
          <error-tag>invalid-value</error-tag>
          <error-severity>error</error-severity>
          <error-app-tag>data-invalid</error-app-tag>
          <error-path xmlns:nacm="urn:ietf:params:xml:ns:yang:ietf-netconf-acm">/nacm:nacm/nacm:enable-nacm</error-path>
          <error-message xml:lang="en">invalid value</error-message>
          <error-info><bad-value>maybe</bad-value></error-info>
        </rpc-error>
      </rpc-reply>""";

  @Test
  void rpcErrorBecomesATypedExceptionWithEveryField() {
    NetconfReply reply = NetconfReply.parse(INVALID_VALUE);

    assertThatThrownBy(() -> reply.throwIfError("r1", "edit-config"))
        .isInstanceOfSatisfying(
            NetconfRpcException.class,
            e -> {
              assertThat(e.getDeviceId()).isEqualTo("r1");
              assertThat(e.getOperation()).isEqualTo("edit-config");
              assertThat(e.getErrorType()).isEqualTo("application");
              assertThat(e.getErrorTag()).isEqualTo("invalid-value");
              assertThat(e.getErrorSeverity()).isEqualTo("error");
              assertThat(e.getErrorPath()).isEqualTo("/nacm:nacm/nacm:enable-nacm");
              assertThat(e.getErrorMessage()).isEqualTo("invalid value");
              assertThat(e.getErrors().get(0).appTag()).isEqualTo("data-invalid");
              assertThat(e.getErrors().get(0).info()).containsEntry("bad-value", "maybe");
              assertThat(e.getMessage())
                  .isEqualTo(
                      "device r1: edit-config failed: error application/invalid-value"
                          + " at /nacm:nacm/nacm:enable-nacm: invalid value");
            });
  }

  @Test
  void warningsAloneAreNotFailures() {
    NetconfReply reply =
        NetconfReply.parse(
            """
        <rpc-reply xmlns="urn:ietf:params:xml:ns:netconf:base:1.0" message-id="4">
          <rpc-error><error-type>application</error-type><error-tag>operation-failed</error-tag>
            <error-severity>warning</error-severity><error-message>statement has no effect</error-message>
          </rpc-error>
          <ok/>
        </rpc-reply>""");

    assertThat(reply.hasErrors()).isFalse();
    assertThat(reply.isOk()).isTrue();
    assertThat(reply.errors()).singleElement().extracting(RpcError::severity).isEqualTo("warning");
    reply.throwIfError("r1", "commit");
  }

  @Test
  void junosErrorsNestedInCommitResultsAreFound() {
    NetconfReply reply =
        NetconfReply.parse(
            """
        <rpc-reply xmlns="urn:ietf:params:xml:ns:netconf:base:1.0" xmlns:junos="http://xml.juniper.net/junos/*/junos" message-id="5">
          <commit-results><routing-engine junos:style="normal"><name>re0</name>
            <rpc-error><error-type>protocol</error-type><error-tag>operation-failed</error-tag>
              <error-severity>error</error-severity><error-path>[edit interfaces]</error-path>
              <error-message>commit check failed</error-message></rpc-error>
          </routing-engine></commit-results>
        </rpc-reply>""");

    assertThat(reply.hasErrors()).isTrue();
    assertThat(reply.errors().get(0).path()).isEqualTo("[edit interfaces]");
  }

  @Test
  void dataOfAGetConfigReplyIsExposed() {
    NetconfReply reply =
        NetconfReply.parse(
            "<rpc-reply xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\" message-id=\"6\">"
                + "<data><system xmlns=\"urn:x\"><host-name>r1</host-name></system></data></rpc-reply>");

    assertThat(NetconfXml.childText(NetconfXml.child(reply.data(), "system"), "host-name"))
        .isEqualTo("r1");
  }

  @Test
  void somethingOtherThanARpcReplyIsRefused() {
    assertThatThrownBy(() -> NetconfReply.parse("<hello/>"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NetconfReply.parse("<rpc-reply><unclosed></rpc-reply>"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void doctypesAreRefused() {
    assertThatThrownBy(
            () ->
                NetconfReply.parse(
                    "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rpc-reply>&x;</rpc-reply>"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
