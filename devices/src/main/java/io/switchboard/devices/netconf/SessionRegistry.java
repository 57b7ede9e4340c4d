package io.switchboard.devices.netconf;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The NETCONF sessions open on one device, with the session-id counter. */
public final class SessionRegistry {

  private final AtomicInteger nextId;
  private final Map<Integer, NetconfSession> sessions = new ConcurrentHashMap<>();

  public SessionRegistry(int firstId) {
    this.nextId = new AtomicInteger(firstId);
  }

  int allocateId() {
    return nextId.getAndIncrement();
  }

  void add(NetconfSession session) {
    sessions.put(session.id(), session);
  }

  void remove(NetconfSession session) {
    sessions.remove(session.id(), session);
  }

  public NetconfSession get(int id) {
    return sessions.get(id);
  }

  public int count() {
    return sessions.size();
  }

  public List<NetconfSession> all() {
    return List.copyOf(sessions.values());
  }

  /** Drops every session's connection (reboot, unreachable). */
  public void dropAll() {
    for (NetconfSession session : all()) {
      session.dropConnection();
    }
  }
}
