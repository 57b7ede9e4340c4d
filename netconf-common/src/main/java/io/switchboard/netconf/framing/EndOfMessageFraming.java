package io.switchboard.netconf.framing;

import java.nio.charset.StandardCharsets;

/** base:1.0 framing: each message ends with {@code ]]>]]>} (RFC 6242 section 4.3). */
final class EndOfMessageFraming implements Framing {

  static final byte[] DELIMITER = "]]>]]>".getBytes(StandardCharsets.US_ASCII);

  private final int maxMessageBytes;

  /**
   * Where the next delimiter search starts, so a message arriving in many reads is scanned once.
   */
  private int scanFrom;

  EndOfMessageFraming(int maxMessageBytes) {
    this.maxMessageBytes = maxMessageBytes;
  }

  @Override
  public byte[] encode(byte[] message) {
    byte[] framed = new byte[message.length + DELIMITER.length];
    System.arraycopy(message, 0, framed, 0, message.length);
    System.arraycopy(DELIMITER, 0, framed, message.length, DELIMITER.length);
    return framed;
  }

  @Override
  public byte[] decode(FrameBuffer in) {
    int end = in.indexOf(DELIMITER, scanFrom);
    if (end < 0) {
      if (in.available() > maxMessageBytes) {
        throw new FramingException("message exceeds " + maxMessageBytes + " bytes without ]]>]]>");
      }
      scanFrom = Math.max(0, in.available() - DELIMITER.length + 1);
      return null;
    }
    if (end > maxMessageBytes) {
      throw new FramingException("message exceeds " + maxMessageBytes + " bytes");
    }
    scanFrom = 0;
    byte[] message = in.take(end);
    in.skip(DELIMITER.length);
    return message;
  }
}
