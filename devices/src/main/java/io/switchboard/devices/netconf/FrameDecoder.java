package io.switchboard.devices.netconf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Incremental RFC 6242 decoder: end-of-message framing ({@code ]]>]]>}) until {@link
 * #switchToChunked()}, chunked framing ({@code \n#<len>\n...\n##\n}) after. Bytes arrive in any
 * split through {@link #feed}; {@link #next()} returns each complete message once. Not thread-safe:
 * one decoder per session, fed by its I/O thread.
 */
public final class FrameDecoder {

  static final byte[] END_OF_MESSAGE = "]]>]]>".getBytes(StandardCharsets.US_ASCII);
  private static final long MAX_CHUNK = 4294967295L;

  private final int maxMessageSize;
  private byte[] buffer = new byte[4096];
  private int start;
  private int end;
  private boolean chunked;
  private final ByteArrayOutputStream message = new ByteArrayOutputStream();

  public FrameDecoder(int maxMessageSize) {
    this.maxMessageSize = maxMessageSize;
  }

  public FrameDecoder() {
    this(64 * 1024 * 1024);
  }

  /** Called after the hello exchange when both peers announced base:1.1. */
  public void switchToChunked() {
    chunked = true;
  }

  public boolean isChunked() {
    return chunked;
  }

  public void feed(byte[] data, int offset, int length) throws FramingException {
    if (end - start + length > maxMessageSize + 64) {
      throw new FramingException("message exceeds " + maxMessageSize + " bytes");
    }
    if (end + length > buffer.length) {
      int live = end - start;
      if (live + length > buffer.length) {
        buffer =
            Arrays.copyOfRange(buffer, start, start + Math.max(buffer.length * 2, live + length));
      } else {
        System.arraycopy(buffer, start, buffer, 0, live);
      }
      end = live;
      start = 0;
    }
    System.arraycopy(data, offset, buffer, end, length);
    end += length;
  }

  /** The next complete message, or null when more bytes are needed. */
  public byte[] next() throws FramingException {
    return chunked ? nextChunked() : nextEndOfMessage();
  }

  private byte[] nextEndOfMessage() {
    int limit = end - END_OF_MESSAGE.length;
    outer:
    for (int i = start; i <= limit; i++) {
      for (int j = 0; j < END_OF_MESSAGE.length; j++) {
        if (buffer[i + j] != END_OF_MESSAGE[j]) {
          continue outer;
        }
      }
      byte[] result = Arrays.copyOfRange(buffer, start, i);
      start = i + END_OF_MESSAGE.length;
      return result;
    }
    return null;
  }

  private byte[] nextChunked() throws FramingException {
    while (true) {
      int pos = start;
      if (end - pos < 2) {
        return null;
      }
      if (buffer[pos] != '\n' || buffer[pos + 1] != '#') {
        throw new FramingException("expected chunk header '\\n#', got " + printable(pos));
      }
      pos += 2;
      if (pos >= end) {
        return null;
      }
      if (buffer[pos] == '#') {
        if (pos + 1 >= end) {
          return null;
        }
        if (buffer[pos + 1] != '\n') {
          throw new FramingException("malformed end-of-chunks marker");
        }
        start = pos + 2;
        if (message.size() == 0) {
          throw new FramingException("end-of-chunks marker without a chunk");
        }
        byte[] result = message.toByteArray();
        message.reset();
        return result;
      }
      long size = 0;
      int digits = 0;
      while (pos < end && buffer[pos] != '\n') {
        byte b = buffer[pos];
        if (b < '0' || b > '9' || (digits == 0 && b == '0') || digits >= 10) {
          throw new FramingException("malformed chunk size");
        }
        size = size * 10 + (b - '0');
        digits++;
        pos++;
      }
      if (pos >= end) {
        return null;
      }
      if (digits == 0 || size > MAX_CHUNK) {
        throw new FramingException("malformed chunk size");
      }
      pos++;
      if (message.size() + size > maxMessageSize) {
        throw new FramingException("message exceeds " + maxMessageSize + " bytes");
      }
      if (end - pos < size) {
        return null;
      }
      message.write(buffer, pos, (int) size);
      start = pos + (int) size;
    }
  }

  private String printable(int pos) {
    int to = Math.min(end, pos + 16);
    return '"'
        + new String(buffer, pos, to - pos, StandardCharsets.UTF_8).replace("\n", "\\n")
        + '"';
  }
}
