package io.switchboard.camel.netconf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sessions leased by one exchange, one per device, returned to the pool when the exchange
 * completes. A session still holding a lock then is closed rather than reused: closing is how
 * NETCONF releases a lock whose owner is gone.
 */
final class ExchangeSessions {

  private static final Logger LOG = LoggerFactory.getLogger(ExchangeSessions.class);

  private ExchangeSessions() {}

  static CompletableFuture<NetconfSession> sessionFor(
      Exchange exchange, SessionKey key, NetconfClient client) {
    Map<SessionKey, NetconfSession> leases = leases(exchange, client);
    NetconfSession held = leases.get(key);
    if (held != null) {
      if (held.isUsable()) {
        return CompletableFuture.completedFuture(held);
      }
      leases.remove(key);
      client.release(held, false);
    }
    return client
        .acquire(key)
        .thenApply(
            session -> {
              leases.put(key, session);
              return session;
            });
  }

  /** Without a unit of work nothing would ever complete the exchange: release at once. */
  static void releaseIfUnscoped(Exchange exchange, NetconfClient client) {
    if (exchange.getUnitOfWork() == null) {
      releaseAll(exchange, client);
    }
  }

  /** The session answered close-session: the device is closing it, never reuse it. */
  static void releaseClosed(Exchange exchange, NetconfSession session, NetconfClient client) {
    Map<SessionKey, NetconfSession> leases = existing(exchange);
    if (leases != null && leases.remove(session.key(), session)) {
      client.release(session, false);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<SessionKey, NetconfSession> existing(Exchange exchange) {
    return exchange.getProperty(NetconfConstants.LEASES_PROPERTY, Map.class);
  }

  private static Map<SessionKey, NetconfSession> leases(Exchange exchange, NetconfClient client) {
    Map<SessionKey, NetconfSession> leases = existing(exchange);
    if (leases == null) {
      leases = new ConcurrentHashMap<>();
      exchange.setProperty(NetconfConstants.LEASES_PROPERTY, leases);
      if (exchange.getUnitOfWork() != null) {
        exchange
            .getExchangeExtension()
            .addOnCompletion(
                new SynchronizationAdapter() {
                  @Override
                  public void onDone(Exchange done) {
                    releaseAll(done, client);
                  }
                });
      }
    }
    return leases;
  }

  private static void releaseAll(Exchange exchange, NetconfClient client) {
    Map<SessionKey, NetconfSession> leases = existing(exchange);
    if (leases == null) {
      return;
    }
    List<NetconfSession> sessions = new ArrayList<>(leases.values());
    leases.clear();
    for (NetconfSession session : sessions) {
      boolean locked = !session.lockedDatastores().isEmpty();
      if (locked) {
        LOG.warn(
            "{}: exchange ended holding a lock on {}; closing the session to release it",
            session.deviceId(),
            session.lockedDatastores());
      }
      client.release(session, !locked);
    }
  }
}
