package io.switchboard.devices.netconf;

import io.switchboard.devices.config.Datastore;
import io.switchboard.devices.config.Xml;
import io.switchboard.devices.vnf.HostResources;
import io.switchboard.devices.vnf.VnfHost;
import io.switchboard.devices.vnf.VnfState;
import io.switchboard.netconf.error.RpcError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.w3c.dom.Element;

/**
 * Junos-on-NFX RPCs of a simulated uCPE: {@code get-virtual-network-functions-information} ({@code
 * show virtual-network-functions}), {@code get-vmhost-resource-usage-information}, and the file
 * RPCs that place images and day-0 files: {@code file-copy}, {@code file-put} (the Junos XML
 * protocol's, text or base64), {@code file-delete}, {@code get-sha256-checksum-information} ({@code
 * file checksum sha-256}). A device that is no uCPE answers them like an unknown RPC.
 */
final class VnfOperationalRpcs {
  private VnfOperationalRpcs() {}

  static void register(Map<String, RpcHandler> table) {
    table.put("get-virtual-network-functions-information", VnfOperationalRpcs::vnfInformation);
    table.put("get-vmhost-resource-usage-information", VnfOperationalRpcs::resources);
    table.put("file-copy", VnfOperationalRpcs::fileCopy);
    table.put("file-put", VnfOperationalRpcs::filePut);
    table.put("file-delete", VnfOperationalRpcs::fileDelete);
    table.put("get-sha256-checksum-information", VnfOperationalRpcs::checksum);
    table.put("request-virtual-network-functions", VnfOperationalRpcs::request);
  }

  /**
   * {@code request virtual-network-functions NAME restart} (also {@code start}, {@code stop}): the
   * VNF must be in the running configuration.
   */
  private static CompletionStage<RpcReply> request(RpcRequest request) throws RpcException {
    VnfHost host = host(request);
    String name = request.parameter("virtual-network-function-name");
    Element running = request.device().config().read(Datastore.RUNNING);
    boolean configured =
        Xml.children(running, "virtual-network-functions").stream()
            .anyMatch(v -> name != null && name.equals(Xml.childText(v, "name")));
    if (!configured) {
      throw new RpcException(
          RpcError.error(
              "application",
              "operation-failed",
              "error: virtual-network-function " + name + " does not exist"));
    }
    if (Xml.child(request.operation(), "stop") != null) {
      host.stop(name);
    } else {
      host.restart(name);
    }
    return CompletableFuture.completedFuture(RpcReply.ok());
  }

  private static VnfHost host(RpcRequest request) throws RpcException {
    VnfHost host = request.device().vnfHost();
    if (host == null) {
      throw new RpcException(
          RpcError.error("protocol", "operation-not-supported", "syntax error, expecting <command>")
              .withInfo("bad-element", request.operation().getLocalName()));
    }
    return host;
  }

  private static CompletionStage<RpcReply> vnfInformation(RpcRequest request) throws RpcException {
    VnfHost host = host(request);
    String wanted = request.parameter("virtual-network-function-name");
    Element running = request.device().config().read(Datastore.RUNNING);
    Element info = request.element("virtual-network-functions-information");
    for (VnfState state : host.states(running)) {
      if (wanted != null && !wanted.equals(state.name())) {
        continue;
      }
      Element vnf = request.element("virtual-network-function");
      vnf.appendChild(request.element("name", state.name()));
      vnf.appendChild(request.element("status", state.status()));
      vnf.appendChild(request.element("liveliness", state.liveliness()));
      vnf.appendChild(request.element("vcpus", String.valueOf(state.vcpus())));
      vnf.appendChild(request.element("memory-mb", String.valueOf(state.memoryMib())));
      if (state.image() != null) {
        vnf.appendChild(request.element("image", state.image()));
      }
      if (state.day0() != null) {
        // what the VNF booted with from its config drive
        vnf.appendChild(request.element("day0-configuration", state.day0()));
      }
      info.appendChild(vnf);
    }
    return CompletableFuture.completedFuture(RpcReply.of(info));
  }

