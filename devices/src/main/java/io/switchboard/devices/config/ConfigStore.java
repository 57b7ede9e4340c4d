package io.switchboard.devices.config;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * One device's configuration: the running and candidate datastores, their locks, the commit history
 * for {@code rollback N}, and the confirmed-commit state machine of RFC 6241 8.4 (timer on a shared
 * scheduler, automatic rollback when not confirmed in time). Thread-safe: every method holds the
 * store's monitor, so sessions and timers see one consistent state.
 */
public final class ConfigStore {

  /** How many commits {@code rollback N} can reach (0 = running). */
  public static final int HISTORY_SIZE = 10;

  private final ScheduledExecutorService scheduler;
  private final Consumer<String> eventLog;
  private Document running;
  private Document candidate;
  private boolean candidateDirty;
  private final LinkedList<Entry> history = new LinkedList<>();
  private final Map<Datastore, Integer> locks = new EnumMap<>(Datastore.class);
  private Pending pending;
  private int sequence;
  private CommitCheck commitCheck = configuration -> {};

  /**
   * The candidate document that last passed {@link ConfigValidator} (documents are replaced, never
   * changed in place, so identity says the content is unchanged): commit check, commit confirmed
   * and the confirming commit of one change validate it once, not three times.
   */
  private Document validatedCandidate;

  private long validations;

  /** Views of the running configuration, valid while {@code running} is this document. */
  private Document viewsOf;

  private final Map<Class<?>, Object> runningViews = new java.util.HashMap<>();

  /** A device's own commit check, run after the schema rules (a uCPE's host resources). */
  public interface CommitCheck {
    void check(Element configuration) throws ConfigException;
  }

  public synchronized void commitCheck(CommitCheck check) {
    this.commitCheck = check;
  }

  private record Entry(CommitInfo info, Document configuration) {}

  private record Pending(
      int session,
      String persist,
      boolean junosStyle,
      Document rollbackPoint,
      Instant deadline,
      ScheduledFuture<?> timer) {}

  /**
   * @param initial the factory-default configuration (a {@code configuration} element)
   * @param scheduler runs confirmed-commit timers
   * @param eventLog receives one line per commit, rollback and lock event (for logs)
   */
  public ConfigStore(
      Element initial, ScheduledExecutorService scheduler, Consumer<String> eventLog) {
    this.scheduler = scheduler;
    this.eventLog = eventLog;
    this.running = normalized(initial);
    ConfigSecrets.encode(running.getDocumentElement());
    this.candidate = copy(running);
    record("system", "factory default", "initial", CommitInfo.CLIENT_OTHER);
  }

  /** A namespace-free copy as stored data (edit attributes removed). */
  private static Document normalized(Element configuration) {
    Document doc = withoutNamespaces(configuration);
    ConfigTree.stripEditAttributes(doc.getDocumentElement());
    return doc;
  }

  /** A namespace-free copy that keeps edit attributes (the source of an edit). */
  private static Document withoutNamespaces(Element configuration) {
    Document doc = Xml.newDocument();
    doc.appendChild(Xml.copyWithoutNamespaces(doc, configuration));
    return doc;
  }

  private static Document emptyConfiguration() {
    Document doc = Xml.newDocument();
    doc.appendChild(doc.createElementNS(null, "configuration"));
    return doc;
  }

  private static Document copy(Document doc) {
    return Xml.copyAsDocument(doc.getDocumentElement());
  }

  // ---- reading -------------------------------------------------------------------------------

  /** A copy of a datastore's {@code configuration} element (callers may change it). */
  public synchronized Element read(Datastore datastore) {
    return copy(datastore == Datastore.RUNNING ? running : candidate).getDocumentElement();
  }

  public synchronized boolean candidateModified() {
    return candidateDirty;
  }

  public synchronized List<CommitInfo> history() {
    List<CommitInfo> result = new ArrayList<>();
    for (Entry e : history) {
      result.add(e.info());
    }
    return result;
  }

  /** The deadline of a pending confirmed commit, if any. */
  public synchronized Optional<Instant> confirmDeadline() {
    return pending == null ? Optional.empty() : Optional.of(pending.deadline());
  }

  public synchronized Integer lockOwner(Datastore datastore) {
    return locks.get(datastore);
  }

  // ---- editing -------------------------------------------------------------------------------

