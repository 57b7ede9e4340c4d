package io.switchboard.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.inventory.user.Role;
import io.switchboard.inventory.user.UserAccount;
import io.switchboard.inventory.user.UserAccountRepository;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Base of the API suite: the real application on a random port, called over HTTP. */
@SpringBootTest(
    classes = ApiTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApiIT {
  protected static final String ADMIN = "admin";
  protected static final String ADMIN_PASSWORD = "admin-password-for-tests";
  protected static final String PASSWORD = "correct horse battery staple";

  @Autowired protected TestRestTemplate rest;
  @Autowired protected UserAccountRepository users;
  @Autowired protected PasswordEncoder encoder;

  /** Calls the API as a user. */
  protected final class Caller {
    private final String username;
    private final String password;

    Caller(String username, String password) {
      this.username = username;
      this.password = password;
    }

    public String username() {
      return username;
    }

    /** The underlying client with this caller's credentials, for multipart and binary calls. */
    public TestRestTemplate template() {
      return username == null ? rest : rest.withBasicAuth(username, password);
    }

    public ResponseEntity<JsonNode> call(HttpMethod method, String path, Object body) {
      HttpHeaders headers = new HttpHeaders();
      headers.setContentType(MediaType.APPLICATION_JSON);
      TestRestTemplate client = username == null ? rest : rest.withBasicAuth(username, password);
      return client.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    public ResponseEntity<JsonNode> get(String path) {
      return call(HttpMethod.GET, path, null);
    }

    public ResponseEntity<JsonNode> post(String path, Object body) {
      return call(HttpMethod.POST, path, body);
    }

    public ResponseEntity<JsonNode> put(String path, Object body) {
      return call(HttpMethod.PUT, path, body);
    }

    public ResponseEntity<JsonNode> delete(String path) {
      return call(HttpMethod.DELETE, path, null);
    }

    /** Creates and returns the new object's id, failing the test if the API refused. */
    public String create(String path, Object body) {
      ResponseEntity<JsonNode> response = post(path, body);
      if (response.getStatusCode().value() != 201) {
        throw new AssertionError(
            "POST " + path + " answered " + response.getStatusCode() + ": " + response.getBody());
      }
      return response.getBody().get("id").asText();
    }
  }

  protected Caller admin;
  protected Caller anonymous;

  @BeforeEach
  void callers() {
    admin = new Caller(ADMIN, ADMIN_PASSWORD);
    anonymous = new Caller(null, null);
  }

  protected Caller as(String username) {
    return new Caller(username, PASSWORD);
  }

  protected static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A user of a role in a scope, created straight in the repository (test set-up). */
  protected Caller user(Role role, String opcoId, String tenantId) {
    String name = unique(role.name().toLowerCase());
    users.save(new UserAccount(name, encoder.encode(PASSWORD), role, opcoId, tenantId));
    return as(name);
  }

  protected String newOpco() {
    return admin.create("/api/v1/opcos", Map.of("name", unique("opco")));
  }

  protected String newTenant(String opcoId) {
    return admin.create(
        "/api/v1/tenants",
        opcoId == null
            ? Map.of("name", unique("tenant"))
            : Map.of("name", unique("tenant"), "opcoId", opcoId));
  }

  protected String newSite(String tenantId) {
    return admin.create(
        "/api/v1/sites", Map.of("tenantId", tenantId, "name", unique("site"), "type", "BRANCH"));
  }

  protected String newModel() {
    return admin.create(
        "/api/v1/device-models",
        Map.of("name", unique("srx300"), "vendor", "Juniper", "family", "srx"));
  }

  protected String newDevice(String tenantId, String siteId, String modelId) {
    return admin.create(
        "/api/v1/devices",
        Map.of(
            "tenantId",
            tenantId,
            "siteId",
            siteId,
            "serialNumber",
            unique("SN"),
            "modelId",
            modelId,
            "credentials",
            Map.of("username", "netconf", "password", "device-secret")));
  }
}
