package io.switchboard.inventory.sdwan;

/** The shape of an overlay: every spoke to every hub, or every site to every other. */
public enum Topology {
  HUB_SPOKE,
  FULL_MESH
}
