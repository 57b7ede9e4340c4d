package io.switchboard.inventory.user;

import io.switchboard.inventory.common.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** A local user of the embedded default (production uses an OIDC provider instead). */
@Entity
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
}
