package io.switchboard.devices.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConfigStoreTest {

  private ScheduledExecutorService scheduler;
  private ConfigStore store;

  @BeforeEach
  void create() throws Exception {
    scheduler = Executors.newSingleThreadScheduledExecutor();
    store = new ConfigStore(config("a"), scheduler, event -> {});
  }

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  private static org.w3c.dom.Element config(String hostName) throws XmlException {
    return Xml.parse(
            "<configuration><system><host-name>"
                + hostName
                + "</host-name></system></configuration>")
        .getDocumentElement();
  }

  private String running() {
    return Xml.childText(Xml.child(store.read(Datastore.RUNNING), "system"), "host-name");
  }

  @Test
  void unconfirmedCommitRollsBackWhenItsTimerExpires() throws Exception {
    store.editCandidate(1, config("b"), EditOperation.MERGE);
    store.commit(1, "u", CommitOptions.confirmed(Duration.ofMillis(200)));
    assertThat(running()).isEqualTo("b");
    await().atMost(Duration.ofSeconds(3)).until(() -> "a".equals(running()));
    assertThat(store.history().get(0).kind()).isEqualTo("rollback");
    assertThat(store.confirmDeadline()).isEmpty();
  }

  @Test
  void followUpConfirmedCommitExtendsButKeepsTheOriginalRollbackPoint() throws Exception {
    store.editCandidate(1, config("b"), EditOperation.MERGE);
    store.commit(1, "u", CommitOptions.confirmed(Duration.ofSeconds(30)));
    store.editCandidate(1, config("c"), EditOperation.MERGE);
    store.commit(1, "u", CommitOptions.confirmed(Duration.ofMillis(100)));
    await().atMost(Duration.ofSeconds(3)).until(() -> "a".equals(running()));
  }

  @Test
  void rollbackNumberLoadsHistory() throws Exception {
    for (String name : new String[] {"b", "c", "d"}) {
      store.editCandidate(1, config(name), EditOperation.MERGE);
      store.commit(1, "u", CommitOptions.plain());
    }
    store.loadRollback(1, 2);
    store.commit(1, "u", CommitOptions.plain());
    assertThat(running()).isEqualTo("b");
  }

  @Test
  void historyKeepsTheLastTenCommits() throws Exception {
    for (int i = 0; i < 15; i++) {
      store.commit(1, "u", CommitOptions.plain());
    }
    assertThat(store.history()).hasSize(ConfigStore.HISTORY_SIZE);
    assertThatThrownBy(() -> store.loadRollback(1, ConfigStore.HISTORY_SIZE))
        .isInstanceOf(ConfigException.class);
  }

  @Test
  void modifiedCandidateCannotBeLockedAndSessionEndDiscardsLockedChanges() throws Exception {
    store.editCandidate(1, config("b"), EditOperation.MERGE);
    assertThatThrownBy(() -> store.lock(2, Datastore.CANDIDATE))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.errorTag()).isEqualTo("lock-denied"));
    store.discardChanges(1);
    store.lock(2, Datastore.CANDIDATE);
    store.editCandidate(2, config("z"), EditOperation.MERGE);
    store.sessionEnded(2);
    assertThat(store.candidateModified()).isFalse();
    assertThat(store.lockOwner(Datastore.CANDIDATE)).isNull();
  }

  @Test
  void rebootRollsBackAPendingConfirmedCommit() throws Exception {
    store.editCandidate(1, config("b"), EditOperation.MERGE);
    store.commit(1, "u", new CommitOptions(false, null, Duration.ofMinutes(10), null, null, true));
    store.rebooted();
    assertThat(running()).isEqualTo("a");
  }

  @Test
  void aSecretEnteredInTheClearIsKeptAndShownInItsJunosForm() throws Exception {
    String psk = "set security ike policy p pre-shared-key ascii-text \"tunnel key\"";
    store.loadSetCommands(1, psk);
    store.commit(1, "u", CommitOptions.plain());
    String shown = SetCommands.render(store.read(Datastore.RUNNING));

    String stored =
        shown
            .lines()
            .filter(line -> line.contains("ascii-text"))
            .findFirst()
            .orElseThrow()
            .replaceAll(".*ascii-text ", "")
            .replace("\"", "");
    assertThat(stored).startsWith("$9$");
    assertThat(shown).doesNotContain("tunnel key");
    assertThat(io.switchboard.netconf.junos.JunosSecret.decode(stored)).contains("tunnel key");

    // the same key loaded again, in the clear or in the form shown, changes nothing
    store.loadSetCommands(1, psk);
    assertThat(SetCommands.render(store.read(Datastore.CANDIDATE))).isEqualTo(shown);
    store.loadSetCommands(
        1, "set security ike policy p pre-shared-key ascii-text \"" + stored + "\"");
    assertThat(SetCommands.render(store.read(Datastore.CANDIDATE))).isEqualTo(shown);
  }

  @Test
  void anUnchangedCandidateIsValidatedOnceForCommitCheckCommitConfirmedAndConfirm()
      throws Exception {
    store.editCandidate(1, config("b"), EditOperation.MERGE);
    long before = store.validations();
    store.commit(1, "u", new CommitOptions(true, null, null, null, null, true));
    store.commit(1, "u", CommitOptions.confirmed(Duration.ofMinutes(10)));
    store.commit(1, "u", CommitOptions.plain());
    assertThat(store.validations() - before).isEqualTo(1);
    assertThat(running()).isEqualTo("b");
  }

  @Test
  void aCandidateChangedAfterItsCommitCheckIsValidatedAgain() throws Exception {
    store.loadSetCommands(1, "set interfaces ge-0/0/1 unit 0 family inet address 10.0.0.1/24");
    store.commit(1, "u", new CommitOptions(true, null, null, null, null, true));
    store.loadSetCommands(1, "set interfaces ge-0/0/1 unit 0 family inet address 10.0.0.300/24");
    assertThatThrownBy(() -> store.commit(1, "u", CommitOptions.plain()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("10.0.0.300/24");
    assertThat(running()).isEqualTo("a");
  }

  @Test
  void aRunningViewIsComputedOncePerCommittedConfiguration() throws Exception {
    java.util.concurrent.atomic.AtomicInteger computed =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.function.Function<org.w3c.dom.Element, String> hostName =
        c -> {
          computed.incrementAndGet();
          return Xml.childText(Xml.child(c, "system"), "host-name");
        };
    assertThat(store.runningView(String.class, hostName)).isEqualTo("a");
    assertThat(store.runningView(String.class, hostName)).isEqualTo("a");
    assertThat(computed).hasValue(1);

    store.editCandidate(1, config("b"), EditOperation.MERGE);
    assertThat(store.runningView(String.class, hostName)).isEqualTo("a");
    store.commit(1, "u", CommitOptions.confirmed(Duration.ofMinutes(10)));
    assertThat(store.runningView(String.class, hostName)).isEqualTo("b");
    store.cancelCommit(1, null);
    assertThat(store.runningView(String.class, hostName)).isEqualTo("a");
    assertThat(computed).hasValue(3);
  }
}
