package io.switchboard.api.security;

import io.switchboard.inventory.scope.AccessScope;
import io.switchboard.inventory.user.UserAccount;
import io.switchboard.inventory.user.UserAccountRepository;
import java.util.Optional;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

  /** The enabled account of {@code username} as the database has it now. */
  @Transactional(readOnly = true)
  public Optional<CachingPasswordAuthentication.Account> currentAccount(String username) {
    return users.findByUsername(username).filter(UserAccount::isEnabled).map(this::account);
  }

  private CachingPasswordAuthentication.Account account(UserAccount u) {
    return new CachingPasswordAuthentication.Account(
        u.getId(),
        u.getLockVersion(),
        u.getPasswordHash(),
        new ScopedPrincipal(
            new AccessScope(u.getUsername(), u.getRole(), u.getOpcoId(), u.getTenantId()), null));
  }
}
