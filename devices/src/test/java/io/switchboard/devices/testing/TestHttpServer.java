package io.switchboard.devices.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A JDK HTTP server on an ephemeral loopback port for tests: serves fixed bodies by path, or
 * answers through a handler function, and records every request.
 */
public final class TestHttpServer implements AutoCloseable {

  /** A recorded request. */
  public record Request(String method, String path, String authorization, String body) {}

  /** An answer: status and body. */
  public record Response(int status, String contentType, byte[] body) {
    public static Response json(int status, String json) {
      return new Response(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    public static Response status(int status) {
      return new Response(status, "text/plain", new byte[0]);
    }
  }

  private final HttpServer server;
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private volatile Function<Request, Response> handler = r -> null;

  public TestHttpServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Request request =
        new Request(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getRawPath(),
            exchange.getRequestHeaders().getFirst("Authorization"),
            body);
    requests.add(request);
    Response response = handler.apply(request);
    if (response == null) {
      byte[] file = files.get(request.path());
      response =
          file == null ? Response.status(404) : new Response(200, "application/octet-stream", file);
    }
    exchange.getResponseHeaders().set("Content-Type", response.contentType());
    if (response.body().length == 0) {
      exchange.sendResponseHeaders(response.status(), -1);
    } else {
      exchange.sendResponseHeaders(response.status(), response.body().length);
      exchange.getResponseBody().write(response.body());
    }
    exchange.close();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  public String baseUrl() {
    return url("");
  }

  public void serve(String path, byte[] content) {
    files.put(path, content);
  }

  /** Answers requests the handler returns non-null for; the rest fall back to served files. */
  public void handler(Function<Request, Response> handler) {
    this.handler = handler;
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  public List<Request> requests(String method, String pathSuffix) {
    return requests.stream()
        .filter(r -> r.method().equals(method) && r.path().endsWith(pathSuffix))
        .toList();
  }

  public void clear() {
    requests.clear();
    files.clear();
    handler = r -> null;
  }

  public static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
