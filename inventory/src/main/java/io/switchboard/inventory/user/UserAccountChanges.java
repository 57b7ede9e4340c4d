package io.switchboard.inventory.user;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts changes to user accounts (a JPA entity listener of {@link UserAccount}), so that whatever
 * remembers a sign-in can tell that some account changed since and must be read again. The count
 * moves when the change is written and again when its transaction ends: a reader that looked at the
 * count between the two, and then read the row before the commit, saw the old row, and the second
 * step tells it so. Counting per JVM and for every account alike only ever forgets too much.
 */
public final class UserAccountChanges {
  private static final AtomicLong GENERATION = new AtomicLong();

  /** The current count; equal values mean no account was written in between. */
  public static long generation() {
    return GENERATION.get();
  }

  @PostPersist
  @PostUpdate
  @PostRemove
  void changed(UserAccount account) {
    GENERATION.incrementAndGet();
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              GENERATION.incrementAndGet();
            }
          });
    }
  }
}
