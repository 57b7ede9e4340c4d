package io.switchboard.camel.junos;

import static io.switchboard.camel.netconf.NetconfXml.escape;

/** The Junos RPC elements the driver sends (DESIGN.md section 6). */
final class JunosRpcs {

  private JunosRpcs() {}

  static String getSoftwareInformation() {
    return "<get-software-information/>";
  }

  static String getChassisInventory() {
    return "<get-chassis-inventory/>";
  }

  static String loadConfiguration(LoadConfiguration load) {
    String open = "<load-configuration action=\"" + load.action().attribute() + "\" format=\"";
    return switch (load.format()) {
      case XML ->
          open + "xml\">" + configurationElement(load.configuration()) + "</load-configuration>";
      case SET ->
          open
              + "text\"><configuration-set>"
              + escape(load.configuration().strip())
              + "</configuration-set></load-configuration>";
      case TEXT ->
          open
              + "text\"><configuration-text>"
              + escape(load.configuration().strip())
              + "</configuration-text></load-configuration>";
    };
  }

  private static String configurationElement(String xml) {
    String text = xml.strip();
    if (text.startsWith("<?xml")) {
      text = text.substring(text.indexOf("?>") + 2).strip();
    }
    return text.startsWith("<configuration") ? text : "<configuration>" + text + "</configuration>";
  }

  static String rollback(int index) {
    return "<load-configuration rollback=\"" + index + "\"/>";
  }

  static String commitConfiguration(CommitConfiguration commit) {
    StringBuilder xml = new StringBuilder("<commit-configuration>");
    if (commit.check()) {
      xml.append("<check/>");
    }
    if (commit.confirmed()) {
      xml.append("<confirmed/>");
      if (commit.confirmTimeoutMinutes() != null) {
        xml.append("<confirm-timeout>")
            .append(commit.confirmTimeoutMinutes())
            .append("</confirm-timeout>");
      }
    }
    if (commit.comment() != null && !commit.comment().isBlank()) {
      xml.append("<log>").append(escape(commit.comment())).append("</log>");
    }
    return xml.append("</commit-configuration>").toString();
  }

  static String getInterfaceInformation(InterfaceQuery query) {
    StringBuilder xml = new StringBuilder("<get-interface-information>");
    if (query.terse()) {
      xml.append("<terse/>");
    }
    if (query.interfaceName() != null && !query.interfaceName().isBlank()) {
      xml.append("<interface-name>")
          .append(escape(query.interfaceName()))
          .append("</interface-name>");
    }
    return xml.append("</get-interface-information>").toString();
  }

  static String requestPackageAdd(PackageAdd add) {
    return "<request-package-add><package-name>"
        + escape(add.packageUrl())
        + "</package-name>"
        + (add.validate() ? "" : "<no-validate/>")
        + (add.reboot() ? "<reboot/>" : "")
        + "</request-package-add>";
  }

  static String requestPackageRollback() {
    return "<request-package-rollback/>";
  }

  static String requestReboot() {
    return "<request-reboot/>";
  }
}
