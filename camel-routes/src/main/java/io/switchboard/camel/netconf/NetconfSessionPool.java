package io.switchboard.camel.netconf;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Keeps NETCONF sessions open for reuse, per device, within two limits: at most {@code
 * maxSessionsPerDevice} sessions (each leased to one caller at a time, which bounds the concurrency
 * per device) and at most {@code maxSessions} in all. A caller beyond a limit waits in a queue
 * without holding a thread; at the global limit the least recently used idle session of another
 * device is closed to make room. Idle sessions close after {@code idleTimeout}.
 *
 * <p>All state is guarded by one monitor; anything slow (opening, closing, completing futures)
 * happens outside it.
 */
final class NetconfSessionPool implements AutoCloseable {

  private static final Duration CLOSE_SESSION_WAIT = Duration.ofSeconds(2);

  private final Function<SessionKey, CompletableFuture<NetconfSession>> opener;
  private final ScheduledExecutorService scheduler;
  private final NetconfClientSettings settings;
  private final Object monitor = new Object();
  private final Map<SessionKey, Slot> slots = new HashMap<>();

  /** Idle sessions, least recently used first. */
  private final LinkedHashSet<NetconfSession> idleLru = new LinkedHashSet<>();

  private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
  private final ScheduledFuture<?> sweeper;
  private int totalOpen;
  private int leased;
  private long opened;
  private long reused;
  private boolean closed;

  private static final class Slot {
    final ArrayDeque<NetconfSession> idle = new ArrayDeque<>();
    final Set<NetconfSession> sessions = new HashSet<>();

    /** Sessions open or being opened. */
    int open;
  }

  private static final class Waiter {
    final SessionKey key;
    final CompletableFuture<NetconfSession> future = new CompletableFuture<>();
    ScheduledFuture<?> timeout;

    Waiter(SessionKey key) {
      this.key = key;
    }
  }

  NetconfSessionPool(
      Function<SessionKey, CompletableFuture<NetconfSession>> opener,
      ScheduledExecutorService scheduler,
      NetconfClientSettings settings) {
    this.opener = opener;
    this.scheduler = scheduler;
    this.settings = settings;
    long period = Math.max(100, Math.min(30_000, settings.idleTimeout().toMillis() / 4));
    this.sweeper =
        scheduler.scheduleWithFixedDelay(this::closeExpired, period, period, TimeUnit.MILLISECONDS);
  }

  /** A session for {@code key}, leased to the caller until {@link #release}. */
  CompletableFuture<NetconfSession> acquire(SessionKey key) {
    Waiter waiter = new Waiter(key);
    List<Runnable> actions = new ArrayList<>();
    synchronized (monitor) {
      if (closed) {
        waiter.future.completeExceptionally(
            new NetconfSessionDroppedException(key.deviceId(), "NETCONF client is stopped", null));
        return waiter.future;
      }
      if (!tryServe(waiter, actions)) {
        waiters.add(waiter);
        Duration wait = settings.sessionWaitTimeout();
        waiter.timeout =
            scheduler.schedule(() -> expire(waiter, wait), wait.toMillis(), TimeUnit.MILLISECONDS);
      }
    }
    actions.forEach(Runnable::run);
    return waiter.future;
  }

  /** Returns a leased session; it stays open for reuse only when {@code reusable} and healthy. */
  void release(NetconfSession session, boolean reusable) {
    List<Runnable> actions = new ArrayList<>();
    synchronized (monitor) {
      leased--;
      Slot slot = slots.get(session.key());
      if (!closed
          && reusable
          && session.isUsable()
          && slot != null
          && slot.sessions.contains(session)) {
        session.markIdle();
        slot.idle.addLast(session);
        idleLru.add(session);
      } else {
        forget(session, actions, false);
      }
      dispatch(actions);
    }
    actions.forEach(Runnable::run);
  }

  NetconfSessionStats stats() {
    synchronized (monitor) {
      return new NetconfSessionStats(
          totalOpen, idleLru.size(), leased, waiters.size(), opened, reused);
    }
  }

  @Override
  public void close() {
    List<NetconfSession> all = new ArrayList<>();
    List<Waiter> waiting;
    synchronized (monitor) {
      closed = true;
      sweeper.cancel(false);
      slots.values().forEach(slot -> all.addAll(slot.sessions));
      slots.clear();
      idleLru.clear();
      waiting = new ArrayList<>(waiters);
      waiters.clear();
      totalOpen = 0;
    }
    waiting.forEach(
        w ->
            w.future.completeExceptionally(
                new NetconfSessionDroppedException(
                    w.key.deviceId(), "NETCONF client is stopped", null)));
    all.forEach(NetconfSession::close);
  }

