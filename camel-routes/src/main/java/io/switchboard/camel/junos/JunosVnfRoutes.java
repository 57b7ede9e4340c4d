package io.switchboard.camel.junos;

import static io.switchboard.camel.netconf.NetconfXml.escape;

import io.switchboard.camel.netconf.NetconfReply;
import io.switchboard.camel.netconf.NetconfXml;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.w3c.dom.Element;

/**
 * VNF routes for Junos on a uCPE (NFX): the VNFs' state, placing image files ({@code file-copy},
 * {@code file-delete}, {@code file checksum sha-256}) and the committed configuration as set
 * commands (to compute a removal against).
 */
public class JunosVnfRoutes extends JunosRouteBuilder {
  /** Body: none. Answer: {@code List<VnfStatus>}. */
  public static final String GET_VNF_INFORMATION = "junos-get-virtual-network-functions";

  /** Body: {@link FileCopy}. Answer: none; an rpc-error when the copy fails. */
  public static final String FILE_COPY = "junos-file-copy";

  /** Body: the path. Answer: none. */
  public static final String FILE_DELETE = "junos-file-delete";

  /**
   * Body: {@link FilePut}. Answer: none; an rpc-error when the device refuses. The contents travel
   * base64-encoded (the Junos XML protocol's {@code file-put}), so any bytes arrive as sent.
   */
  public static final String FILE_PUT = "junos-file-put";

  /** Body: the path. Answer: the file's SHA-256 as hex. */
  public static final String FILE_SHA256 = "junos-file-sha256";

  /** Body: none. Answer: the committed configuration as set commands. */
  public static final String GET_CONFIGURATION_SET = "junos-get-configuration-set";

  /** Body: none. Answer: {@link HostUsage}, what the host has free. */
  public static final String GET_HOST_USAGE = "junos-get-vmhost-resource-usage";

  /** Body: the VNF's name. Answer: none; an rpc-error when the device refuses. */
  public static final String RESTART_VNF = "junos-restart-virtual-network-function";

  public static final String GET_HOST_USAGE_URI = "direct:" + GET_HOST_USAGE;
  public static final String RESTART_VNF_URI = "direct:" + RESTART_VNF;
  public static final String GET_VNF_INFORMATION_URI = "direct:" + GET_VNF_INFORMATION;
  public static final String FILE_COPY_URI = "direct:" + FILE_COPY;
  public static final String FILE_DELETE_URI = "direct:" + FILE_DELETE;
  public static final String FILE_PUT_URI = "direct:" + FILE_PUT;
  public static final String FILE_SHA256_URI = "direct:" + FILE_SHA256;
  public static final String GET_CONFIGURATION_SET_URI = "direct:" + GET_CONFIGURATION_SET;

  @Override
  public void configure() {
    junosRoute(GET_VNF_INFORMATION)
        .setBody(constant("<get-virtual-network-functions-information/>"))
        .to(JunosRouteIds.NETCONF_RPC)
        .process(readReply((device, xml) -> vnfs(xml)));
    junosRoute(GET_HOST_USAGE)
        .setBody(constant("<get-vmhost-resource-usage-information/>"))
        .to(JunosRouteIds.NETCONF_RPC)
        .process(readReply((device, xml) -> usage(xml)));
    junosRoute(FILE_COPY)
        .process(
            e -> {
              FileCopy copy = e.getMessage().getBody(FileCopy.class);
              e.getMessage()
                  .setBody(
                      "<file-copy><source>"
                          + escape(copy.source())
                          + "</source><destination>"
                          + escape(copy.destination())
                          + "</destination></file-copy>");
            })
        .to(JunosRouteIds.NETCONF_RPC)
        .setBody(constant(null));
    junosRoute(RESTART_VNF)
        .process(
            e ->
                e.getMessage()
                    .setBody(
                        "<request-virtual-network-functions><virtual-network-function-name>"
                            + escape(e.getMessage().getBody(String.class))
                            + "</virtual-network-function-name><restart/>"
                            + "</request-virtual-network-functions>"))
        .to(JunosRouteIds.NETCONF_RPC)
        .setBody(constant(null));
    junosRoute(FILE_PUT)
        .process(
            e -> {
              FilePut put = e.getMessage().getBody(FilePut.class);
              e.getMessage()
                  .setBody(
                      "<file-put><filename>"
                          + escape(put.path())
                          + "</filename><encoding>base64</encoding><delete-if-exist/>"
                          + "<permission>0644</permission><file-contents>"
                          + Base64.getEncoder().encodeToString(put.contents())
                          + "</file-contents></file-put>");
            })
        .to(JunosRouteIds.NETCONF_RPC)
        .setBody(constant(null));
    junosRoute(FILE_DELETE)
        .process(
            e ->
                e.getMessage()
                    .setBody(
                        "<file-delete><path>"
                            + escape(e.getMessage().getBody(String.class))
                            + "</path></file-delete>"))
        .to(JunosRouteIds.NETCONF_RPC)
        .setBody(constant(null));
    junosRoute(FILE_SHA256)
        .process(
            e ->
                e.getMessage()
                    .setBody(
                        "<get-sha256-checksum-information><path>"
                            + escape(e.getMessage().getBody(String.class))
                            + "</path></get-sha256-checksum-information>"))
        .to(JunosRouteIds.NETCONF_RPC)
        .process(
            readReply(
                (device, xml) -> {
                  List<Element> sums =
                      NetconfXml.descendants(NetconfReply.parse(xml).root(), "checksum");
                  return sums.isEmpty() ? null : sums.get(0).getTextContent().trim();
                }));
    junosRoute(GET_CONFIGURATION_SET)
        .setBody(constant("<get-configuration database=\"committed\" format=\"set\"/>"))
        .to(JunosRouteIds.NETCONF_RPC)
        .process(
            readReply(
                (device, xml) -> {
                  List<Element> set =
                      NetconfXml.descendants(NetconfReply.parse(xml).root(), "configuration-set");
                  return set.isEmpty() ? "" : set.get(0).getTextContent();
                }));
  }

  static HostUsage usage(String xml) {
    Element root = NetconfReply.parse(xml).root();
    return new HostUsage(
        number(root, "free-vcpus"),
        number(root, "free-memory-mb"),
        number(root, "free-hugepages-mb"));
  }

  private static int number(Element root, String name) {
    List<Element> found = NetconfXml.descendants(root, name);
    return found.isEmpty() ? 0 : Integer.parseInt(found.get(0).getTextContent().trim());
  }

  static List<VnfStatus> vnfs(String xml) {
    List<VnfStatus> result = new ArrayList<>();
    for (Element vnf :
        NetconfXml.descendants(NetconfReply.parse(xml).root(), "virtual-network-function")) {
      result.add(
          new VnfStatus(
              NetconfXml.childText(vnf, "name"),
              NetconfXml.childText(vnf, "status"),
              NetconfXml.childText(vnf, "liveliness")));
    }
    return List.copyOf(result);
  }
}
