package io.switchboard.netconf.framing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * base:1.1 framing: a message is one or more chunks {@code \n#<size>\n<data>} followed by {@code
 * \n##\n} (RFC 6242 section 4.2). The decoder keeps its state between reads and copies chunk data
 * as it arrives, so a large chunk never has to sit whole in the read buffer.
 */
final class ChunkedFraming implements Framing {

  /** RFC 6242: chunk-size is 1..4294967295. */
  static final long MAX_CHUNK_SIZE = 4294967295L;

  private static final int MAX_SIZE_DIGITS = 10;

  private final int maxMessageBytes;
  private final int maxChunkToSend;
  private ByteArrayOutputStream message = new ByteArrayOutputStream();
  private long chunkRemaining;

  ChunkedFraming(int maxMessageBytes, int maxChunkToSend) {
    if (maxChunkToSend < 1) {
      throw new IllegalArgumentException("chunks must hold at least one byte");
    }
    this.maxMessageBytes = maxMessageBytes;
    this.maxChunkToSend = maxChunkToSend;
  }

  @Override
  public byte[] encode(byte[] payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 32);
    int offset = 0;
    while (offset < payload.length) {
      int size = Math.min(maxChunkToSend, payload.length - offset);
      out.writeBytes(("\n#" + size + "\n").getBytes(StandardCharsets.US_ASCII));
      out.write(payload, offset, size);
      offset += size;
    }
    out.writeBytes("\n##\n".getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  @Override
  public byte[] decode(FrameBuffer in) {
    while (true) {
      if (chunkRemaining > 0) {
        int n = (int) Math.min(chunkRemaining, in.available());
        if (n == 0) {
          return null;
        }
        in.copyTo(message, n);
        chunkRemaining -= n;
        continue;
      }
      // Expecting "\n#<size>\n" or the end-of-chunks "\n##\n".
      if (in.available() < 3) {
        return null;
      }
      if (in.get(0) != '\n' || in.get(1) != '#') {
        throw new FramingException("expected chunk header, got " + in.describe());
      }
      if (in.get(2) == '#') {
        if (in.available() < 4) {
          return null;
        }
        if (in.get(3) != '\n') {
          throw new FramingException("bad end-of-chunks marker " + in.describe());
        }
        if (message.size() == 0) {
          throw new FramingException("end-of-chunks marker without a chunk");
        }
        in.skip(4);
        byte[] complete = message.toByteArray();
        message = new ByteArrayOutputStream();
        return complete;
      }
      long size = 0;
      int i = 2;
      while (true) {
        if (i >= in.available()) {
          return null;
        }
        byte b = in.get(i);
        if (b == '\n') {
          break;
        }
        if (b < '0' || b > '9' || (i == 2 && b == '0') || i - 2 >= MAX_SIZE_DIGITS) {
          throw new FramingException("bad chunk size in " + in.describe());
        }
        size = size * 10 + (b - '0');
        i++;
      }
      if (i == 2 || size > MAX_CHUNK_SIZE) {
        throw new FramingException("bad chunk size in " + in.describe());
      }
      // refuse an oversize message when its chunk is announced, before reading its data
      if (message.size() + size > maxMessageBytes) {
        throw new FramingException("message exceeds " + maxMessageBytes + " bytes");
      }
      in.skip(i + 1);
      chunkRemaining = size;
    }
  }
}
