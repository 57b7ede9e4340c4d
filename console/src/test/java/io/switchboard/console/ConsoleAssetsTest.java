package io.switchboard.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.console.web.ConsoleWebConfiguration;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The front-end libraries are pinned by version (the pom) and by checksum (here): a different
 * bundle under the same version fails the build. The viewer keeps its licence's watermark.
 */
class ConsoleAssetsTest {
  static final String VIEWER =
      "/META-INF/resources/webjars/bpmn-js/"
          + ConsoleWebConfiguration.BPMN_JS_VERSION
          + "/dist/bpmn-viewer.production.min.js";
  static final String VIEWER_SHA256 =
      "616da0ca821efa49bf846fb6610be7418f78190f4a3ca28e6d6450f09337b445";

  @Test
  void theBpmnViewerBundleIsTheOnePinned() throws Exception {
    try (InputStream in = getClass().getResourceAsStream(VIEWER)) {
      assertThat(in).as(VIEWER).isNotNull();
      byte[] bytes = in.readAllBytes();
      assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
          .isEqualTo(VIEWER_SHA256);
      // the "powered by bpmn.io" link the licence requires to stay visible
      assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8))
          .contains("bjs-powered-by");
    }
  }

  @Test
  void noPageLoadsAnythingFromAnotherHost() throws Exception {
    for (String page :
        new String[] {
          "layout",
          "login",
          "error",
          "dashboard",
          "operations",
          "operation",
          "devices",
          "device",
          "tenants",
          "users"
        }) {
      try (InputStream in =
          getClass().getResourceAsStream("/templates/console/" + page + ".html")) {
        assertThat(in).as(page).isNotNull();
        String html = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html).as(page).doesNotContainPattern("(src|href)=\"(https?:)?//");
      }
    }
  }

  /**
   * The console's Content-Security-Policy runs only the application's own script files: an inline
   * handler ({@code onsubmit="..."}), a {@code javascript:} link or an inline script would be
   * blocked by the browser, so a button relying on one would silently do nothing.
   */
  @Test
  void noTemplateHasInlineScript() throws Exception {
    java.nio.file.Path templates =
        java.nio.file.Path.of(getClass().getResource("/templates/console/layout.html").toURI())
            .getParent();
    java.util.regex.Pattern inline =
        java.util.regex.Pattern.compile(
            "\\son[a-z]+\\s*=|javascript:|<script(?![^>]*\\bth:src=)[^>]*>",
            java.util.regex.Pattern.CASE_INSENSITIVE);
    try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(templates)) {
      java.util.List<java.nio.file.Path> pages =
          files.filter(f -> f.toString().endsWith(".html")).toList();
      assertThat(pages).hasSizeGreaterThan(20);
      for (java.nio.file.Path page : pages) {
        assertThat(java.nio.file.Files.readString(page))
            .as(page.getFileName().toString())
            .doesNotContainPattern(inline);
      }
    }
  }
}
