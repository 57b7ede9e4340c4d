package io.switchboard.netconf.framing;

/**
 * One of the two RFC 6242 framings. Both peers send their hello with {@link EndOfMessageFraming};
 * when both advertise base:1.1 every later message uses {@link ChunkedFraming}.
 */
interface Framing {

  /** Frames one whole message for sending. */
  byte[] encode(byte[] message);

  /**
   * Consumes the next complete message from {@code in}, or returns {@code null} (consuming what it
   * could) when more bytes are needed.
   *
   * @throws FramingException when the bytes cannot be valid framing or the message is too large
   */
  byte[] decode(FrameBuffer in);
}