  /** {@code edit-config} to the candidate; atomic (rollback-on-error). */
  public synchronized void editCandidate(
      int session, Element config, EditOperation defaultOperation) throws ConfigException {
    checkWritable(session, Datastore.CANDIDATE);
    Document edited = copy(candidate);
    Document source = withoutNamespaces(config);
    ConfigTree.edit(edited.getDocumentElement(), source.getDocumentElement(), defaultOperation);
    ConfigSecrets.encode(edited.getDocumentElement());
    candidate = edited;
    candidateDirty = true;
  }

  /** {@code load-configuration action="override"}: the candidate becomes exactly this. */
  public synchronized void overrideCandidate(int session, Element config) throws ConfigException {
    checkWritable(session, Datastore.CANDIDATE);
    candidate = normalized(config);
    ConfigSecrets.encode(candidate.getDocumentElement());
    candidateDirty = true;
  }

  /** Applies {@code set}/{@code delete} commands to the candidate, atomically. */
  public synchronized void loadSetCommands(int session, String commands) throws ConfigException {
    checkWritable(session, Datastore.CANDIDATE);
    Document edited = copy(candidate);
    SetCommands.apply(edited.getDocumentElement(), commands);
    ConfigSecrets.encode(edited.getDocumentElement());
    candidate = edited;
    candidateDirty = true;
  }

  /** Applies curly-brace configuration text to the candidate (override: on an empty one). */
  public synchronized void loadText(int session, String text, boolean override)
      throws ConfigException {
    checkWritable(session, Datastore.CANDIDATE);
    Document edited = override ? emptyConfiguration() : copy(candidate);
    ConfigText.apply(edited.getDocumentElement(), text);
    ConfigSecrets.encode(edited.getDocumentElement());
    candidate = edited;
    candidateDirty = true;
  }

  /** {@code load-configuration rollback="N"}: the candidate becomes commit N of the history. */
  public synchronized void loadRollback(int session, int n) throws ConfigException {
    checkWritable(session, Datastore.CANDIDATE);
    if (n < 0 || n >= history.size()) {
      throw new ConfigException(
          "invalid-value",
          "rollback " + n + ": no such configuration (history holds " + history.size() + ")",
          "[edit]",
          "rollback " + n);
    }
    candidate = copy(history.get(n).configuration());
    candidateDirty = true;
  }

  /** A copy of commit {@code n} of the history (0: the running configuration). */
  public synchronized Element rollback(int n) throws ConfigException {
    if (n < 0 || n >= history.size()) {
      throw new ConfigException(
          "invalid-value",
          "rollback " + n + ": no such configuration (history holds " + history.size() + ")",
          "[edit]",
          "rollback " + n);
    }
    return copy(history.get(n).configuration()).getDocumentElement();
  }

  public synchronized void discardChanges(int session) throws ConfigException {
    checkWritable(session, Datastore.CANDIDATE);
    candidate = copy(running);
    candidateDirty = false;
  }

  public synchronized void validateCandidate() throws ConfigException {
    validateCandidateOnce();
    commitCheck.check(candidate.getDocumentElement());
  }

  private void validateCandidateOnce() throws ConfigException {
    if (candidate != validatedCandidate) {
      validations++;
      ConfigValidator.validate(candidate.getDocumentElement());
      validatedCandidate = candidate;
    }
  }

  /** How often a candidate was validated whole (what the validation cache saves is visible). */
  synchronized long validations() {
    return validations;
  }

  /**
   * What {@code view} makes of the running configuration, computed once per committed configuration
   * and kept until the next commit or rollback (a lookup that a verification asks hundreds of times
   * then reads no copy of the whole configuration each time). {@code view} must not change the
   * element, and its result must not change either.
   */
  public synchronized <T> T runningView(Class<T> kind, Function<Element, T> view) {
    if (viewsOf != running) {
      runningViews.clear();
      viewsOf = running;
    }
    Object cached = runningViews.get(kind);
    if (cached == null) {
      cached = view.apply(running.getDocumentElement());
      runningViews.put(kind, cached);
    }
    return kind.cast(cached);
  }

  // ---- locks ---------------------------------------------------------------------------------

  public synchronized void lock(int session, Datastore datastore) throws ConfigException {
    Integer owner = locks.get(datastore);
    if (owner != null) {
      throw ConfigException.lockDenied(
          "configuration database locked by session "
              + owner
              + (owner == session ? " (this session)" : ""),
          owner);
    }
    if (datastore == Datastore.CANDIDATE && candidateDirty) {
      // RFC 6241 7.5: no lock on a candidate that holds uncommitted changes.
      throw ConfigException.lockDenied(
          "configuration database modified; commit or discard the changes first", 0);
    }
    locks.put(datastore, session);
  }

