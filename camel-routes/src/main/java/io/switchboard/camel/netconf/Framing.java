package io.switchboard.camel.netconf;

/**
 * RFC 6242 message framing. Both peers send their hello with {@link EndOfMessageFraming}; when both
 * advertise {@code urn:ietf:params:netconf:base:1.1} every later message uses {@link
 * ChunkedFraming}.
 */
interface Framing {

  /** Frames one whole message for sending. */
  byte[] encode(byte[] message);

  /**
   * Consumes the next complete message from {@code in}, or returns {@code null} (consuming what it
   * could) when more bytes are needed.
   *
   * @throws FramingException when the bytes cannot be valid framing
   */
  byte[] decode(FrameBuffer in);

  /** Malformed framing; the session cannot recover and must be closed. */
  final class FramingException extends RuntimeException {
    FramingException(String message) {
      super(message);
    }
  }
}
