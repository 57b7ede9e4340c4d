package io.switchboard.inventory.user;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface UserAccountRepository
    extends JpaRepository<UserAccount, String>, JpaSpecificationExecutor<UserAccount> {
  Optional<UserAccount> findByUsername(String username);

  boolean existsByUsername(String username);

  long countByRole(Role role);
}