  /** Under the monitor: hands an idle session to the waiter or starts opening one. */
  private boolean tryServe(Waiter waiter, List<Runnable> actions) {
    Slot slot = slots.computeIfAbsent(waiter.key, k -> new Slot());
    NetconfSession idle;
    while ((idle = slot.idle.pollLast()) != null) {
      idleLru.remove(idle);
      if (idle.isUsable()) {
        NetconfSession handed = idle;
        leased++;
        reused++;
        actions.add(() -> hand(waiter, handed));
        return true;
      }
      forget(idle, actions, false);
    }
    if (slot.open >= settings.maxSessionsPerDevice()) {
      return false;
    }
    if (totalOpen >= settings.maxSessions()) {
      Iterator<NetconfSession> oldest = idleLru.iterator();
      if (!oldest.hasNext()) {
        return false;
      }
      forget(oldest.next(), actions, true);
    }
    slot.open++;
    totalOpen++;
    leased++;
    opened++;
    actions.add(() -> openFor(waiter, slot));
    return true;
  }

  private void openFor(Waiter waiter, Slot slot) {
    opener
        .apply(waiter.key)
        .whenComplete(
            (session, error) -> {
              if (error != null) {
                List<Runnable> actions = new ArrayList<>();
                synchronized (monitor) {
                  slot.open--;
                  totalOpen--;
                  leased--;
                  dropIfEmpty(waiter.key, slot);
                  dispatch(actions);
                }
                actions.forEach(Runnable::run);
                waiter.future.completeExceptionally(error);
                return;
              }
              boolean stopped;
              synchronized (monitor) {
                stopped = closed;
                if (!stopped) {
                  slot.sessions.add(session);
                }
              }
              if (stopped) {
                session.close();
                waiter.future.completeExceptionally(
                    new NetconfSessionDroppedException(
                        waiter.key.deviceId(), "NETCONF client is stopped", null));
                return;
              }
              session.onClose(this::onSessionClosed);
              hand(waiter, session);
            });
  }

  private void hand(Waiter waiter, NetconfSession session) {
    if (!waiter.future.complete(session)) {
      release(session, true);
    }
  }

  /** Under the monitor: stops counting a session and closes it (after the monitor is left). */
  private void forget(NetconfSession session, List<Runnable> actions, boolean graceful) {
    Slot slot = slots.get(session.key());
    idleLru.remove(session);
    if (slot != null) {
      slot.idle.remove(session);
      if (slot.sessions.remove(session)) {
        slot.open--;
        totalOpen--;
      }
      dropIfEmpty(session.key(), slot);
    }
    actions.add(graceful ? () -> session.closeGracefully(CLOSE_SESSION_WAIT) : session::close);
  }

  private void dropIfEmpty(SessionKey key, Slot slot) {
    if (slot.open == 0 && slot.idle.isEmpty() && slots.get(key) == slot) {
      slots.remove(key);
    }
  }

  /**
   * Under the monitor: serves queued callers that can go now. Callers whose device has an idle
   * session go first, so a session just released is reused rather than evicted.
   */
  private void dispatch(List<Runnable> actions) {
    if (waiters.isEmpty()) {
      return;
    }
    for (int pass = 0; pass < 2; pass++) {
      Iterator<Waiter> it = waiters.iterator();
      while (it.hasNext()) {
        Waiter waiter = it.next();
        if (waiter.future.isDone()) {
          it.remove();
          continue;
        }
        if (pass == 0) {
          Slot slot = slots.get(waiter.key);
          if (slot == null || slot.idle.isEmpty()) {
            continue;
          }
        } else if (totalOpen >= settings.maxSessions() && idleLru.isEmpty()) {
          return;
        }
        if (tryServe(waiter, actions)) {
          it.remove();
          if (waiter.timeout != null) {
            waiter.timeout.cancel(false);
          }
        }
      }
    }
  }

  private void onSessionClosed(NetconfSession session) {
    List<Runnable> actions = new ArrayList<>();
    synchronized (monitor) {
      Slot slot = slots.get(session.key());
      if (slot == null || !slot.sessions.contains(session)) {
        return;
      }
      idleLru.remove(session);
      slot.idle.remove(session);
      slot.sessions.remove(session);
      slot.open--;
      totalOpen--;
      dropIfEmpty(session.key(), slot);
      dispatch(actions);
    }
    actions.forEach(Runnable::run);
  }

  private void expire(Waiter waiter, Duration wait) {
    synchronized (monitor) {
      if (!waiters.remove(waiter)) {
        return;
      }
    }
    waiter.future.completeExceptionally(
        new NetconfTimeoutException(waiter.key.deviceId(), "session wait", wait));
  }

  private void closeExpired() {
    List<Runnable> actions = new ArrayList<>();
    long limit = settings.idleTimeout().toNanos();
    long now = System.nanoTime();
    synchronized (monitor) {
      Iterator<NetconfSession> it = idleLru.iterator();
      List<NetconfSession> expired = new ArrayList<>();
      while (it.hasNext()) {
        NetconfSession session = it.next();
        if (now - session.idleSinceNanos() < limit) {
          break;
        }
        expired.add(session);
      }
      expired.forEach(s -> forget(s, actions, true));
      dispatch(actions);
    }
    actions.forEach(Runnable::run);
  }
}
