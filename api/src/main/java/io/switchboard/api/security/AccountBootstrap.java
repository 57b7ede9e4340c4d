package io.switchboard.api.security;

import io.switchboard.inventory.user.Role;
import io.switchboard.inventory.user.UserAccount;
import io.switchboard.inventory.user.UserAccountRepository;
import jakarta.annotation.PostConstruct;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates the provider administrator on first start (password from {@code
 * switchboard.security.admin.password}, or generated and printed once), and keeps the application's
 * system account, which its own Camunda client uses, in step with the system password of this run.
 */
@Component
public class AccountBootstrap {
  private static final Logger LOG = LoggerFactory.getLogger(AccountBootstrap.class);

  private final UserAccountRepository users;
  private final PasswordEncoder encoder;
  private final String adminUsername;
  private final String adminPassword;
  private final String systemUsername;
  private final String systemPassword;

  public AccountBootstrap(
      UserAccountRepository users,
      PasswordEncoder encoder,
      @Value("${switchboard.security.admin.username:admin}") String adminUsername,
      @Value("${switchboard.security.admin.password:}") String adminPassword,
      @Value("${switchboard.security.system.username:switchboard-system}") String systemUsername,
      @Value("${switchboard.security.system.password:}") String systemPassword) {
    this.users = users;
    this.encoder = encoder;
    this.adminUsername = adminUsername;
    this.adminPassword = adminPassword;
    this.systemUsername = systemUsername;
    this.systemPassword = systemPassword;
  }

  @PostConstruct
  void bootstrap() {
    if (users.findByUsername(adminUsername).isEmpty()) {
      String password = adminPassword.isBlank() ? generatePassword() : adminPassword;
      try {
        users.saveAndFlush(
            new UserAccount(adminUsername, encoder.encode(password), Role.SP_ADMIN, null, null));
      } catch (DataIntegrityViolationException e) {
        // several instances starting together on a new database: one of them created it
        LOG.info("Provider administrator '{}' was created by another instance", adminUsername);
        keepSystemAccount();
        return;
      }
      if (adminPassword.isBlank()) {
        LOG.warn(
            "\n\n  Created provider administrator '{}' with generated password: {}\n"
                + "  It is shown only this once. Set switchboard.security.admin.password to choose your own.\n",
            adminUsername,
            password);
      } else {
        LOG.info("Created provider administrator '{}'", adminUsername);
      }
    }
    keepSystemAccount();
  }

  private void keepSystemAccount() {
    if (systemPassword.isBlank()) {
      return;
    }
    for (int attempt = 1; ; attempt++) {
      UserAccount system =
          users
              .findByUsername(systemUsername)
              .orElseGet(() -> new UserAccount(systemUsername, "", Role.SP_ADMIN, null, null));
      system.setPasswordHash(encoder.encode(systemPassword));
      try {
        users.saveAndFlush(system);
        return;
      } catch (DataIntegrityViolationException | OptimisticLockingFailureException e) {
        // another instance created or changed it at the same moment: read it again
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  static String generatePassword() {
    byte[] raw = new byte[18];
    new SecureRandom().nextBytes(raw);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }
}
