package io.switchboard.camel.junos;

import static io.switchboard.camel.junos.JunosRouteIds.NETCONF_DISCARD;
import static io.switchboard.camel.junos.JunosRouteIds.NETCONF_LOCK;
import static io.switchboard.camel.junos.JunosRouteIds.NETCONF_RPC;
import static io.switchboard.camel.junos.JunosRouteIds.NETCONF_UNLOCK;

import io.switchboard.camel.netconf.NetconfConstants;
import io.switchboard.camel.netconf.NetconfReply;
import io.switchboard.camel.netconf.NetconfXml;
import java.util.List;
import org.apache.camel.Exchange;
import org.w3c.dom.Element;

/**
 * Junos configuration changes: load, commit (check, confirmed, confirm, comment), the locked push
 * and rollback that combine them, and the preview ({@code show | compare} of a change loaded into
 * the candidate under the lock, always discarded and unlocked, also when the load fails, whose
 * error goes back to the caller). The push and the rollback hold the candidate lock for the whole
 * change; on failure they discard the candidate and unlock, best effort, and the original error
 * goes back to the caller. (If even that fails the session is closed when the exchange ends, which
 * releases the lock on the device.)
 */
public class JunosConfigRoutes extends JunosRouteBuilder {

  private static final String COMMIT_PROPERTY = "SwitchboardJunosCommit";
  private static final String CHECK_FIRST_PROPERTY = "SwitchboardJunosCheckFirst";
  private static final String RESULT_PROPERTY = "SwitchboardJunosResult";
  private static final String FAILURE_PROPERTY = "SwitchboardJunosFailure";
  private static final String PREVIEW_LOAD_PROPERTY = "SwitchboardJunosPreviewLoad";

  static final String COMPARE_RPC =
      "<get-configuration compare=\"rollback\" rollback=\"0\" format=\"text\"/>";

