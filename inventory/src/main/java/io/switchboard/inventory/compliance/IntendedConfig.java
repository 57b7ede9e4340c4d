package io.switchboard.inventory.compliance;

import io.switchboard.inventory.common.AuditedEntity;
import io.switchboard.inventory.sdwan.SecretTextConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/**
 * One part of what Switchboard intends a device to run ({@code ztp-stage1}, {@code site}, an
 * overlay, a firewall policy...), in Junos {@code set} form, with the operation and process
 * instance that last committed it. A device's intended configuration is the union of its parts. The
 * lines are stored sealed with the credentials key (as tunnel pre-shared keys are): a part can
 * carry secrets, an overlay's its tunnels' keys.
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
  @Convert(converter = SecretTextConverter.class)
  @Column(name = "set_lines_enc")
  private String setLines;

  /** A part as written before parts were sealed; gone once the part is written again. */
  @Lob
  @Column(name = "set_lines")
  private String unsealedSetLines;

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
    return setLines != null ? setLines : unsealedSetLines;
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
    this.unsealedSetLines = null;
    this.operationId = operationId;
    this.processInstanceKey = processInstanceKey;
  }
}