  public synchronized void unlock(int session, Datastore datastore) throws ConfigException {
    Integer owner = locks.get(datastore);
    if (owner == null || owner != session) {
      throw new ConfigException(
          "operation-failed",
          owner == null
              ? "configuration database is not locked"
              : "configuration database locked by session " + owner,
          null,
          null);
    }
    locks.remove(datastore);
  }

  private void checkWritable(int session, Datastore datastore) throws ConfigException {
    Integer owner = locks.get(datastore);
    if (owner != null && owner != session) {
      throw ConfigException.inUse("configuration database locked by session " + owner, owner);
    }
  }

  // ---- commit --------------------------------------------------------------------------------

  /**
   * Commits the candidate (or only checks it). A confirmed commit keeps the configuration from
   * before it and restores it when no confirming commit arrives before the timeout; a commit while
   * one is pending confirms it (or, when itself confirmed, extends it).
   */
  public synchronized void commit(int session, String user, CommitOptions options)
      throws ConfigException {
    checkWritable(session, Datastore.RUNNING);
    checkWritable(session, Datastore.CANDIDATE);
    validateCandidateOnce();
    commitCheck.check(candidate.getDocumentElement());
    if (options.check()) {
      return;
    }
    Document rollbackPoint = copy(running);
    String persist = options.persist();
    if (pending != null) {
      if (pending.persist() != null && !pending.persist().equals(options.persistId())) {
        throw new ConfigException(
            "invalid-value",
            options.persistId() == null
                ? "a confirmed commit with persist is pending: persist-id required"
                : "persist-id does not match the pending confirmed commit",
            null,
            "persist-id");
      }
      if (pending.persist() == null && !pending.junosStyle() && pending.session() != session) {
        throw new ConfigException(
            "in-use",
            "a confirmed commit from session " + pending.session() + " is pending",
            null,
            null);
      }
      pending.timer().cancel(false);
      rollbackPoint = pending.rollbackPoint();
      if (persist == null && options.confirmed()) {
        persist = pending.persist();
      }
      pending = null;
    }
    running = copy(candidate);
    candidateDirty = false;
    if (options.confirmed()) {
      Duration timeout = options.confirmTimeout();
      Object[] token = new Object[1];
      ScheduledFuture<?> timer =
          scheduler.schedule(() -> expire(token), timeout.toMillis(), TimeUnit.MILLISECONDS);
      pending =
          new Pending(
              session,
              persist,
              options.junosStyle(),
              rollbackPoint,
              Instant.now().plus(timeout),
              timer);
      token[0] = pending;
      record(user, options.log(), "confirmed", CommitInfo.CLIENT_NETCONF);
      eventLog.accept(
          "commit confirmed, rollback in " + timeout.toSeconds() + "s unless confirmed");
    } else {
      record(user, options.log(), "commit", CommitInfo.CLIENT_NETCONF);
      eventLog.accept("commit complete");
    }
  }

  /** {@code cancel-commit}: restores the configuration from before the pending confirmed commit. */
  public synchronized void cancelCommit(int session, String persistId) throws ConfigException {
    if (pending == null) {
      throw ConfigException.operationFailed("no confirmed commit is pending");
    }
    if (pending.persist() != null && !pending.persist().equals(persistId)) {
      throw new ConfigException(
          "invalid-value",
          "persist-id does not match the pending confirmed commit",
          null,
          "persist-id");
    }
    if (pending.persist() == null && !pending.junosStyle() && pending.session() != session) {
      throw new ConfigException(
          "in-use",
          "the pending confirmed commit belongs to session " + pending.session(),
          null,
          null);
    }
    rollBack("cancel-commit");
  }

  private synchronized void expire(Object[] token) {
    if (pending != null && token[0] == pending) {
      rollBack("confirmed commit not confirmed in time: automatic rollback");
    }
  }

  private void rollBack(String why) {
    pending.timer().cancel(false);
    running = copy(pending.rollbackPoint());
    candidate = copy(running);
    candidateDirty = false;
    pending = null;
    record("system", why, "rollback", CommitInfo.CLIENT_OTHER);
    eventLog.accept(why);
  }

  /**
   * A session ended: its locks go, a locked candidate's uncommitted changes are discarded, and a
   * standard confirmed commit it issued without {@code persist} is rolled back (RFC 6241 8.4.1).
   */
  public synchronized void sessionEnded(int session) {
    if (Integer.valueOf(session).equals(locks.get(Datastore.CANDIDATE)) && candidateDirty) {
      candidate = copy(running);
      candidateDirty = false;
    }
    locks.values().removeIf(owner -> owner == session);
    if (pending != null
        && pending.session() == session
        && pending.persist() == null
        && !pending.junosStyle()) {
      rollBack("session " + session + " ended before confirming its commit: rollback");
    }
  }

