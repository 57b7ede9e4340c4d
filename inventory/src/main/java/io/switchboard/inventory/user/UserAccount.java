package io.switchboard.inventory.user;

import io.switchboard.inventory.common.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** A local user of the embedded default (production uses an OIDC provider instead). */
@Entity
@EntityListeners(UserAccountChanges.class)
@Table(name = "user_account")
public class UserAccount extends AuditedEntity {
  @Column(nullable = false, unique = true, length = 120)
  private String username;

  @Column(nullable = false, length = 100)
  private String passwordHash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Role role;

  @Column(length = 36)
  private String opcoId;

  @Column(length = 36)
  private String tenantId;

  /** A disabled account cannot sign in; it is kept so that what it did still names it. */
  @Column(nullable = false)
  private boolean enabled = true;

  protected UserAccount() {}

  public UserAccount(
      String username, String passwordHash, Role role, String opcoId, String tenantId) {
    this.username = username;
    this.passwordHash = passwordHash;
    this.role = role;
    this.opcoId = opcoId;
    this.tenantId = tenantId;
  }

  public String getUsername() {
    return username;
  }

  public String getPasswordHash() {
    return passwordHash;
  }

  public void setPasswordHash(String passwordHash) {
    this.passwordHash = passwordHash;
  }

  public Role getRole() {
    return role;
  }

  public String getOpcoId() {
    return opcoId;
  }

  public String getTenantId() {
    return tenantId;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /**
   * Moves the account to a role and the scope that role needs (opcoId for operating-company roles,
   * tenantId for tenant roles; the other is cleared). Callers check that the caller may do so.
   */
  public void assign(Role role, String opcoId, String tenantId) {
    this.role = role;
    this.opcoId = role.level() == Role.Level.OPCO ? opcoId : null;
    this.tenantId = role.level() == Role.Level.TENANT ? tenantId : null;
  }
}
