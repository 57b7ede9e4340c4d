package io.switchboard.camel.junos;

import io.switchboard.camel.netconf.NetconfReply;
import io.switchboard.camel.netconf.NetconfXml;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * Reads Junos replies into the driver's result types. rpc-errors were already turned into {@link
 * io.switchboard.camel.netconf.NetconfRpcException} by the component; what is left here is a reply
 * that says "failed" in its own words.
 */
final class JunosReplies {

  private JunosReplies() {}

  static SoftwareInformation softwareInformation(String deviceId, String xml) {
    NetconfReply reply = NetconfReply.parse(xml);
    List<Element> found = NetconfXml.descendants(reply.root(), "software-information");
    if (found.isEmpty()) {
      throw new JunosOperationException(
          deviceId, "get-software-information", "no <software-information> in the reply");
    }
    Element info = found.get(0);
    return new SoftwareInformation(
        NetconfXml.childText(info, "host-name"),
        NetconfXml.childText(info, "product-model"),
        NetconfXml.childText(info, "junos-version"));
  }

  static ChassisInventory chassisInventory(String deviceId, String xml) {
    NetconfReply reply = NetconfReply.parse(xml);
    List<Element> chassis = NetconfXml.descendants(reply.root(), "chassis");
    if (chassis.isEmpty()) {
      throw new JunosOperationException(
          deviceId, "get-chassis-inventory", "no <chassis> in the reply");
    }
    return new ChassisInventory(
        NetconfXml.childText(chassis.get(0), "serial-number"),
        NetconfXml.childText(chassis.get(0), "description"));
  }

  static LoadResult loadResult(String deviceId, String xml) {
    NetconfReply reply = NetconfReply.parse(xml);
    boolean success =
        reply.isOk()
            || !NetconfXml.descendants(reply.root(), "load-success").isEmpty()
            || !NetconfXml.descendants(reply.root(), "load-configuration-results").isEmpty();
    if (!success) {
      throw new JunosOperationException(
          deviceId, "load-configuration", "the reply reports no load-success");
    }
    return new LoadResult(reply.errors());
  }

  static CommitResult commitResult(String deviceId, String xml, boolean check) {
    NetconfReply reply = NetconfReply.parse(xml);
    boolean success =
        reply.isOk()
            || !NetconfXml.descendants(
                    reply.root(), check ? "commit-check-success" : "commit-success")
                .isEmpty()
            || check && !NetconfXml.descendants(reply.root(), "commit-success").isEmpty();
    if (!success) {
      throw new JunosOperationException(
          deviceId,
          check ? "commit check" : "commit-configuration",
          "the reply reports no " + (check ? "commit-check-success" : "commit-success"));
    }
    return new CommitResult(check, reply.errors());
  }

  static List<InterfaceStatus> interfaces(String xml) {
    NetconfReply reply = NetconfReply.parse(xml);
    List<InterfaceStatus> interfaces = new ArrayList<>();
    for (Element physical : NetconfXml.descendants(reply.root(), "physical-interface")) {
      interfaces.add(
          new InterfaceStatus(
              NetconfXml.childText(physical, "name"),
              NetconfXml.childText(physical, "admin-status"),
              NetconfXml.childText(physical, "oper-status")));
    }
    return List.copyOf(interfaces);
  }

  /** {@code get-commit-information}: the commit history as the device lists it, newest first. */
  static List<CommitHistoryEntry> commitHistory(String xml) {
    NetconfReply reply = NetconfReply.parse(xml);
    List<CommitHistoryEntry> history = new ArrayList<>();
    for (Element entry : NetconfXml.descendants(reply.root(), "commit-history")) {
      String sequence = NetconfXml.childText(entry, "sequence-number");
      history.add(
          new CommitHistoryEntry(
              sequence == null ? history.size() : Integer.parseInt(sequence.trim()),
              NetconfXml.childText(entry, "user"),
              NetconfXml.childText(entry, "client"),
              NetconfXml.childText(entry, "date-time"),
              NetconfXml.childText(entry, "log")));
    }
    return List.copyOf(history);
  }

  /** A request-package-add answer; a non-zero result is a {@link JunosOperationException}. */
  static PackageResult packageResult(String deviceId, String xml) {
    PackageResult result = packageResult(deviceId, "request-package-add", xml);
    if (!result.isSuccess()) {
      throw new JunosOperationException(
          deviceId,
          "request-package-add",
          "package-result "
              + result.code()
              + (result.output().isEmpty() ? "" : ": " + result.output()));
    }
    return result;
  }

  /** The {@code package-result} and {@code output} of a package operation, whatever the result. */
  static PackageResult packageResult(String deviceId, String operation, String xml) {
    NetconfReply reply = NetconfReply.parse(xml);
    List<Element> results = NetconfXml.descendants(reply.root(), "package-result");
    if (results.isEmpty()) {
      throw new JunosOperationException(deviceId, operation, "no <package-result> in the reply");
    }
    int code;
    try {
      code = Integer.parseInt(results.get(0).getTextContent().strip());
    } catch (NumberFormatException e) {
      throw new JunosOperationException(
          deviceId,
          operation,
          "package-result is not a number: " + results.get(0).getTextContent().strip());
    }
    StringBuilder output = new StringBuilder();
    for (Element line : NetconfXml.descendants(reply.root(), "output")) {
      if (output.length() > 0) {
        output.append('\n');
      }
      output.append(line.getTextContent().strip());
    }
    return new PackageResult(code, output.toString());
  }

  static RebootStatus rebootStatus(String xml) {
    NetconfReply reply = NetconfReply.parse(xml);
    List<Element> status = NetconfXml.descendants(reply.root(), "request-reboot-status");
    return new RebootStatus(
        status.isEmpty()
            ? reply.root().getTextContent().strip()
            : status.get(0).getTextContent().strip());
  }
}
