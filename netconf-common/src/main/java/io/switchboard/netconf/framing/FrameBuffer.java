package io.switchboard.netconf.framing;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/** Bytes received from the peer and not yet consumed by a {@link Framing} decoder. */
final class FrameBuffer {

  private byte[] data = new byte[8192];
  private int readPos;
  private int writePos;

  void append(byte[] src, int offset, int length) {
    if (writePos + length > data.length) {
      int live = writePos - readPos;
      if (live + length <= data.length && readPos > 0) {
        System.arraycopy(data, readPos, data, 0, live);
      } else {
        data =
            Arrays.copyOfRange(data, readPos, readPos + Math.max(data.length * 2, live + length));
      }
      readPos = 0;
      writePos = live;
    }
    System.arraycopy(src, offset, data, writePos, length);
    writePos += length;
  }

  int available() {
    return writePos - readPos;
  }

  /** The byte at {@code index} counted from the first unconsumed byte. */
  byte get(int index) {
    return data[readPos + index];
  }

  /** Index of {@code pattern} at or after {@code from}, or -1. */
  int indexOf(byte[] pattern, int from) {
    int last = available() - pattern.length;
    outer:
    for (int i = Math.max(0, from); i <= last; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[readPos + i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  byte[] take(int length) {
    byte[] out = Arrays.copyOfRange(data, readPos, readPos + length);
    skip(length);
    return out;
  }

  void copyTo(ByteArrayOutputStream out, int length) {
    out.write(data, readPos, length);
    skip(length);
  }

  void skip(int length) {
    readPos += length;
    if (readPos == writePos) {
      readPos = 0;
      writePos = 0;
    }
  }

  /** Up to 16 bytes from the read position, printable, for error messages. */
  String describe() {
    int n = Math.min(available(), 16);
    StringBuilder text = new StringBuilder("\"");
    for (int i = 0; i < n; i++) {
      char c = (char) (get(i) & 0xff);
      text.append(c == '\n' ? "\\n" : c < 32 || c > 126 ? "?" : String.valueOf(c));
    }
    return text.append('"').toString();
  }
}
