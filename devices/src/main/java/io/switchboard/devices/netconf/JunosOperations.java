package io.switchboard.devices.netconf;

import static io.switchboard.devices.netconf.BaseOperations.done;

import io.switchboard.devices.config.CommitOptions;
import io.switchboard.devices.config.ConfigException;
import io.switchboard.devices.config.ConfigText;
import io.switchboard.devices.config.Datastore;
import io.switchboard.devices.config.EditOperation;
import io.switchboard.devices.config.SetCommands;
import io.switchboard.devices.config.Xml;
import io.switchboard.devices.firewall.ConfigCompare;
import io.switchboard.netconf.error.RpcError;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.w3c.dom.Element;

/**
 * Junos configuration RPCs: load-configuration (merge, replace, override, update, set; xml, text,
 * set; rollback="N"), commit-configuration (check, log, confirmed with confirm-timeout in minutes),
 * get-configuration, lock-/unlock-configuration, open-/close-configuration.
 */
final class JunosOperations {

  /** Junos' confirmed commit timeout, in minutes. */
  static final long DEFAULT_CONFIRM_MINUTES = 10;

  private JunosOperations() {}

  static void register(Map<String, RpcHandler> table) {
    table.put("load-configuration", JunosOperations::loadConfiguration);
    table.put("commit-configuration", JunosOperations::commitConfiguration);
    table.put("get-configuration", JunosOperations::getConfiguration);
    table.put("lock-configuration", r -> lock(r, true));
    table.put("unlock-configuration", r -> lock(r, false));
    // Private and exclusive edit modes are not simulated: one shared candidate.
    table.put("open-configuration", r -> done(RpcReply.ok()));
    table.put("close-configuration", r -> done(RpcReply.ok()));
    JunosOperationalRpcs.register(table);
  }

  private static CompletionStage<RpcReply> loadConfiguration(RpcRequest request)
      throws RpcException {
    Element op = request.operation();
    String action = attributeOr(op, "action", "merge");
    String format = attributeOr(op, "format", "xml");
    String rollback = Xml.attribute(op, "rollback");
    if (Xml.attribute(op, "url") != null) {
      throw RpcException.protocol(
          "operation-not-supported", "load-configuration from a URL is not supported");
    }
    int session = request.sessionId();
    try {
      if (rollback != null) {
        int n;
        try {
          n = Integer.parseInt(rollback.trim());
        } catch (NumberFormatException e) {
          throw new RpcException(
              RpcError.error("protocol", "invalid-value", "invalid rollback number: " + rollback)
                  .withInfo("bad-attribute", "rollback"));
        }
        request.device().config().loadRollback(session, n);
      } else {
        Element setText = Xml.child(op, "configuration-set");
        Element text = Xml.child(op, "configuration-text");
        Element xml = Xml.child(op, "configuration");
        if ("set".equals(action) || setText != null) {
          Element source = setText != null ? setText : text;
          if (source == null) {
            throw RpcException.missingElement("configuration-set", "missing <configuration-set>");
          }
          request.device().config().loadSetCommands(session, source.getTextContent());
        } else if (text != null || "text".equals(format)) {
          if (text == null) {
            throw RpcException.missingElement("configuration-text", "missing <configuration-text>");
          }
          request
              .device()
              .config()
              .loadText(session, text.getTextContent(), "override".equals(action));
        } else if (xml != null) {
          switch (action) {
            case "merge", "replace", "update" ->
                request.device().config().editCandidate(session, xml, EditOperation.MERGE);
            case "override" -> request.device().config().overrideCandidate(session, xml);
            default ->
                throw new RpcException(
                    RpcError.error("protocol", "invalid-value", "invalid action: " + action)
                        .withInfo("bad-attribute", "action"));
          }
        } else {
          throw RpcException.missingElement("configuration", "missing <configuration>");
        }
      }
    } catch (ConfigException e) {
      throw RpcException.of(e);
    }
    Element results = request.element("load-configuration-results");
    results.appendChild(request.element("ok"));
    return done(RpcReply.of(results));
  }

