package io.switchboard.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OIDC sign-in to the console with a configured client registration: the ID token's claims give the
 * role and the tenant, the session then sees exactly that tenant; a token without a valid role
 * signs nobody in. The provider is a fake at the boundary ({@link FakeOidcProvider}).
 */
class ConsoleOidcIT extends ConsoleTestBase {
  static Fixture f;

  @BeforeEach
  void data() {
    f = fixture();
  }

  /** Follows the authorization redirect as the provider would, with these claims in the token. */
  private static HttpResponse<String> signInWithOidc(
      ConsoleSession browser, Map<String, Object> claims) {
    HttpResponse<String> start = browser.get("/console/oauth2/authorization/corp");
    assertThat(start.statusCode()).isEqualTo(302);
    URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
    assertThat(authorize.toString()).startsWith(OIDC.base() + "/authorize");
    Map<String, String> query = new HashMap<>();
    for (String pair : authorize.getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    assertThat(query.get("client_id")).isEqualTo(FakeOidcProvider.CLIENT_ID);
    OIDC.nextSignIn(claims, query.get("nonce"));
    URI callback = URI.create(query.get("redirect_uri"));
    return browser.get(
        callback.getPath()
            + "?code=code-"
            + System.nanoTime()
            + "&state="
            + java.net.URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
  }

  @Test
  void anOidcUserSignsInWithTheRoleAndTenantOfItsToken() {
    ConsoleSession browser = new ConsoleSession(BASE);
    assertThat(browser.get("/console/login").body()).contains("Sign in with Corp SSO");
    HttpResponse<String> signedIn =
        signInWithOidc(
            browser,
            Map.of(
                "sub", "sso-alpha-operator",
                "switchboard_role", "TENANT_OPERATOR",
                "tenant_id", f.alphaTenant()));
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location").orElse("")).endsWith("/console");
    HttpResponse<String> dashboard = browser.get("/console");
    assertThat(dashboard.statusCode()).isEqualTo(200);
    assertThat(dashboard.body()).contains("sso-alpha-operator (TENANT_OPERATOR)");
    String operations = browser.get("/console/operations").body();
    assertThat(operations).contains(f.alphaOperation()).doesNotContain(f.betaOperation());
    assertThat(browser.get("/console/operations/" + f.betaOperation()).statusCode()).isEqualTo(404);
    browser.post("/console/logout", Map.of());
    assertThat(browser.get("/console").statusCode()).isEqualTo(302);
  }

  @Test
  void aTokenWithoutAValidRoleSignsNobodyIn() {
    ConsoleSession browser = new ConsoleSession(BASE);
    HttpResponse<String> refused =
        signInWithOidc(browser, Map.of("sub", "sso-nobody", "switchboard_role", "EMPEROR"));
    assertThat(refused.headers().firstValue("Location").orElse(""))
        .endsWith("/console/login?error");
    assertThat(browser.get("/console").statusCode()).isEqualTo(302);
  }
}
