package io.switchboard.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.switchboard.api.ApiIT;
import io.switchboard.inventory.user.UserAccount;
import io.switchboard.inventory.user.UserAccountRepository;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Several instances starting together on a new database each look for the provider administrator,
 * find none, and create it: the one that comes second starts anyway, with the first one's account.
 */
class AccountBootstrapRaceIT extends ApiIT {

  @Test
  void anInstanceThatLosesTheRaceToCreateTheAdministratorStartsWithTheWinnersAccount() {
    UserAccount winner = users.findByUsername(ADMIN).orElseThrow();
    // this instance looked before the other one's insert committed
    UserAccountRepository lookedTooEarly =
        (UserAccountRepository)
            Proxy.newProxyInstance(
                UserAccountRepository.class.getClassLoader(),
                new Class<?>[] {UserAccountRepository.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("findByUsername") && ADMIN.equals(args[0])) {
                    return Optional.empty();
                  }
                  try {
                    return method.invoke(users, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    AccountBootstrap second =
        new AccountBootstrap(
            lookedTooEarly, encoder, ADMIN, "another-password", "switchboard-system", "");

    assertThatCode(second::bootstrap).doesNotThrowAnyException();

    UserAccount admin = users.findByUsername(ADMIN).orElseThrow();
    assertThat(admin.getId()).isEqualTo(winner.getId());
    assertThat(encoder.matches(ADMIN_PASSWORD, admin.getPasswordHash())).isTrue();
  }
}
