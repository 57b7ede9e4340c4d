package io.switchboard.devices.netconf;

import io.switchboard.devices.config.CommitOptions;
import io.switchboard.devices.config.ConfigException;
import io.switchboard.devices.config.ConfigValidator;
import io.switchboard.devices.config.Datastore;
import io.switchboard.devices.config.EditOperation;
import io.switchboard.devices.config.Xml;
import io.switchboard.devices.fault.Fault;
import io.switchboard.netconf.error.RpcError;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The RFC 6241 operations: get, get-config, edit-config, lock, unlock, commit (also confirmed, with
 * persist), cancel-commit, discard-changes, validate, close-session, kill-session. As on Junos,
 * only the candidate is writable.
 */
final class BaseOperations {

  /** Standard confirmed commit timeout, in seconds (RFC 6241 8.4.5.1). */
  static final long DEFAULT_CONFIRM_TIMEOUT_SECONDS = 600;

  private BaseOperations() {}

  static void register(Map<String, RpcHandler> table) {
    table.put("get", BaseOperations::get);
    table.put("get-config", BaseOperations::getConfig);
    table.put("edit-config", BaseOperations::editConfig);
    table.put("lock", r -> lock(r, true));
    table.put("unlock", r -> lock(r, false));
    table.put("commit", BaseOperations::commit);
    table.put("cancel-commit", BaseOperations::cancelCommit);
    table.put("discard-changes", BaseOperations::discardChanges);
    table.put("validate", BaseOperations::validate);
    table.put("close-session", BaseOperations::closeSession);
    table.put("kill-session", BaseOperations::killSession);
  }

  static CompletionStage<RpcReply> done(RpcReply reply) {
    return CompletableFuture.completedFuture(reply);
  }

  private static CompletionStage<RpcReply> get(RpcRequest request) throws RpcException {
    return done(RpcReply.of(data(request, Datastore.RUNNING)));
  }

  private static CompletionStage<RpcReply> getConfig(RpcRequest request) throws RpcException {
    Datastore source = datastore(request, "source");
    return done(RpcReply.of(data(request, source)));
  }

  private static Element data(RpcRequest request, Datastore datastore) throws RpcException {
    Element filter = Xml.child(request.operation(), "filter");
    if (filter != null) {
      String type = Xml.attribute(filter, "type");
      if (type != null && !"subtree".equals(type)) {
        throw new RpcException(
            RpcError.error("protocol", "bad-attribute", "filter type " + type + " is not supported")
                .withInfo("bad-attribute", "type")
                .withInfo("bad-element", "filter"));
      }
    }
    Element data = request.element("data");
    data.appendChild(ConfigReplies.configuration(request, datastore, filter));
    return data;
  }

  private static CompletionStage<RpcReply> editConfig(RpcRequest request) throws RpcException {
    Datastore target = datastore(request, "target");
    if (target != Datastore.CANDIDATE) {
      throw RpcException.protocol(
          "operation-not-supported",
          "the running configuration cannot be edited directly: edit the candidate and commit");
    }
    EditOperation defaultOperation = EditOperation.MERGE;
    String defaultText = request.parameter("default-operation");
    try {
      if (defaultText != null) {
        defaultOperation = EditOperation.parse(defaultText);
        if (defaultOperation != EditOperation.MERGE
            && defaultOperation != EditOperation.REPLACE
            && defaultOperation != EditOperation.NONE) {
          throw RpcException.badElement(
              "default-operation", "invalid default-operation: " + defaultText);
        }
      }
      Element config = Xml.child(request.operation(), "config");
      if (config == null) {
        if (Xml.child(request.operation(), "url") != null) {
          throw RpcException.protocol(
              "operation-not-supported", "edit-config from a URL is not supported");
        }
        throw RpcException.missingElement("config", "missing <config>");
      }
      Element configuration = asConfiguration(config);
      if ("test-only".equals(request.parameter("test-option"))) {
        Element trial = request.device().config().read(Datastore.CANDIDATE);
        io.switchboard.devices.config.ConfigTree.edit(trial, configuration, defaultOperation);
        ConfigValidator.validate(trial);
        return done(RpcReply.ok());
      }
      request.device().config().editCandidate(request.sessionId(), configuration, defaultOperation);
    } catch (ConfigException e) {
      throw RpcException.of(e);
    }
    return done(RpcReply.ok());
  }

  /** The {@code configuration} element inside {@code <config>}, wrapping bare statements. */
  static Element asConfiguration(Element container) {
    List<Element> children = Xml.children(container);
    if (children.size() == 1 && "configuration".equals(Xml.name(children.get(0)))) {
      return children.get(0);
    }
    Document doc = container.getOwnerDocument();
    Element wrapper = doc.createElementNS(null, "configuration");
    for (Element child : children) {
      wrapper.appendChild(child.cloneNode(true));
    }
    return wrapper;
  }

