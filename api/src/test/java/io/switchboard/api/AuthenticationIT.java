package io.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

class AuthenticationIT extends ApiIT {

  private String token(String role, String tenantId, long ttlSeconds) throws Exception {
    String pem =
        new ClassPathResource("jwt-test-private.pem")
            .getContentAsString(StandardCharsets.US_ASCII)
            .replaceAll("-----[A-Z ]+-----", "")
            .replaceAll("\\s", "");
    RSAPrivateKey key =
        (RSAPrivateKey)
            KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .subject("oidc-user")
            .expirationTime(new Date(System.currentTimeMillis() + ttlSeconds * 1000));
    if (role != null) {
      claims.claim("switchboard_role", role);
    }
    if (tenantId != null) {
      claims.claim("tenant_id", tenantId);
    }
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(),
            claims.build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private ResponseEntity<String> withBearer(String path, String token) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(token);
    return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  @Test
  void healthIsOpenEverythingElseNeedsCredentials() {
    assertThat(rest.getForEntity("/actuator/health", String.class).getStatusCode().value())
        .isIn(200, 404);
    assertThat(anonymous.get("/api/v1/sites").getStatusCode().value()).isEqualTo(401);
    assertThat(
            rest.withBasicAuth(ADMIN, "wrong password")
                .getForEntity("/api/v1/sites", String.class)
                .getStatusCode()
                .value())
        .isEqualTo(401);
    assertThat(rest.postForEntity("/v2/deployments", null, String.class).getStatusCode().value())
        .isEqualTo(401);
    assertThat(rest.getForEntity("/v3/api-docs", String.class).getStatusCode().value())
        .isEqualTo(200);
  }

  @Test
  void engineApiIsForProviderAdminsOnly() {
    String tenant = newTenant(null);
    Caller tenantAdmin = user(io.switchboard.inventory.user.Role.TENANT_ADMIN, null, tenant);
    assertThat(tenantAdmin.get("/v2/topology").getStatusCode().value()).isEqualTo(403);
    assertThat(admin.get("/v2/topology").getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void oidcTokenCarriesRoleAndTenantIntoTheScope() throws Exception {
    String mine = newTenant(null);
    String other = newTenant(null);
    String token = token("TENANT_VIEWER", mine, 300);

    assertThat(withBearer("/api/v1/tenants/" + mine, token).getStatusCode().value()).isEqualTo(200);
    assertThat(withBearer("/api/v1/tenants/" + other, token).getStatusCode().value())
        .isEqualTo(404);
  }

  @Test
  void expiredOrRolelessTokensAreRefused() throws Exception {
    String tenant = newTenant(null);
    assertThat(
            withBearer("/api/v1/sites", token("TENANT_VIEWER", tenant, -60))
                .getStatusCode()
                .value())
        .isEqualTo(401);
    assertThat(withBearer("/api/v1/sites", token(null, tenant, 300)).getStatusCode().value())
        .isEqualTo(401);
    assertThat(
            withBearer("/api/v1/sites", token("TENANT_VIEWER", null, 300)).getStatusCode().value())
        .isEqualTo(401);
  }
}
