package io.switchboard.api.security;

import io.switchboard.inventory.scope.AccessScope;
import io.switchboard.inventory.user.UserAccountRepository;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Local users (bcrypt) for HTTP Basic on the embedded default. */
@Service
public class LocalUserDetailsService implements UserDetailsService {
  private final UserAccountRepository users;

  public LocalUserDetailsService(UserAccountRepository users) {
    this.users = users;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    return users
        .findByUsername(username)
        .map(
            u ->
                new ScopedPrincipal(
                    new AccessScope(u.getUsername(), u.getRole(), u.getOpcoId(), u.getTenantId()),
                    u.getPasswordHash()))
        .orElseThrow(() -> new UsernameNotFoundException("Unknown user"));
  }
}
