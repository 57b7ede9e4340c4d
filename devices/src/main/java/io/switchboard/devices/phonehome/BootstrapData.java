package io.switchboard.devices.phonehome;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * The bootstrap data a server answers:
 *
 * <pre>{@code
 * {
 *   "configuration": "<configuration>...</configuration>",   (optional)
 *   "configurationFormat": "xml" | "text" | "set",            (optional, default xml)
 *   "image": { "url": "http://.../junos-srxsme-22.4R3.tgz",   (optional)
 *              "sha256": "<hex>", "version": "22.4R3" }
 * }
 * }</pre>
 *
 * An empty object means nothing to do.
 */
public record BootstrapData(String configuration, String configurationFormat, Image image) {

  /** An image to install: {@code version} defaults to the release in the file name. */
  public record Image(String url, String sha256, String version) {}

  static BootstrapData parse(ObjectMapper json, String body) throws IOException {
    if (body == null || body.isBlank()) {
      return new BootstrapData(null, "xml", null);
    }
    JsonNode root = json.readTree(body);
    if (root.has("bootstrap-data") && root.size() == 1) {
      root = root.get("bootstrap-data");
    }
    if (!root.isObject()) {
      throw new IOException("bootstrap data is not a JSON object");
    }
    String configuration = text(root, "configuration");
    String format = text(root, "configurationFormat");
    Image image = null;
    JsonNode imageNode = root.get("image");
    if (imageNode != null && imageNode.isObject()) {
      String url = text(imageNode, "url");
      if (url == null) {
        throw new IOException("bootstrap data image has no url");
      }
      image = new Image(url, text(imageNode, "sha256"), text(imageNode, "version"));
    }
    return new BootstrapData(configuration, format == null ? "xml" : format, image);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
