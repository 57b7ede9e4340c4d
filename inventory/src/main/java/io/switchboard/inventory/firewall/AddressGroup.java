package io.switchboard.inventory.firewall;

import io.switchboard.inventory.common.AuditedEntity;
import io.switchboard.inventory.firewall.model.GroupDef;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.List;

/** A tenant's named set of addresses and other groups. */
@Entity
@Table(name = "fw_address_group")
public class AddressGroup extends AuditedEntity {
  @Column(nullable = false, updatable = false, length = 36)
  private String tenantId;

  @Column(nullable = false, length = 63)
  private String name;

  @Convert(converter = NameListConverter.class)
  @Column(nullable = false, length = 4000)
  private List<String> members;

  protected AddressGroup() {}

  public AddressGroup(String tenantId, String name, List<String> members) {
    this.tenantId = tenantId;
    this.name = name;
    this.members = List.copyOf(members);
  }

  public GroupDef definition() {
    return new GroupDef(name, members);
  }

  public String getTenantId() {
    return tenantId;
  }

  public String getName() {
    return name;
  }

  public List<String> getMembers() {
    return members;
  }
}