  /** A reboot: no session survives, and an unconfirmed commit does not either. */
  public synchronized void rebooted() {
    locks.clear();
    if (pending != null) {
      rollBack("reboot with an unconfirmed commit: rollback");
    }
  }

  /** Replaces running and candidate outright, outside NETCONF (test setup, phone-home). */
  public synchronized void replaceRunning(Element configuration, String user, String log) {
    if (pending != null) {
      pending.timer().cancel(false);
      pending = null;
    }
    running = normalized(configuration);
    ConfigSecrets.encode(running.getDocumentElement());
    candidate = copy(running);
    candidateDirty = false;
    record(user, log, "commit", CommitInfo.CLIENT_OTHER);
  }

  /**
   * An operator's change from the CLI ({@code configure}, set/delete, {@code commit comment}),
   * outside any NETCONF session: refused while a session holds the configuration lock or has
   * uncommitted changes (Junos: "configuration database locked/modified"), validated like any
   * commit, and recorded with client {@code cli}.
   */
  public synchronized void commitFromCli(String user, String commands, String comment)
      throws ConfigException {
    Integer owner = locks.get(Datastore.CANDIDATE);
    if (owner == null) {
      owner = locks.get(Datastore.RUNNING);
    }
    if (owner != null) {
      throw ConfigException.inUse("configuration database locked by session " + owner, owner);
    }
    if (candidateDirty) {
      throw ConfigException.operationFailed(
          "configuration database modified by another session; commit or discard it first");
    }
    Document edited = copy(running);
    SetCommands.apply(edited.getDocumentElement(), commands);
    ConfigSecrets.encode(edited.getDocumentElement());
    ConfigValidator.validate(edited.getDocumentElement());
    commitCheck.check(edited.getDocumentElement());
    if (pending != null) {
      pending.timer().cancel(false);
      pending = null;
    }
    running = edited;
    candidate = copy(running);
    record(user, comment, "commit", CommitInfo.CLIENT_CLI);
    eventLog.accept("commit complete (cli, user " + user + ")");
  }

  private void record(String user, String log, String kind, String client) {
    sequence++;
    history.addFirst(
        new Entry(new CommitInfo(sequence, Instant.now(), user, log, kind, client), copy(running)));
    while (history.size() > HISTORY_SIZE) {
      history.removeLast();
    }
  }

  /** A commit of the history as a device keeps it in flash: its record and configuration. */
  public record SavedCommit(CommitInfo info, Element configuration) {}

  /**
   * The commit history as the device would come back from a power cycle, newest (running) first. An
   * unconfirmed commit does not survive one: its rollback point comes first, as a rollback.
   */
  public synchronized List<SavedCommit> savedHistory() {
    List<SavedCommit> saved = new ArrayList<>();
    if (pending != null) {
      CommitInfo rollback =
          new CommitInfo(
              sequence + 1,
              Instant.now(),
              "system",
              "power cycle with an unconfirmed commit: rollback",
              "rollback",
              CommitInfo.CLIENT_OTHER);
      saved.add(new SavedCommit(rollback, elementOf(pending.rollbackPoint())));
    }
    for (Entry e : history) {
      saved.add(new SavedCommit(e.info(), elementOf(e.configuration())));
    }
    return saved;
  }

  /**
   * Boots from a history {@link #savedHistory} gave: running and candidate are its newest entry; no
   * lock, no pending commit.
   */
  public synchronized void restore(List<SavedCommit> saved) {
    if (saved.isEmpty()) {
      throw new IllegalArgumentException("a saved history has at least the running configuration");
    }
    if (pending != null) {
      pending.timer().cancel(false);
      pending = null;
    }
    locks.clear();
    history.clear();
    for (SavedCommit commit : saved.subList(0, Math.min(saved.size(), HISTORY_SIZE))) {
      history.addLast(new Entry(commit.info(), normalized(commit.configuration())));
    }
    running = copy(history.getFirst().configuration());
    candidate = copy(running);
    candidateDirty = false;
    sequence = history.getFirst().info().sequence();
  }

  private static Element elementOf(Document configuration) {
    return copy(configuration).getDocumentElement();
  }

  /** The newest commit: its user and time decorate {@code get-config} answers as on Junos. */
  public synchronized CommitInfo lastCommit() {
    return history.getFirst().info();
  }
}
