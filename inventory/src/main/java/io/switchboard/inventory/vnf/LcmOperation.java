package io.switchboard.inventory.vnf;

/** The lifecycle operation an occurrence carries out (SOL003 LcmOperationType, the part we run). */
public enum LcmOperation {
  INSTANTIATE,
  TERMINATE,
  HEAL
}
