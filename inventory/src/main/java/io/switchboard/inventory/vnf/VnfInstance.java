package io.switchboard.inventory.vnf;

import io.switchboard.inventory.common.AuditedEntity;
import io.switchboard.inventory.sdwan.SecretTextConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

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

  /** The day-0 parameter values its last instantiation gave, the plain ones (YAML mapping). */
  @Lob
  @Column(name = "day0_values")
  private String day0Values;

  /**
   * The secret ones, sealed with the credentials key ({@code day0_secrets_enc}, re-sealed at a key
   * rotation); never shown.
   */
  @Lob
  @Convert(converter = SecretTextConverter.class)
  @Column(name = "day0_secrets_enc")
  private String day0Secrets;

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

  /** The day-0 parameter values of an instantiation, plain and secret apart. */
  public void day0Values(Map<String, String> plain, Map<String, String> secret) {
    day0Values = plain.isEmpty() ? null : yaml().dump(new TreeMap<>(plain));
    day0Secrets = secret.isEmpty() ? null : yaml().dump(new TreeMap<>(secret));
  }

  /** Every day-0 parameter value, secret ones too: for rendering the day-0 file only. */
  public Map<String, String> day0Values() {
    Map<String, String> all = new LinkedHashMap<>(day0PlainValues());
    all.putAll(read(day0Secrets));
    return all;
  }

  /** The plain day-0 parameter values (what an answer may show). */
  public Map<String, String> day0PlainValues() {
    return read(day0Values);
  }

  /** The names of the secret day-0 parameters that have a value (shown hidden). */
  public Set<String> day0SecretNames() {
    return read(day0Secrets).keySet();
  }

  private static Map<String, String> read(String yamlText) {
    if (yamlText == null) {
      return Map.of();
    }
    Map<String, String> values = new TreeMap<>();
    Object node = yaml().load(yamlText);
    if (node instanceof Map<?, ?> m) {
      m.forEach((k, v) -> values.put(String.valueOf(k), String.valueOf(v)));
    }
    return values;
  }

  private static Yaml yaml() {
    return new Yaml(new SafeConstructor(new LoaderOptions()));
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
