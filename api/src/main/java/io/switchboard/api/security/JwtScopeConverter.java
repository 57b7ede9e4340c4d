package io.switchboard.api.security;

import io.switchboard.inventory.scope.AccessScope;
import io.switchboard.inventory.user.Role;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Maps an OIDC access token to an access scope: the role and the operating company / tenant come
 * from claims (names configurable, defaults {@code switchboard_role}, {@code opco_id}, {@code
 * tenant_id}); a token without a valid role is refused.
 */
public class JwtScopeConverter implements Converter<Jwt, AbstractAuthenticationToken> {
  private final String roleClaim;
  private final String opcoClaim;
  private final String tenantClaim;

  public JwtScopeConverter(String roleClaim, String opcoClaim, String tenantClaim) {
    this.roleClaim = roleClaim;
    this.opcoClaim = opcoClaim;
    this.tenantClaim = tenantClaim;
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    String roleName = jwt.getClaimAsString(roleClaim);
    Role role;
    try {
      role = Role.valueOf(roleName);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidBearerTokenException("Token has no valid '" + roleClaim + "' claim");
    }
    AccessScope scope;
    try {
      scope =
          new AccessScope(
              jwt.getSubject(),
              role,
              jwt.getClaimAsString(opcoClaim),
              jwt.getClaimAsString(tenantClaim));
    } catch (IllegalArgumentException e) {
      throw new InvalidBearerTokenException(e.getMessage());
    }
    JwtAuthenticationToken token =
        new JwtAuthenticationToken(
            jwt, List.of(new SimpleGrantedAuthority("ROLE_" + role.name())), jwt.getSubject());
    token.setDetails(scope);
    return token;
  }
}
