package io.switchboard.inventory.vnf;

/** SOL003 instantiation state of a VNF instance. */
public enum VnfInstanceState {
  NOT_INSTANTIATED,
  INSTANTIATED
}
