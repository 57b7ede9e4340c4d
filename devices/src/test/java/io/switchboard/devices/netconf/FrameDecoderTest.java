package io.switchboard.devices.netconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {

  private static List<String> feed(FrameDecoder decoder, String bytes) throws FramingException {
    byte[] data = bytes.getBytes(StandardCharsets.UTF_8);
    decoder.feed(data, 0, data.length);
    List<String> messages = new ArrayList<>();
    byte[] message;
    while ((message = decoder.next()) != null) {
      messages.add(new String(message, StandardCharsets.UTF_8));
    }
    return messages;
  }

  @Test
  void endOfMessageFramesSplitAnywhere() throws Exception {
    FrameDecoder decoder = new FrameDecoder();
    assertThat(feed(decoder, "<a/>]]>")).isEmpty();
    assertThat(feed(decoder, "]]><b/>]]>]]><c")).containsExactly("<a/>", "<b/>");
    assertThat(feed(decoder, "/>]]>]]>")).containsExactly("<c/>");
  }

  @Test
  void chunkedFramesJoinChunksAndSurviveByteByByteDelivery() throws Exception {
    FrameDecoder decoder = new FrameDecoder();
    decoder.switchToChunked();
    String framed = "\n#4\n<rpc\n#17\n message-id=\"1\"/>\n##\n\n#3\n<x/\n#1\n>\n##\n";
    List<String> messages = new ArrayList<>();
    for (char c : framed.toCharArray()) {
      messages.addAll(feed(decoder, String.valueOf(c)));
    }
    assertThat(messages).containsExactly("<rpc message-id=\"1\"/>", "<x/>");
  }

  @Test
  void switchAfterHelloAppliesToTheRestOfTheBuffer() throws Exception {
    FrameDecoder decoder = new FrameDecoder();
    byte[] data = "<hello/>]]>]]>\n#5\n<ok/>\n##\n".getBytes(StandardCharsets.UTF_8);
    decoder.feed(data, 0, data.length);
    assertThat(new String(decoder.next(), StandardCharsets.UTF_8)).isEqualTo("<hello/>");
    decoder.switchToChunked();
    assertThat(new String(decoder.next(), StandardCharsets.UTF_8)).isEqualTo("<ok/>");
  }

  @Test
  void malformedChunkHeadersAreRejected() {
    FrameDecoder decoder = new FrameDecoder();
    decoder.switchToChunked();
    assertThatThrownBy(() -> feed(decoder, "#4\n<a/>")).isInstanceOf(FramingException.class);
    FrameDecoder zero = new FrameDecoder();
    zero.switchToChunked();
    assertThatThrownBy(() -> feed(zero, "\n#0\n")).isInstanceOf(FramingException.class);
    FrameDecoder empty = new FrameDecoder();
    empty.switchToChunked();
    assertThatThrownBy(() -> feed(empty, "\n##\n")).hasMessageContaining("without a chunk");
  }

  @Test
  void encoderFramesBothWays() {
    byte[] message = "<ok/>".getBytes(StandardCharsets.UTF_8);
    assertThat(new String(FrameEncoder.encode(message, false), StandardCharsets.UTF_8))
        .isEqualTo("<ok/>]]>]]>");
    assertThat(new String(FrameEncoder.encode(message, true), StandardCharsets.UTF_8))
        .isEqualTo("\n#5\n<ok/>\n##\n");
  }
}