  private static CompletionStage<RpcReply> resources(RpcRequest request) throws RpcException {
    VnfHost host = host(request);
    HostResources capacity = host.capacity();
    Element running = request.device().config().read(Datastore.RUNNING);
    int vcpus = 0;
    int memory = 0;
    int hugepages = 0;
    for (Element vnf : Xml.children(running, "virtual-network-functions")) {
      vcpus += VnfHost.vcpusOf(vnf);
      if (VnfHost.hugepagesOf(vnf)) {
        hugepages += VnfHost.memoryMibOf(vnf);
      } else {
        memory += VnfHost.memoryMibOf(vnf);
      }
    }
    Element info = request.element("vmhost-resource-usage-information");
    info.appendChild(request.element("total-vcpus", String.valueOf(capacity.vcpus())));
    info.appendChild(request.element("free-vcpus", String.valueOf(capacity.vcpus() - vcpus)));
    info.appendChild(request.element("total-memory-mb", String.valueOf(capacity.memoryMib())));
    info.appendChild(
        request.element("free-memory-mb", String.valueOf(capacity.memoryMib() - memory)));
    info.appendChild(
        request.element("total-hugepages-mb", String.valueOf(capacity.hugepagesMib())));
    info.appendChild(
        request.element("free-hugepages-mb", String.valueOf(capacity.hugepagesMib() - hugepages)));
    return CompletableFuture.completedFuture(RpcReply.of(info));
  }

  private static CompletionStage<RpcReply> fileCopy(RpcRequest request) throws RpcException {
    VnfHost host = host(request);
    String source = request.parameter("source");
    String destination = request.parameter("destination");
    if (source == null || destination == null) {
      throw RpcException.protocol("missing-element", "file-copy needs source and destination");
    }
    return host.copy(source, destination)
        .handle(
            (file, failure) -> {
              if (failure != null) {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                throw new CompletionException(
                    new RpcException(
                        RpcError.error(
                            "application",
                            "operation-failed",
                            "error: file copy " + source + " failed: " + cause.getMessage())));
              }
              return RpcReply.ok();
            });
  }

  /**
   * {@code <file-put>}: {@code filename}, {@code encoding} ({@code ascii} or {@code base64}),
   * {@code delete-if-exist}, and {@code file-contents} last.
   */
  private static CompletionStage<RpcReply> filePut(RpcRequest request) throws RpcException {
    VnfHost host = host(request);
    String filename = request.parameter("filename");
    String encoding = request.parameter("encoding");
    Element contentsElement = Xml.child(request.operation(), "file-contents");
    // the text as sent, blanks and line ends included
    String contents = contentsElement == null ? null : contentsElement.getTextContent();
    if (filename == null || encoding == null || contents == null) {
      throw RpcException.protocol(
          "missing-element", "file-put needs filename, encoding and file-contents");
    }
    byte[] bytes;
    if (encoding.equalsIgnoreCase("base64")) {
      try {
        bytes = Base64.getMimeDecoder().decode(contents.strip());
      } catch (IllegalArgumentException e) {
        throw RpcException.protocol("invalid-value", "file-contents is not base64");
      }
    } else if (encoding.equalsIgnoreCase("ascii")) {
      bytes = contents.getBytes(StandardCharsets.UTF_8);
    } else {
      throw RpcException.protocol("invalid-value", "encoding must be ascii or base64");
    }
    try {
      host.put(filename, bytes, request.flag("delete-if-exist"));
    } catch (IOException e) {
      throw new RpcException(
          RpcError.error("application", "operation-failed", "error: " + e.getMessage()));
    }
    return CompletableFuture.completedFuture(RpcReply.ok());
  }

  private static CompletionStage<RpcReply> fileDelete(RpcRequest request) throws RpcException {
    VnfHost host = host(request);
    String path = request.parameter("path");
    if (path == null || !host.delete(path)) {
      throw new RpcException(
          RpcError.error(
              "application", "operation-failed", "error: " + path + ": No such file or directory"));
    }
    return CompletableFuture.completedFuture(RpcReply.ok());
  }

  private static CompletionStage<RpcReply> checksum(RpcRequest request) throws RpcException {
    VnfHost host = host(request);
    String path = request.parameter("path");
    VnfHost.ImageFile file =
        host.file(path == null ? "" : path)
            .orElseThrow(
                () ->
                    new RpcException(
                        RpcError.error(
                            "application",
                            "operation-failed",
                            "error: " + path + ": No such file or directory")));
    Element info = request.element("checksum-information");
    Element checksum = request.element("file-checksum");
    checksum.appendChild(request.element("computation-method", "SHA256"));
    checksum.appendChild(request.element("input-file", file.path()));
    checksum.appendChild(request.element("checksum", file.sha256()));
    info.appendChild(checksum);
    return CompletableFuture.completedFuture(RpcReply.of(info));
  }
}
