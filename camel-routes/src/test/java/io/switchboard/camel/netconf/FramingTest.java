package io.switchboard.camel.netconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FramingTest {

  private static final int MAX = 1 << 20;

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> feed(Framing framing, FrameBuffer buffer, byte[] bytes, int step) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < bytes.length; i += step) {
      buffer.append(bytes, i, Math.min(step, bytes.length - i));
      byte[] message;
      while ((message = framing.decode(buffer)) != null) {
        out.add(new String(message, StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  @Test
  void endOfMessageRoundTripsOneMessage() {
    Framing framing = new EndOfMessageFraming(MAX);
    byte[] framed = framing.encode(utf8("<hello/>"));
    assertThat(new String(framed, StandardCharsets.UTF_8)).isEqualTo("<hello/>]]>]]>");
    assertThat(feed(framing, new FrameBuffer(), framed, framed.length)).containsExactly("<hello/>");
  }

  @Test
  void endOfMessageReassemblesMessagesSplitAtEveryByte() {
    Framing framing = new EndOfMessageFraming(MAX);
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    stream.writeBytes(framing.encode(utf8("<rpc-reply message-id=\"1\"><ok/></rpc-reply>")));
    stream.writeBytes(framing.encode(utf8("<rpc-reply message-id=\"2\">grüße ]]> </rpc-reply>")));
    byte[] bytes = stream.toByteArray();
    for (int step = 1; step <= bytes.length; step++) {
      assertThat(feed(new EndOfMessageFraming(MAX), new FrameBuffer(), bytes, step))
          .as("read size %d", step)
          .containsExactly(
              "<rpc-reply message-id=\"1\"><ok/></rpc-reply>",
              "<rpc-reply message-id=\"2\">grüße ]]> </rpc-reply>");
    }
  }

  @Test
  void endOfMessageRefusesAnEndlessMessage() {
    Framing framing = new EndOfMessageFraming(16);
    FrameBuffer buffer = new FrameBuffer();
    buffer.append(utf8("<rpc-reply>aaaaaaaaaaaaaaaaaaaa"), 0, 31);
    assertThatThrownBy(() -> framing.decode(buffer)).isInstanceOf(Framing.FramingException.class);
  }

  @Test
  void chunkedEncodesPerRfc6242() {
    Framing framing = new ChunkedFraming(MAX, 4);
    assertThat(new String(framing.encode(utf8("<ok/>!")), StandardCharsets.UTF_8))
        .isEqualTo("\n#4\n<ok/\n#2\n>!\n##\n");
  }

  @Test
  void chunkedReassemblesManyChunksAndMessagesSplitAtEveryByte() {
    String first = "<rpc-reply message-id=\"7\"><data>ünïcødé</data></rpc-reply>";
    String second = "<rpc-reply message-id=\"8\"><ok/></rpc-reply>";
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    stream.writeBytes(new ChunkedFraming(MAX, 5).encode(utf8(first)));
    stream.writeBytes(new ChunkedFraming(MAX, 1000).encode(utf8(second)));
    byte[] bytes = stream.toByteArray();
    for (int step = 1; step <= bytes.length; step++) {
      assertThat(feed(new ChunkedFraming(MAX), new FrameBuffer(), bytes, step))
          .as("read size %d", step)
          .containsExactly(first, second);
    }
  }

  @Test
  void chunkedRejectsMalformedHeaders() {
    for (String bad :
        List.of(
            "#4\nabcd\n##\n",
            "\n#0\n\n##\n",
            "\n#x\n",
            "\n#04\nabcd",
            "\n##\n",
            "\n#12345678901\n",
            "\n#99999999999",
            "\n##x")) {
      FrameBuffer buffer = new FrameBuffer();
      buffer.append(utf8(bad), 0, utf8(bad).length);
      assertThatThrownBy(() -> new ChunkedFraming(MAX).decode(buffer))
          .as("%s", bad.replace("\n", "\\n"))
          .isInstanceOf(Framing.FramingException.class);
    }
  }

  @Test
  void chunkedWaitsForAnIncompleteHeader() {
    FrameBuffer buffer = new FrameBuffer();
    buffer.append(utf8("\n#12"), 0, 4);
    assertThat(new ChunkedFraming(MAX).decode(buffer)).isNull();
  }

  @Test
  void framingSwitchesMidBufferAfterTheHello() {
    // The device's hello and its first chunked reply arrive in one read.
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    stream.writeBytes(new EndOfMessageFraming(MAX).encode(utf8("<hello/>")));
    stream.writeBytes(new ChunkedFraming(MAX).encode(utf8("<rpc-reply/>")));
    byte[] bytes = stream.toByteArray();
    FrameBuffer buffer = new FrameBuffer();
    buffer.append(bytes, 0, bytes.length);
    assertThat(new String(new EndOfMessageFraming(MAX).decode(buffer), StandardCharsets.UTF_8))
        .isEqualTo("<hello/>");
    assertThat(new String(new ChunkedFraming(MAX).decode(buffer), StandardCharsets.UTF_8))
        .isEqualTo("<rpc-reply/>");
    assertThat(buffer.available()).isZero();
  }

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
