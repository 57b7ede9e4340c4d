package io.switchboard.inventory.sdwan;

import io.switchboard.inventory.common.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * One ordered steering rule of an overlay: an application or a DSCP value kept within an SLA
 * profile.
 */
@Entity
@Table(name = "sdwan_steering_rule")
public class SteeringRule extends AuditedEntity {
  @Column(nullable = false, updatable = false, length = 36)
  private String tenantId;

  @Column(nullable = false, updatable = false, length = 36)
  private String overlayId;

  @Column(nullable = false)
  private int ruleOrder;

  @Column(length = 60)
  private String application;

  @Column() private Integer dscp;

  @Column(nullable = false, length = 36)
  private String slaProfileId;

  protected SteeringRule() {}

  public SteeringRule(String tenantId, String overlayId, int ruleOrder, String slaProfileId) {
    this.tenantId = tenantId;
    this.overlayId = overlayId;
    this.ruleOrder = ruleOrder;
    this.slaProfileId = slaProfileId;
  }

  public String getTenantId() {
    return tenantId;
  }

  public String getOverlayId() {
    return overlayId;
  }

  public int getRuleOrder() {
    return ruleOrder;
  }

  public void setRuleOrder(int ruleOrder) {
    this.ruleOrder = ruleOrder;
  }

  public String getApplication() {
    return application;
  }

  public void setApplication(String application) {
    this.application = application;
  }

  public Integer getDscp() {
    return dscp;
  }

  public void setDscp(Integer dscp) {
    this.dscp = dscp;
  }

  public String getSlaProfileId() {
    return slaProfileId;
  }

  public void setSlaProfileId(String slaProfileId) {
    this.slaProfileId = slaProfileId;
  }
}
