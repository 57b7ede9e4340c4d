package io.switchboard.api.security;

import io.switchboard.inventory.scope.AccessScope;
import io.switchboard.inventory.user.AccountState;
import io.switchboard.inventory.user.UserAccountRepository;
import java.util.Optional;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Local users (bcrypt) for HTTP Basic on the embedded default. A disabled account is treated as
 * absent: it cannot sign in, and the answer does not say that it exists.
 */
@Service
public class LocalUserDetailsService implements UserDetailsService {
  private final UserAccountRepository users;

  public LocalUserDetailsService(UserAccountRepository users) {
    this.users = users;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    return currentAccount(username)
        .map(a -> new ScopedPrincipal(a.principal().scope(), a.passwordHash()))
        .orElseThrow(() -> new UsernameNotFoundException("Unknown user"));
  }

  /**
   * The enabled account of {@code username} as the database has it now: one indexed read of a few
   * columns, no entity loaded, no transaction of its own (it runs on every request).
   */
  public Optional<CachingPasswordAuthentication.Account> currentAccount(String username) {
    return users.findEnabledAccount(username).map(LocalUserDetailsService::account);
  }

  private static CachingPasswordAuthentication.Account account(AccountState u) {
    return new CachingPasswordAuthentication.Account(
        u.id(),
        u.version(),
        u.passwordHash(),
        new ScopedPrincipal(
            new AccessScope(u.username(), u.role(), u.opcoId(), u.tenantId()), null));
  }
}
