package io.switchboard.inventory.device;

import io.switchboard.inventory.common.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A CPE hardware model in the provider's catalogue, e.g. Juniper SRX300 of family "srx". */
@Entity
@Table(name = "device_model")
public class DeviceModel extends AuditedEntity {
  @Column(nullable = false, unique = true, length = 80)
  private String name;

  @Column(nullable = false, length = 80)
  private String vendor;

  /** Software images are built per family; devices of one family share images. */
  @Column(nullable = false, length = 80)
  private String family;

  protected DeviceModel() {}

  public DeviceModel(String name, String vendor, String family) {
    this.name = name;
    this.vendor = vendor;
    this.family = family;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getVendor() {
    return vendor;
  }

  public void setVendor(String vendor) {
    this.vendor = vendor;
  }

  public String getFamily() {
    return family;
  }

  public void setFamily(String family) {
    this.family = family;
  }
}
