package io.switchboard.app.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal OIDC provider for the console's sign-in test, a true boundary: it answers the token
 * request with an ID token signed by its own RSA key (served at /jwks) carrying the claims the next
 * sign-in should get. The authorization step itself is the test's: it follows the redirect.
 */
final class FakeOidcProvider implements AutoCloseable {
  static final String CLIENT_ID = "console";
  static final String CLIENT_SECRET = "console-secret";

  private final HttpServer server;
  private final RSAKey key;
  private final ObjectMapper json = new ObjectMapper();
  private volatile Map<String, Object> nextClaims = Map.of();
  private volatile String nextNonce;

  FakeOidcProvider() {
    try {
      key = new RSAKeyGenerator(2048).keyID("console-test").generate();
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException | com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
    server.createContext(
        "/jwks", x -> answer(x, Map.of("keys", List.of(key.toPublicJWK().toJSONObject()))));
    server.createContext("/token", this::token);
    server.start();
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The claims and nonce of the next ID token. */
  void nextSignIn(Map<String, Object> claims, String nonce) {
    this.nextClaims = claims;
    this.nextNonce = nonce;
  }

  private void token(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    try {
      JWTClaimsSet.Builder claims =
          new JWTClaimsSet.Builder()
              .issuer(base())
              .audience(CLIENT_ID)
              .issueTime(new Date())
              .expirationTime(new Date(System.currentTimeMillis() + 300_000))
              .claim("nonce", nextNonce);
      nextClaims.forEach(claims::claim);
      SignedJWT idToken =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
              claims.build());
      idToken.sign(new RSASSASigner(key));
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("access_token", "access-" + System.nanoTime());
      body.put("token_type", "Bearer");
      body.put("expires_in", 300);
      body.put("scope", "openid");
      body.put("id_token", idToken.serialize());
      answer(exchange, body);
    } catch (com.nimbusds.jose.JOSEException e) {
      exchange.sendResponseHeaders(500, -1);
      exchange.close();
    }
  }

  private void answer(HttpExchange exchange, Object body) throws IOException {
    byte[] bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
