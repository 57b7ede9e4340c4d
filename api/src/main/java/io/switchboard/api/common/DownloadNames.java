package io.switchboard.api.common;

import io.switchboard.api.logging.UnsafeCharacters;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;

/**
 * {@code Content-Disposition} for downloads whose file name came from a user: the name is reduced
 * to a plain file name (no path, no control or bidirectional characters, no quotes or backslashes)
 * and sent RFC 6266 style, with a UTF-8 {@code filename*} parameter, by Spring's builder, so no
 * name can end the header value or add parameters to it.
 */
public final class DownloadNames {
  static final int MAX_LENGTH = 200;

  private DownloadNames() {}

  /** {@code attachment} with the sanitised name; {@code fallback} when nothing usable is left. */
  public static ContentDisposition attachment(String fileName, String fallback) {
    return ContentDisposition.attachment()
        .filename(sanitise(fileName, fallback), StandardCharsets.UTF_8)
        .build();
  }

  /** The file name as a download may carry it. */
  public static String sanitise(String fileName, String fallback) {
    if (fileName == null) {
      return fallback;
    }
    String name = fileName;
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(slash + 1);
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length() && out.length() < MAX_LENGTH; i++) {
      char c = name.charAt(i);
      if (UnsafeCharacters.isUnsafe(c) || c == '"' || c == '\\' || c == ';' || c == '%') {
        out.append('_');
      } else {
        out.append(c);
      }
    }
    String clean = out.toString().strip();
    return clean.isEmpty() || clean.equals(".") || clean.equals("..") ? fallback : clean;
  }
}
