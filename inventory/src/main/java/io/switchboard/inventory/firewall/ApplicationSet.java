package io.switchboard.inventory.firewall;

import io.switchboard.inventory.common.AuditedEntity;
import io.switchboard.inventory.firewall.model.GroupDef;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.List;

/** A tenant's named set of applications (predefined, custom, or other sets). */
@Entity
@Table(name = "fw_application_set")
public class ApplicationSet extends AuditedEntity {
  @Column(nullable = false, updatable = false, length = 36)
  private String tenantId;

  @Column(nullable = false, length = 63)
  private String name;

  @Convert(converter = NameListConverter.class)
  @Column(nullable = false, length = 4000)
  private List<String> members;

  protected ApplicationSet() {}

  public ApplicationSet(String tenantId, String name, List<String> members) {
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
