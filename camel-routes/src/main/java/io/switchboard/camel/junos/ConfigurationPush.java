package io.switchboard.camel.junos;

import java.util.Objects;

/** Load and commit under an exclusive lock of the candidate. */
public record ConfigurationPush(LoadConfiguration load, CommitConfiguration commit) {

  public ConfigurationPush {
    Objects.requireNonNull(load, "load");
    Objects.requireNonNull(commit, "commit");
  }
}
