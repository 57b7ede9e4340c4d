package io.switchboard.netconf.framing;

import java.nio.charset.StandardCharsets;

/**
 * RFC 6242 framing of one NETCONF session, for either peer: end-of-message framing ({@code ]]>]]>})
 * until {@link #switchToChunked()}, chunked framing ({@code \n#<size>\n...\n##\n}) after. Bytes
 * arrive in any split through {@link #feed}; {@link #next()} returns each complete message once.
 * Decoding is not thread-safe (one reader thread per session); {@link #encode} may be called from
 * any thread.
 */
public final class FrameCodec {

  /** Without a limit of its own, a session refuses messages over 64 MiB. */
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

  /** Outgoing chunked messages are cut into chunks of at most this size by default. */
  public static final int DEFAULT_MAX_CHUNK_BYTES = 64 * 1024;

  private final int maxMessageBytes;
  private final int maxChunkBytes;
  private final FrameBuffer input = new FrameBuffer();
  private Framing decoder;
  private volatile Framing encoder;

  /**
   * @param maxMessageBytes a received message larger than this is a {@link FramingException}
   * @param maxChunkBytes the largest chunk this side sends once framing is chunked
   */
  public FrameCodec(int maxMessageBytes, int maxChunkBytes) {
    this.maxMessageBytes = maxMessageBytes;
    this.maxChunkBytes = maxChunkBytes;
    this.decoder = new EndOfMessageFraming(maxMessageBytes);
    this.encoder = decoder;
  }

  public FrameCodec(int maxMessageBytes) {
    this(maxMessageBytes, DEFAULT_MAX_CHUNK_BYTES);
  }

  public FrameCodec() {
    this(DEFAULT_MAX_MESSAGE_BYTES);
  }

  /**
   * Called once the hellos are exchanged and both peers announced base:1.1: bytes already fed but
   * not yet returned by {@link #next()} are read as chunks too.
   */
  public void switchToChunked() {
    ChunkedFraming chunked = new ChunkedFraming(maxMessageBytes, maxChunkBytes);
    decoder = chunked;
    encoder = chunked;
  }

  public boolean isChunked() {
    return encoder instanceof ChunkedFraming;
  }

  /** Adds received bytes; call {@link #next()} until it answers {@code null} afterwards. */
  public void feed(byte[] data, int offset, int length) {
    input.append(data, offset, length);
  }

  /**
   * The next complete message, or {@code null} when more bytes are needed.
   *
   * @throws FramingException when the bytes are not valid framing or the message is too large
   */
  public byte[] next() {
    return decoder.decode(input);
  }

  /** Frames one message in the session's current framing. */
  public byte[] encode(byte[] message) {
    return encoder.encode(message);
  }

  /** Frames one message in the session's current framing. */
  public byte[] encode(String message) {
    return encode(message.getBytes(StandardCharsets.UTF_8));
  }

  /** Frames a hello, which always goes out with end-of-message framing. */
  public static byte[] encodeHello(byte[] hello) {
    return new EndOfMessageFraming(Integer.MAX_VALUE).encode(hello);
  }
}