  @Override
  public void configure() {
    junosRoute(JunosRouteIds.LOAD_CONFIGURATION)
        .process(
            e ->
                e.getMessage()
                    .setBody(
                        JunosRpcs.loadConfiguration(
                            e.getMessage().getMandatoryBody(LoadConfiguration.class))))
        .to(NETCONF_RPC)
        .process(JunosConfigRoutes::readLoadResult);

    junosRoute(JunosRouteIds.COMMIT_CONFIGURATION)
        .process(
            e -> {
              CommitConfiguration commit =
                  e.getMessage().getMandatoryBody(CommitConfiguration.class);
              e.setProperty(COMMIT_PROPERTY, commit);
              e.getMessage().setBody(JunosRpcs.commitConfiguration(commit));
            })
        .to(NETCONF_RPC)
        .process(JunosConfigRoutes::readCommitResult);

    junosRoute(JunosRouteIds.PUSH_CONFIGURATION)
        .process(
            e -> {
              ConfigurationPush push = e.getMessage().getMandatoryBody(ConfigurationPush.class);
              e.setProperty(COMMIT_PROPERTY, push.commit());
              e.getMessage().setBody(JunosRpcs.loadConfiguration(push.load()));
            })
        .to(JunosRouteIds.LOCKED_CHANGE_URI);

    junosRoute(JunosRouteIds.CHECKED_PUSH_CONFIGURATION)
        .process(
            e -> {
              ConfigurationPush push = e.getMessage().getMandatoryBody(ConfigurationPush.class);
              e.setProperty(COMMIT_PROPERTY, push.commit());
              e.setProperty(CHECK_FIRST_PROPERTY, true);
              e.getMessage().setBody(JunosRpcs.loadConfiguration(push.load()));
            })
        .to(JunosRouteIds.LOCKED_CHANGE_URI);

    junosRoute(JunosRouteIds.ROLLBACK)
        .process(
            e -> {
              Rollback rollback = e.getMessage().getMandatoryBody(Rollback.class);
              e.setProperty(
                  COMMIT_PROPERTY,
                  CommitConfiguration.commit(
                      rollback.comment() != null
                          ? rollback.comment()
                          : "rollback " + rollback.index()));
              e.getMessage().setBody(JunosRpcs.rollback(rollback.index()));
            })
        .to(JunosRouteIds.LOCKED_CHANGE_URI);

    junosRoute(JunosRouteIds.PREVIEW_CONFIGURATION)
        .process(
            e ->
                e.setProperty(
                    PREVIEW_LOAD_PROPERTY,
                    JunosRpcs.loadConfiguration(
                        e.getMessage().getMandatoryBody(LoadConfiguration.class))))
        .to(NETCONF_LOCK)
        .doTry()
        .setBody(exchangeProperty(PREVIEW_LOAD_PROPERTY))
        .to(NETCONF_RPC)
        .process(e -> JunosReplies.loadResult(deviceId(e), e.getMessage().getBody(String.class)))
        .setBody(constant(COMPARE_RPC))
        .to(NETCONF_RPC)
        .process(
            e -> e.setProperty(RESULT_PROPERTY, compareText(e.getMessage().getBody(String.class))))
        .to(NETCONF_DISCARD)
        .to(NETCONF_UNLOCK)
        .setBody(exchangeProperty(RESULT_PROPERTY))
        .doCatch(Exception.class)
        .setProperty(FAILURE_PROPERTY, exchangeProperty(Exchange.EXCEPTION_CAUGHT))
        .doTry()
        .to(NETCONF_DISCARD)
        .to(NETCONF_UNLOCK)
        .doCatch(Exception.class)
        .log(
            "Cleanup after a failed preview on ${header."
                + NetconfConstants.DEVICE_ID
                + "} failed too: ${exception.message}")
        .end()
        .process(
            e -> {
              throw e.getProperty(FAILURE_PROPERTY, Exception.class);
            })
        .end();

    // Body: the load-configuration RPC; properties: the commit, and whether a commit check comes
    // first. Answers the CommitResult.
    from(JunosRouteIds.LOCKED_CHANGE_URI)
        .routeId(JunosRouteIds.LOCKED_CHANGE)
        .routeConfigurationId(JunosRouteIds.ERROR_HANDLING)
        .setProperty(RESULT_PROPERTY, body())
        .to(NETCONF_LOCK)
        .doTry()
        .setBody(exchangeProperty(RESULT_PROPERTY))
        .to(NETCONF_RPC)
        .process(JunosConfigRoutes::readLoadResult)
        .filter(exchangeProperty(CHECK_FIRST_PROPERTY).isEqualTo(true))
        .setBody(constant(JunosRpcs.commitConfiguration(CommitConfiguration.checkOnly())))
        .to(NETCONF_RPC)
        .process(
            e -> JunosReplies.commitResult(deviceId(e), e.getMessage().getBody(String.class), true))
        .endDoTry()
        .process(
            e ->
                e.getMessage()
                    .setBody(
                        JunosRpcs.commitConfiguration(
                            e.getProperty(COMMIT_PROPERTY, CommitConfiguration.class))))
        .to(NETCONF_RPC)
        .process(JunosConfigRoutes::readCommitResult)
        .setProperty(RESULT_PROPERTY, body())
        .to(NETCONF_UNLOCK)
        .setBody(exchangeProperty(RESULT_PROPERTY))
        .doCatch(Exception.class)
        .setProperty(FAILURE_PROPERTY, exchangeProperty(Exchange.EXCEPTION_CAUGHT))
        .doTry()
        .to(NETCONF_DISCARD)
        .to(NETCONF_UNLOCK)
        .doCatch(Exception.class)
        .log(
            "Cleanup after a failed change on ${header."
                + NetconfConstants.DEVICE_ID
                + "} failed too: ${exception.message}")
        .end()
        .process(
            e -> {
              throw e.getProperty(FAILURE_PROPERTY, Exception.class);
            })
        .end();
  }

  static ConfigurationPreview compareText(String xml) {
    NetconfReply reply = NetconfReply.parse(xml);
    List<Element> output = NetconfXml.descendants(reply.root(), "configuration-output");
    return new ConfigurationPreview(output.isEmpty() ? "" : output.get(0).getTextContent());
  }

  private static void readLoadResult(Exchange e) {
    e.getMessage()
        .setBody(JunosReplies.loadResult(deviceId(e), e.getMessage().getBody(String.class)));
  }

  private static void readCommitResult(Exchange e) {
    CommitConfiguration commit = e.getProperty(COMMIT_PROPERTY, CommitConfiguration.class);
    e.getMessage()
        .setBody(
            JunosReplies.commitResult(
                deviceId(e), e.getMessage().getBody(String.class), commit.check()));
  }
}
