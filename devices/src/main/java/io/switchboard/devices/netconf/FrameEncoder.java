package io.switchboard.devices.netconf;

import java.nio.charset.StandardCharsets;

/** RFC 6242 framing of one outgoing message. */
public final class FrameEncoder {

  private FrameEncoder() {}

  /** Frames a message: one chunk when chunked, else the end-of-message marker. */
  public static byte[] encode(byte[] message, boolean chunked) {
    if (!chunked) {
      byte[] framed = new byte[message.length + FrameDecoder.END_OF_MESSAGE.length];
      System.arraycopy(message, 0, framed, 0, message.length);
      System.arraycopy(
          FrameDecoder.END_OF_MESSAGE,
          0,
          framed,
          message.length,
          FrameDecoder.END_OF_MESSAGE.length);
      return framed;
    }
    byte[] header = ("\n#" + message.length + "\n").getBytes(StandardCharsets.US_ASCII);
    byte[] trailer = "\n##\n".getBytes(StandardCharsets.US_ASCII);
    byte[] framed = new byte[header.length + message.length + trailer.length];
    System.arraycopy(header, 0, framed, 0, header.length);
    System.arraycopy(message, 0, framed, header.length, message.length);
    System.arraycopy(trailer, 0, framed, header.length + message.length, trailer.length);
    return framed;
  }
}
