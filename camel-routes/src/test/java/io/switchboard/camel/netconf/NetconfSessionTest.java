package io.switchboard.camel.netconf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NetconfSessionTest {

  @Test
  void messageIdIsReadFromTheRootElementOnly() {
    assertThat(
            NetconfSession.messageId(
                "<?xml version=\"1.0\"?>\n<rpc-reply xmlns:nc=\"x\"\n"
                    + "  message-id='42'\n  xmlns=\"y\"><data message-id=\"9\"/></rpc-reply>"))
        .isEqualTo("42");
    assertThat(NetconfSession.messageId("<rpc-reply><rpc-error/></rpc-reply>")).isNull();
  }
}
