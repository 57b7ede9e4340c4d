package io.switchboard.camel.netconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.netconf.NetconfCapabilities;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NetconfHelloTest {

  private static String hello(String... capabilities) {
    StringBuilder xml =
        new StringBuilder(
            "<hello xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\"><capabilities>");
    for (String capability : capabilities) {
      xml.append("<capability>\n  ").append(capability).append("\n</capability>");
    }
    return xml.append("</capabilities><session-id>17</session-id></hello>").toString();
  }

  @Test
  void theDevicesHelloGivesCapabilitiesAndSessionId() {
    NetconfHello hello =
        NetconfHello.parse(
            hello(
                NetconfCapabilities.BASE_10,
                NetconfCapabilities.BASE_11,
                NetconfCapabilities.CANDIDATE + "?x=1"));

    assertThat(hello.sessionId()).isEqualTo("17");
    assertThat(hello.capabilities())
        .startsWith(NetconfCapabilities.BASE_10, NetconfCapabilities.BASE_11);
    assertThat(NetconfCapabilities.has(hello.capabilities(), NetconfCapabilities.CANDIDATE))
        .isTrue();
  }

  @Test
  void chunkedFramingOnlyWhenBothSidesSpeakBase11() {
    NetconfHello both =
        NetconfHello.parse(hello(NetconfCapabilities.BASE_10, NetconfCapabilities.BASE_11));
    NetconfHello old = NetconfHello.parse(hello(NetconfCapabilities.BASE_10));

    assertThat(both.chunkedWith(true)).isTrue();
    assertThat(both.chunkedWith(false)).isFalse();
    assertThat(old.chunkedWith(true)).isFalse();
  }

  @Test
  void ourHelloOffersBase11OnlyWhenAsked() {
    assertThat(new String(NetconfHello.client(true), StandardCharsets.UTF_8))
        .contains(NetconfCapabilities.BASE_10, NetconfCapabilities.BASE_11);
    assertThat(new String(NetconfHello.client(false), StandardCharsets.UTF_8))
        .contains(NetconfCapabilities.BASE_10)
        .doesNotContain(NetconfCapabilities.BASE_11);
  }

  @Test
  void aHelloWithoutBaseCapabilityOrNotAHelloIsRefused() {
    assertThatThrownBy(() -> NetconfHello.parse(hello("urn:example:other")))
        .hasMessageContaining("no NETCONF base capability");
    assertThatThrownBy(() -> NetconfHello.parse("<rpc-reply/>"))
        .hasMessageContaining("expected <hello>");
  }
}
