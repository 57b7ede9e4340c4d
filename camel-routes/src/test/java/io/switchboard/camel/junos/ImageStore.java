package io.switchboard.camel.junos;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Stands in for Switchboard's image store: serves packages and their .sha256 on loopback. */
final class ImageStore implements AutoCloseable {

  private final HttpServer server;
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();

  ImageStore() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/images/",
        exchange -> {
          byte[] body =
              files.get(exchange.getRequestURI().getPath().substring("/images/".length()));
          if (body == null) {
            exchange.sendResponseHeaders(404, -1);
          } else {
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          }
          exchange.close();
        });
    server.start();
  }

  /** Publishes a package and its checksum; answers the URL a device fetches it from. */
  String publish(String fileName, byte[] content) {
    files.put(fileName, content);
    files.put(
        fileName + ".sha256",
        (sha256(content) + "  " + fileName + "\n").getBytes(StandardCharsets.UTF_8));
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/images/" + fileName;
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
