package io.switchboard.inventory.vnf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

/**
 * What a package's VNF descriptor says (a small YAML shape of SOL001's: see docs/vnf.md): product,
 * provider, software version, the image inside the package, the deployment flavours and,
 * optionally, the day-0 configuration template inside the package ({@code day0}, null when none)
 * and the per-instance parameters its placeholders may use besides Switchboard's own. {@code day0}
 * is the template's path, or a mapping of {@code file} (the path) and {@code parameters}.
 */
public record Vnfd(
    String id,
    String provider,
    String productName,
    String softwareVersion,
    String vnfdVersion,
    String imagePath,
    List<Flavour> flavours,
    String day0Path,
    List<Day0Parameter> day0Parameters) {

  /** A virtual interface of the VNF and which side of the service chain it is on. */
  public record VirtualInterface(String name, InterfaceRole role) {}

  /** The service chain side of a virtual interface. */
  public enum InterfaceRole {
    LAN,
    WAN,
    MGMT
  }

  /** A deployment flavour: the host resources it takes and its interfaces. */
  public record Flavour(
      String id, int vcpus, int memoryMib, int hugepagesMib, List<VirtualInterface> interfaces) {
    /** The interface of {@code role}, if the flavour has one. */
    public Optional<VirtualInterface> interfaceOf(InterfaceRole role) {
      return interfaces.stream().filter(i -> i.role() == role).findFirst();
    }
  }

  /**
   * What a day-0 file may be called: its name on the VNF's config drive, an ISO 9660 image (one
   * optional dot, at most 30 characters).
   */
  public static final Pattern DAY0_FILE_NAME =
      Pattern.compile("(?=.{1,30}$)[A-Za-z0-9_][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)?");

  /**
   * The name of the file beside the day-0 file on the config drive: cloud-init's NoCloud {@code
   * meta-data}, which Switchboard writes itself; a day-0 file cannot have it.
   */
  public static final String META_DATA_FILE = "meta-data";

  /** The day-0 file's name, without its folders ({@code juniper.conf}); null when none. */
  public String day0FileName() {
    return day0Path == null ? null : day0Path.substring(day0Path.lastIndexOf('/') + 1);
  }

  /** The flavour {@code id}, if the descriptor has it. */
  public Optional<Flavour> flavour(String id) {
    return flavours.stream().filter(f -> f.id().equals(id)).findFirst();
  }

  /** A descriptor that does not have the expected shape; the message names the field. */
  public static final class InvalidVnfdException extends RuntimeException {
    public InvalidVnfdException(String message) {
      super(message);
    }
  }

  /** Reads a descriptor from its YAML text. */
  public static Vnfd parse(String yamlText) {
    Object root;
    try {
      root = yaml().load(yamlText);
    } catch (RuntimeException e) {
      throw new InvalidVnfdException("is not valid YAML: " + firstLine(e.getMessage()));
    }
    Map<?, ?> vnfd = map(map(root, "the document").get("vnfd"), "vnfd");
    List<Flavour> flavours = flavoursFrom(vnfd.get("flavours"));
    Object day0Node = vnfd.get("day0");
    Map<?, ?> day0Section = day0Node instanceof Map<?, ?> m ? m : Map.of();
    String day0 =
        day0Node == null
            ? null
            : day0Node instanceof Map<?, ?>
                ? text(day0Section, "file", 255)
                : text(vnfd, "day0", 255);
    List<Day0Parameter> parameters = Day0Parameter.parseAll(day0Section.get("parameters"));
    String day0Name = day0 == null ? null : day0.substring(day0.lastIndexOf('/') + 1);
    if (day0Name != null && !DAY0_FILE_NAME.matcher(day0Name).matches()) {
      throw new InvalidVnfdException(
          "day0 file name '"
              + day0Name
              + "' cannot name a file of the VNF's ISO 9660 config drive: letters, digits, _ and"
              + " -, one dot, at most 30 characters");
    }
    if (META_DATA_FILE.equalsIgnoreCase(day0Name)) {
      throw new InvalidVnfdException(
          "day0 file name '"
              + day0Name
              + "' is the meta-data Switchboard writes beside the day-0 file; name it otherwise"
              + " (user-data, juniper.conf)");
    }
    return new Vnfd(
        text(vnfd, "id", 100),
        text(vnfd, "provider", 100),
        text(vnfd, "product_name", 100),
        text(vnfd, "software_version", 60),
        text(vnfd, "version", 60),
        text(vnfd, "image", 255),
        flavours,
        day0,
        parameters);
  }

  /** The day-0 parameter declarations as YAML, the form the inventory keeps them in. */
  public static String day0ParametersYaml(List<Day0Parameter> parameters) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    return new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(options), options)
        .dump(Day0Parameter.toMaps(parameters));
  }

  /** Reads {@link #day0ParametersYaml}'s text; none for null (packages from before V21). */
  public static List<Day0Parameter> parseDay0Parameters(String yamlText) {
    return yamlText == null ? List.of() : Day0Parameter.parseAll(yaml().load(yamlText));
  }

  /** Reads flavours from {@link #flavoursYaml()}'s text (as kept in the inventory). */
  public static List<Flavour> parseFlavours(String yamlText) {
    Object node = yaml().load(yamlText);
    return flavoursFrom(node);
  }

  private static List<Flavour> flavoursFrom(Object node) {
    if (!(node instanceof List<?> list) || list.isEmpty()) {
      throw new InvalidVnfdException("vnfd.flavours must be a non-empty list");
    }
    List<Flavour> flavours = new ArrayList<>();
    for (Object item : list) {
      Map<?, ?> f = map(item, "vnfd.flavours[]");
      String id = text(f, "id", 60);
      Object ifs = f.get("interfaces");
      if (!(ifs instanceof List<?> ifList) || ifList.isEmpty()) {
        throw new InvalidVnfdException(
            "vnfd.flavours[" + id + "].interfaces must be a non-empty list");
      }
      List<VirtualInterface> interfaces = new ArrayList<>();
      for (Object i : ifList) {
        Map<?, ?> vi = map(i, "vnfd.flavours[" + id + "].interfaces[]");
        String name = text(vi, "name", 20);
        if (!name.matches("eth[0-9]{1,2}")) {
          throw new InvalidVnfdException(
              "vnfd.flavours[" + id + "].interfaces name '" + name + "' must be ethN");
        }
        String role = text(vi, "role", 10);
        try {
          interfaces.add(new VirtualInterface(name, InterfaceRole.valueOf(role.toUpperCase())));
        } catch (IllegalArgumentException e) {
          throw new InvalidVnfdException(
              "vnfd.flavours[" + id + "].interfaces role '" + role + "' must be lan, wan or mgmt");
        }
      }
      flavours.add(
          new Flavour(
              id,
              number(f, "vcpus", 1, 64),
              number(f, "memory_mib", 256, 1048576),
              f.containsKey("hugepages_mib") ? number(f, "hugepages_mib", 0, 1048576) : 0,
              List.copyOf(interfaces)));
    }
    return List.copyOf(flavours);
  }

  /** The flavours as YAML, the form the inventory keeps them in. */
  public static String flavoursYaml(List<Flavour> flavours) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Flavour f : flavours) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", f.id());
      m.put("vcpus", f.vcpus());
      m.put("memory_mib", f.memoryMib());
      m.put("hugepages_mib", f.hugepagesMib());
      List<Map<String, Object>> ifs = new ArrayList<>();
      for (VirtualInterface i : f.interfaces()) {
        ifs.add(Map.of("name", i.name(), "role", i.role().name().toLowerCase()));
      }
      m.put("interfaces", ifs);
      out.add(m);
    }
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    return new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(options), options)
        .dump(out);
  }

  private static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(10);
    options.setCodePointLimit(1024 * 1024);
    return new Yaml(new SafeConstructor(options));
  }

  private static Map<?, ?> map(Object node, String what) {
    if (node instanceof Map<?, ?> m) {
      return m;
    }
    throw new InvalidVnfdException(what + " must be a mapping");
  }

  private static String text(Map<?, ?> m, String key, int max) {
    Object value = m.get(key);
    if (value == null || String.valueOf(value).isBlank()) {
      throw new InvalidVnfdException(key + " is required");
    }
    String text = String.valueOf(value).trim();
    if (text.length() > max) {
      throw new InvalidVnfdException(key + " must be at most " + max + " characters");
    }
    if (!text.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      throw new InvalidVnfdException(key + " must be printable ASCII");
    }
    return text;
  }

  private static int number(Map<?, ?> m, String key, int min, int max) {
    if (!(m.get(key) instanceof Integer value) || value < min || value > max) {
      throw new InvalidVnfdException(key + " must be a whole number from " + min + " to " + max);
    }
    return value;
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }
}
