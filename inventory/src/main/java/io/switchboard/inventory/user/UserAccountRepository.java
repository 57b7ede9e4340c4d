package io.switchboard.inventory.user;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface UserAccountRepository
    extends JpaRepository<UserAccount, String>, JpaSpecificationExecutor<UserAccount> {
  Optional<UserAccount> findByUsername(String username);

  boolean existsByUsername(String username);

  /** The enabled account of a user name as a password check needs it; one indexed read. */
  @Query(
      "select new io.switchboard.inventory.user.AccountState(u.id, u.lockVersion, u.username,"
          + " u.passwordHash, u.role, u.opcoId, u.tenantId)"
          + " from UserAccount u where u.username = :username and u.enabled = true")
  Optional<AccountState> findEnabledAccount(@Param("username") String username);

  long countByRole(Role role);
}