  private static CompletionStage<RpcReply> lock(RpcRequest request, boolean lock)
      throws RpcException {
    Datastore target = datastore(request, "target");
    try {
      if (lock) {
        request.device().config().lock(request.sessionId(), target);
      } else {
        request.device().config().unlock(request.sessionId(), target);
      }
    } catch (ConfigException e) {
      throw RpcException.of(e);
    }
    return done(RpcReply.ok());
  }

  private static CompletionStage<RpcReply> commit(RpcRequest request) throws RpcException {
    failIfFaulted(request);
    boolean confirmed = request.flag("confirmed");
    Duration timeout = null;
    if (confirmed) {
      timeout =
          Duration.ofSeconds(positive(request, "confirm-timeout", DEFAULT_CONFIRM_TIMEOUT_SECONDS));
    }
    CommitOptions options =
        new CommitOptions(
            false,
            null,
            timeout,
            request.parameter("persist"),
            request.parameter("persist-id"),
            false);
    try {
      request.device().config().commit(request.sessionId(), request.session().username(), options);
    } catch (ConfigException e) {
      throw RpcException.of(e);
    }
    return done(RpcReply.ok());
  }

  /** The commit-failure fault: Junos' answer when a daemon fails the check-out. */
  static void failIfFaulted(RpcRequest request) throws RpcException {
    if (request.device().faults().strikes(Fault.COMMIT_FAILURE)) {
      throw new RpcException(
          List.of(
              new RpcError(
                  "protocol",
                  "operation-failed",
                  "error",
                  null,
                  "[edit]",
                  "Check-out pass for Routing protocol process (/usr/sbin/rpd) dumped core (0x86)",
                  null),
              RpcError.error("protocol", "operation-failed", "configuration check-out failed")));
    }
  }

  static long positive(RpcRequest request, String name, long defaultValue) throws RpcException {
    String text = request.parameter(name);
    if (text == null || text.isEmpty()) {
      return defaultValue;
    }
    try {
      long value = Long.parseLong(text);
      if (value <= 0) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new RpcException(
          RpcError.error("protocol", "invalid-value", "invalid " + name + ": " + text)
              .withInfo("bad-element", name));
    }
  }

  private static CompletionStage<RpcReply> cancelCommit(RpcRequest request) throws RpcException {
    try {
      request.device().config().cancelCommit(request.sessionId(), request.parameter("persist-id"));
    } catch (ConfigException e) {
      throw RpcException.of(e);
    }
    return done(RpcReply.ok());
  }

  private static CompletionStage<RpcReply> discardChanges(RpcRequest request) throws RpcException {
    try {
      request.device().config().discardChanges(request.sessionId());
    } catch (ConfigException e) {
      throw RpcException.of(e);
    }
    return done(RpcReply.ok());
  }

  private static CompletionStage<RpcReply> validate(RpcRequest request) throws RpcException {
    Element source = Xml.child(request.operation(), "source");
    if (source == null) {
      throw RpcException.missingElement("source", "missing <source>");
    }
    try {
      Element config = Xml.child(source, "config");
      if (config != null) {
        ConfigValidator.validate(asConfiguration(config));
      } else {
        Datastore datastore = datastore(request, "source");
        ConfigValidator.validate(request.device().config().read(datastore));
      }
    } catch (ConfigException e) {
      throw RpcException.of(e);
    }
    return done(RpcReply.ok());
  }

  private static CompletionStage<RpcReply> closeSession(RpcRequest request) {
    NetconfSession session = request.session();
    return done(RpcReply.ok().then(session::closeGracefully));
  }

  private static CompletionStage<RpcReply> killSession(RpcRequest request) throws RpcException {
    String idText = request.parameter("session-id");
    if (idText == null) {
      throw RpcException.missingElement("session-id", "missing <session-id>");
    }
    int id;
    try {
      id = Integer.parseInt(idText);
    } catch (NumberFormatException e) {
      throw RpcException.badElement("session-id", "invalid session-id: " + idText);
    }
    if (id == request.sessionId()) {
      throw new RpcException(
          RpcError.error("protocol", "invalid-value", "cannot kill the current session")
              .withInfo("bad-element", "session-id"));
    }
    NetconfSession target = request.device().sessions().get(id);
    if (target == null) {
      throw new RpcException(
          RpcError.error("protocol", "invalid-value", "session " + id + " does not exist")
              .withInfo("bad-element", "session-id"));
    }
    target.kill();
    return done(RpcReply.ok());
  }

  /** The datastore named inside {@code <target>} or {@code <source>}. */
  static Datastore datastore(RpcRequest request, String container) throws RpcException {
    Element holder = Xml.child(request.operation(), container);
    if (holder == null || Xml.children(holder).isEmpty()) {
      throw RpcException.missingElement(container, "missing <" + container + ">");
    }
    String name = Xml.name(Xml.children(holder).get(0));
    Datastore datastore = Datastore.fromName(name);
    if (datastore == null) {
      throw new RpcException(
          RpcError.error("protocol", "invalid-value", "datastore " + name + " is not supported")
              .withInfo("bad-element", name));
    }
    return datastore;
  }
}
