package io.switchboard.engine.state;

/**
 * Hands out unique keys shaped like Zeebe's (partition 1 in the top bits), so tools that decode the
 * partition from a key keep working. Keys are reserved from storage in blocks: the reserved upper
 * bound is written with the batch that first uses a block, so no key is ever handed out twice, even
 * after a crash.
 */
public final class KeyGenerator {
  public static final long PARTITION_BITS = 1L << 51;
  private static final long BLOCK = 10_000;

  private long next;
  private long reservedUpTo;
  private boolean reservationChanged;

  public KeyGenerator(long reservedUpTo) {
    this.next = Math.max(reservedUpTo, PARTITION_BITS + 1);
    this.reservedUpTo = Math.max(reservedUpTo, PARTITION_BITS + 1);
  }

  public long nextKey() {
    if (next >= reservedUpTo) {
      reservedUpTo = next + BLOCK;
      reservationChanged = true;
    }
    return next++;
  }

  /** The new reserved bound if it moved since the last call, else -1. */
  public long drainReservation() {
    if (!reservationChanged) {
      return -1;
    }
    reservationChanged = false;
    return reservedUpTo;
  }
}
