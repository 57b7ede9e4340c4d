package io.switchboard.inventory.compliance;

import io.switchboard.inventory.common.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/**
 * One part of what Switchboard intends a device to run ({@code ztp-stage1}, {@code site}, an
 * overlay, a firewall policy...), in Junos {@code set} form, with the operation and process
 * instance that last committed it. A device's intended configuration is the union of its parts.
 */
@Entity
@Table(name = "intended_config")
public class IntendedConfig extends AuditedEntity {
  @Column(nullable = false, length = 36)
  private String tenantId;

  @Column(nullable = false, length = 36)
  private String deviceId;

  @Column(nullable = false, length = 60)
  private String part;

  @Lob
  @Column(name = "set_lines", nullable = false)
  private String setLines;

  @Column(length = 36)
  private String operationId;

  private Long processInstanceKey;

  protected IntendedConfig() {}

  public IntendedConfig(String tenantId, String deviceId, String part) {
    this.tenantId = tenantId;
    this.deviceId = deviceId;
    this.part = part;
  }

  public String getTenantId() {
    return tenantId;
  }

  public String getDeviceId() {
    return deviceId;
  }

  public String getPart() {
    return part;
  }

  public String getSetLines() {
    return setLines;
  }

  public String getOperationId() {
    return operationId;
  }

  public Long getProcessInstanceKey() {
    return processInstanceKey;
  }

  /** What a commit of this part wrote, and who wrote it. */
  public void written(String setLines, String operationId, Long processInstanceKey) {
    this.setLines = setLines;
    this.operationId = operationId;
    this.processInstanceKey = processInstanceKey;
  }
}