  private static CompletionStage<RpcReply> commitConfiguration(RpcRequest request)
      throws RpcException {
    BaseOperations.failIfFaulted(request);
    boolean check = request.flag("check");
    Duration timeout = null;
    if (request.flag("confirmed")) {
      timeout =
          Duration.ofMinutes(
              BaseOperations.positive(request, "confirm-timeout", DEFAULT_CONFIRM_MINUTES));
    }
    CommitOptions options =
        new CommitOptions(check, request.parameter("log"), timeout, null, null, true);
    try {
      request.device().config().commit(request.sessionId(), request.session().username(), options);
    } catch (ConfigException e) {
      throw RpcException.of(e);
    }
    Element results = request.element("commit-results");
    Element engine = request.element("routing-engine");
    engine.setAttributeNS(
        NetconfConstants.junosNamespace(request.device().software().version()),
        "junos:style",
        "normal");
    results.appendChild(engine);
    engine.appendChild(request.element("name", "re0"));
    engine.appendChild(request.element(check ? "commit-check-success" : "commit-success"));
    return done(RpcReply.of(results));
  }

  private static CompletionStage<RpcReply> getConfiguration(RpcRequest request)
      throws RpcException {
    Element op = request.operation();
    String database = attributeOr(op, "database", "candidate");
    Datastore datastore =
        switch (database) {
          case "committed" -> Datastore.RUNNING;
          case "candidate" -> Datastore.CANDIDATE;
          default ->
              throw new RpcException(
                  RpcError.error("protocol", "invalid-value", "invalid database: " + database)
                      .withInfo("bad-attribute", "database"));
        };
    if ("rollback".equals(Xml.attribute(op, "compare"))) {
      return done(RpcReply.of(request.element("configuration-output", compare(request, op))));
    }
    Element filter = Xml.child(op, "configuration") == null ? null : op;
    Element configuration = ConfigReplies.configuration(request, datastore, filter);
    String format = attributeOr(op, "format", "xml");
    return switch (format) {
      case "xml" -> done(RpcReply.of(configuration));
      case "text" ->
          done(
              RpcReply.of(request.element("configuration-text", ConfigText.render(configuration))));
      case "set" ->
          done(
              RpcReply.of(request.element("configuration-set", SetCommands.render(configuration))));
      default ->
          throw new RpcException(
              RpcError.error("protocol", "invalid-value", "invalid format: " + format)
                  .withInfo("bad-attribute", "format"));
    };
  }

  /** {@code show | compare rollback N}: the candidate against commit N, as diff text. */
  private static String compare(RpcRequest request, Element op) throws RpcException {
    String rollback = attributeOr(op, "rollback", "0");
    try {
      return ConfigCompare.compare(
          request.device().config().rollback(Integer.parseInt(rollback)),
          request.device().config().read(Datastore.CANDIDATE));
    } catch (NumberFormatException e) {
      throw new RpcException(
          RpcError.error("protocol", "invalid-value", "invalid rollback number: " + rollback)
              .withInfo("bad-attribute", "rollback"));
    } catch (ConfigException e) {
      throw RpcException.of(e);
    }
  }

  private static CompletionStage<RpcReply> lock(RpcRequest request, boolean lock)
      throws RpcException {
    try {
      if (lock) {
        request.device().config().lock(request.sessionId(), Datastore.CANDIDATE);
      } else {
        request.device().config().unlock(request.sessionId(), Datastore.CANDIDATE);
      }
    } catch (ConfigException e) {
      throw RpcException.of(e);
    }
    return done(RpcReply.ok());
  }

  static String attributeOr(Element element, String name, String fallback) {
    String value = Xml.attribute(element, name);
    return value == null || value.isBlank() ? fallback : value.trim();
  }
}
