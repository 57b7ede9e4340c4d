package io.switchboard.netconf.framing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameCodecTest {

  private static final int MAX = 1 << 20;

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Feeds {@code bytes} in reads of {@code step} bytes and collects every message. */
  private static List<String> feed(FrameCodec codec, byte[] bytes, int step) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < bytes.length; i += step) {
      codec.feed(bytes, i, Math.min(step, bytes.length - i));
      byte[] message;
      while ((message = codec.next()) != null) {
        out.add(new String(message, StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static FrameCodec chunked(int max) {
    FrameCodec codec = new FrameCodec(max);
    codec.switchToChunked();
    return codec;
  }

  private static List<String> feedChunked(String bytes) {
    return feed(chunked(MAX), utf8(bytes), bytes.length());
  }

  @Test
  void endOfMessageEncodesWithTheDelimiter() {
    assertThat(new String(new FrameCodec().encode("<hello/>"), StandardCharsets.UTF_8))
        .isEqualTo("<hello/>]]>]]>");
    assertThat(new FrameCodec().isChunked()).isFalse();
  }

  @Test
  void endOfMessageReassemblesMessagesSplitAtEveryByte() {
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    stream.writeBytes(new FrameCodec().encode("<rpc-reply message-id=\"1\"><ok/></rpc-reply>"));
    stream.writeBytes(
        new FrameCodec().encode("<rpc-reply message-id=\"2\">grüße ]]> </rpc-reply>"));
    byte[] bytes = stream.toByteArray();
    for (int step = 1; step <= bytes.length; step++) {
      assertThat(feed(new FrameCodec(MAX), bytes, step))
          .as("read size %d", step)
          .containsExactly(
              "<rpc-reply message-id=\"1\"><ok/></rpc-reply>",
              "<rpc-reply message-id=\"2\">grüße ]]> </rpc-reply>");
    }
  }

  @Test
  void endOfMessageRefusesAMessageLargerThanTheLimit() {
    FrameCodec endless = new FrameCodec(16);
    assertThatThrownBy(() -> feed(endless, utf8("<rpc-reply>aaaaaaaaaaaaaaaaaaaa"), 31))
        .isInstanceOf(FramingException.class)
        .hasMessageContaining("16 bytes");
    FrameCodec whole = new FrameCodec(16);
    assertThatThrownBy(() -> feed(whole, utf8("<rpc-reply>aaaaaaaaaaaaaaaaaaaa]]>]]>"), 37))
        .isInstanceOf(FramingException.class);
  }

  @Test
  void chunkedEncodesPerRfc6242InChunksOfTheConfiguredSize() {
    FrameCodec codec = new FrameCodec(MAX, 4);
    codec.switchToChunked();
    assertThat(new String(codec.encode("<ok/>!"), StandardCharsets.UTF_8))
        .isEqualTo("\n#4\n<ok/\n#2\n>!\n##\n");
    assertThat(codec.isChunked()).isTrue();
  }

  @Test
  void chunkedSendsOneChunkWhenTheChunkLimitIsUnbounded() {
    FrameCodec codec = new FrameCodec(MAX, Integer.MAX_VALUE);
    codec.switchToChunked();
    assertThat(new String(codec.encode("<ok/>"), StandardCharsets.UTF_8))
        .isEqualTo("\n#5\n<ok/>\n##\n");
  }

  @Test
  void chunkedReassemblesManyChunksAndMessagesSplitAtEveryByte() {
    String first = "<rpc-reply message-id=\"7\"><data>ünïcødé</data></rpc-reply>";
    String second = "<rpc-reply message-id=\"8\"><ok/></rpc-reply>";
    FrameCodec small = new FrameCodec(MAX, 5);
    small.switchToChunked();
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    stream.writeBytes(small.encode(first));
    stream.writeBytes(chunked(MAX).encode(second));
    byte[] bytes = stream.toByteArray();
    for (int step = 1; step <= bytes.length; step++) {
      assertThat(feed(chunked(MAX), bytes, step))
          .as("read size %d", step)
          .containsExactly(first, second);
    }
  }

  @Test
  void aChunkBoundaryMayFallInsideAMultiByteCharacter() {
    // "é" is two bytes in UTF-8; the sender cut between them
    byte[] e = utf8("é");
    byte[] framed =
        ("\n#1\n" + (char) (e[0] & 0xff) + "\n#1\n" + (char) (e[1] & 0xff) + "\n##\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    assertThat(feed(chunked(MAX), framed, 1)).containsExactly("é");
  }

  @Test
  void chunkedRejectsMalformedHeaders() {
    for (String bad :
        List.of(
            "#4\nabcd\n##\n", // no leading newline
            "\n#0\n\n##\n", // zero-size chunk
            "\n#x\n", // not a number
            "\n#-1\n", // not a number
            "\n#04\nabcd", // leading zero
            "\n##\n", // end of chunks before any chunk
            "\n#12345678901\n", // more than ten digits
            "\n#99999999999", // too many digits, before the newline arrives
            "\n#4294967296\n", // one more than RFC 6242 allows
            "\n##x", // bad end-of-chunks marker
            "\n#4\nabcd#4\n")) { // chunk data not followed by a header
      assertThatThrownBy(() -> feedChunked(bad))
          .as("%s", bad.replace("\n", "\\n"))
          .isInstanceOf(FramingException.class);
    }
  }

  @Test
  void chunkedWaitsForAnIncompleteHeaderOrChunk() {
    for (String partial :
        List.of("\n", "\n#", "\n#12", "\n#12\nabc", "\n#3\nabc", "\n#3\nabc\n#")) {
      assertThat(feedChunked(partial)).as("%s", partial.replace("\n", "\\n")).isEmpty();
    }
  }

  @Test
  void chunkedRefusesAChunkThatWouldMakeTheMessageTooLarge() {
    // refused when the header announces it, before any of its data arrived
    assertThatThrownBy(() -> feed(chunked(16), utf8("\n#17\n"), 5))
        .isInstanceOf(FramingException.class)
        .hasMessageContaining("16 bytes");
    assertThatThrownBy(() -> feed(chunked(16), utf8("\n#10\naaaaaaaaaa\n#7\n"), 19))
        .isInstanceOf(FramingException.class);
    assertThat(feed(chunked(16), utf8("\n#10\naaaaaaaaaa\n#6\nbbbbbb\n##\n"), 3))
        .containsExactly("aaaaaaaaaabbbbbb");
  }

  @Test
  void framingSwitchesMidBufferAfterTheHello() {
    // The peer's hello and its first chunked message arrive in one read.
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    stream.writeBytes(FrameCodec.encodeHello(utf8("<hello/>")));
    stream.writeBytes(chunked(MAX).encode("<rpc-reply/>"));
    byte[] bytes = stream.toByteArray();
    FrameCodec codec = new FrameCodec(MAX);
    codec.feed(bytes, 0, bytes.length);
    assertThat(new String(codec.next(), StandardCharsets.UTF_8)).isEqualTo("<hello/>");
    codec.switchToChunked();
    assertThat(new String(codec.next(), StandardCharsets.UTF_8)).isEqualTo("<rpc-reply/>");
    assertThat(codec.next()).isNull();
  }

  @Test
  void theHelloGoesOutWithEndOfMessageFramingWhateverTheSessionUses() {
    assertThat(new String(FrameCodec.encodeHello(utf8("<hello/>")), StandardCharsets.UTF_8))
        .isEqualTo("<hello/>]]>]]>");
  }
}
