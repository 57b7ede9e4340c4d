package io.switchboard.inventory.testing;

import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.data.repository.CrudRepository;

/**
 * Test-data builders for the inventory entities that tests create again and again. Every builder
 * starts from valid defaults with unique names and serials, so a test states only what matters to
 * it: {@code aDevice().at(site).ofModel(model).runs("21.4R3").save(devices)}.
 */
public final class InventoryBuilders {

  private InventoryBuilders() {}

  /** A name no other test uses: {@code prefix-} and eight random hex digits. */
  public static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public static OperatingCompanyBuilder anOperatingCompany() {
    return new OperatingCompanyBuilder();
  }

  public static TenantBuilder aTenant() {
    return new TenantBuilder();
  }

  public static SiteBuilder aSite() {
    return new SiteBuilder();
  }

  public static DeviceModelBuilder aDeviceModel() {
    return new DeviceModelBuilder();
  }

  public static DeviceBuilder aDevice() {
    return new DeviceBuilder();
  }

  public static SoftwareImageBuilder anImage() {
    return new SoftwareImageBuilder();
  }

  /** What every builder does once its fields are set. */
  public abstract static class Builder<T, B extends Builder<T, B>> {
    private UnaryOperator<T> customizer = UnaryOperator.identity();

    abstract T create();

    /** For the rare field no method names: applied to the built entity. */
    public B with(UnaryOperator<T> change) {
      UnaryOperator<T> before = customizer;
      customizer = t -> change.apply(before.apply(t));
      return self();
    }

    @SuppressWarnings("unchecked")
    private B self() {
      return (B) this;
    }

    public T build() {
      return customizer.apply(create());
    }

    public T save(CrudRepository<T, String> repository) {
      return repository.save(build());
    }
  }
}
