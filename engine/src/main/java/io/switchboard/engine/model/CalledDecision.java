package io.switchboard.engine.model;

/**
 * A business rule task's {@code zeebe:calledDecision}: the decision the engine evaluates itself
 * (DMN), and the variable its result goes to.
 *
 * @param decisionId the decision's id, a static value or a FEEL expression ({@code =...})
 * @param resultVariable the variable the decision's output is written to
 * @param binding which version of the decision is called
 * @param versionTag the version tag to call with {@link Binding#VERSION_TAG}, else null
 */
public record CalledDecision(
    String decisionId, String resultVariable, Binding binding, String versionTag) {

  /** Zeebe's {@code bindingType} of a called decision. */
  public enum Binding {
    /** The latest version of the decision (the default). */
    LATEST,
    /** The version deployed together with the calling process. */
    DEPLOYMENT,
    /** The latest version whose decision carries the given {@code zeebe:versionTag}. */
    VERSION_TAG
  }
}
