package io.switchboard.api.security;

public enum Action {
  READ,
  WRITE,
  /** Start operations (processes). */
  RUN
}
