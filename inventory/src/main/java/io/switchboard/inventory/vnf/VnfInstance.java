package io.switchboard.inventory.vnf;

import io.switchboard.inventory.common.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** A tenant's VNF on one uCPE device, with the host resources it holds while instantiated. */
@Entity
@Table(name = "vnf_instance")
public class VnfInstance extends AuditedEntity {
  @Column(nullable = false, updatable = false, length = 36)
  private String tenantId;

  @Column(nullable = false, updatable = false, length = 36)
  private String siteId;

  @Column(nullable = false, updatable = false, length = 36)
  private String deviceId;

  @Column(nullable = false, updatable = false, length = 36)
  private String packageId;

  @Column(nullable = false, updatable = false, length = 60)
  private String flavourId;

  @Column(nullable = false, updatable = false, length = 40)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private VnfInstanceState state = VnfInstanceState.NOT_INSTANTIATED;

  /** The VLAN of the chain's WAN side on the device (docs/vnf.md: one VNF per WAN VLAN). */
  @Column(nullable = false, updatable = false)
  private int wanVlan;

  private int reservedVcpus;
  private int reservedMemoryMib;
  private int reservedHugepagesMib;

  protected VnfInstance() {}

  public VnfInstance(
      String tenantId,
      String siteId,
      String deviceId,
      String packageId,
      String flavourId,
      String name,
      int wanVlan) {
    this.tenantId = tenantId;
    this.siteId = siteId;
    this.deviceId = deviceId;
    this.packageId = packageId;
    this.flavourId = flavourId;
    this.name = name;
    this.wanVlan = wanVlan;
  }

  /** Holds the flavour's resources on the device (reservation step). */
  public void reserve(Vnfd.Flavour flavour) {
    reservedVcpus = flavour.vcpus();
    reservedMemoryMib = flavour.memoryMib();
    reservedHugepagesMib = flavour.hugepagesMib();
  }

  public void release() {
    reservedVcpus = 0;
    reservedMemoryMib = 0;
    reservedHugepagesMib = 0;
  }

  public String getTenantId() {
    return tenantId;
  }

  public String getSiteId() {
    return siteId;
  }

  public String getDeviceId() {
    return deviceId;
  }

  public String getPackageId() {
    return packageId;
  }

  public String getFlavourId() {
    return flavourId;
  }

  public String getName() {
    return name;
  }

  public int getWanVlan() {
    return wanVlan;
  }

  public VnfInstanceState getState() {
    return state;
  }

  public void setState(VnfInstanceState state) {
    this.state = state;
  }

  public int getReservedVcpus() {
    return reservedVcpus;
  }

  public int getReservedMemoryMib() {
    return reservedMemoryMib;
  }

  public int getReservedHugepagesMib() {
    return reservedHugepagesMib;
  }
}
