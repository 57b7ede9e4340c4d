package io.switchboard.api.security;

import io.switchboard.inventory.scope.AccessScope;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A local user as Spring Security sees it, carrying its access scope. */
public record ScopedPrincipal(AccessScope scope, String passwordHash) implements UserDetails {
  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return List.of(new SimpleGrantedAuthority("ROLE_" + scope.role().name()));
  }

  @Override
  public String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return scope.username();
  }
}
