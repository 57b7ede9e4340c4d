package io.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.builder.UserTaskBuilder;
import io.switchboard.engine.retention.HistoryRetention;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * History retention removes only what ended longer than the retention ago. The clock is pinned to
 * make instances old; the periodic task is slowed down so the test runs it itself.
 */
@TestPropertySource(
    properties = {
      "switchboard.engine.clock-control.enabled=true",
      "switchboard.engine.history.retention=P1D",
      "switchboard.engine.history.cleanup-interval=PT1H",
      "switchboard.engine.history.batch-size=2"
    })
class HistoryRetentionIT extends EngineIT {
  @Autowired HistoryRetention retention;

  @AfterEach
  void resetClock() {
    client.newResetClockCommand().send().join();
  }

  private String deployTask(String type) {
    String id = unique("retained");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(type))
            .endEvent()
            .done());
    return id;
  }

  /** Starts an instance and completes it, with the clock pinned at {@code at}. */
  private long endedAt(Instant at, String id, String type) {
    client.newPinClockCommand().time(at).send().join();
    long pi = start(id, Map.of("site", "PAR-1")).getProcessInstanceKey();
    client.newCompleteCommand(activateOne(type)).send().join();
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> client.newProcessInstanceGetRequest(pi).send().join().getEndDate() != null);
    return pi;
  }

  private boolean found(long processInstanceKey) {
    try {
      client.newProcessInstanceGetRequest(processInstanceKey).send().join();
      return true;
    } catch (ProblemException e) {
      assertThat(e.code()).isEqualTo(404);
      return false;
    }
  }

  @Test
  void onlyInstancesEndedLongerThanTheRetentionAgoAreRemovedInBatches() {
    String type = unique("work");
    String id = deployTask(type);
    Instant now = Instant.now();
    long old1 = endedAt(now.minus(Duration.ofDays(5)), id, type);
    long old2 = endedAt(now.minus(Duration.ofDays(4)), id, type);
    long old3 = endedAt(now.minus(Duration.ofDays(3)), id, type);
    long recent = endedAt(now.minus(Duration.ofHours(12)), id, type);
    client.newPinClockCommand().time(now.minus(Duration.ofDays(6))).send().join();
    long running = start(id, Map.of()).getProcessInstanceKey();
    client.newResetClockCommand().send().join();

    // batches of two: one run goes on until a batch is not full
    assertThat(retention.removeOld()).isGreaterThanOrEqualTo(3);

    assertThat(found(old1) || found(old2) || found(old3)).isFalse();
    assertThat(found(recent)).as("ended 12 hours ago").isTrue();
    assertThat(found(running)).as("started 6 days ago, still running").isTrue();
    assertThat(
            client
                .newVariableSearchRequest()
                .filter(f -> f.processInstanceKey(old1))
                .send()
                .join()
                .items())
        .isEmpty();
    assertThat(
            client
                .newElementInstanceSearchRequest()
                .filter(f -> f.processInstanceKey(old2))
                .send()
                .join()
                .items())
        .isEmpty();
    assertThat(
            client
                .newElementInstanceSearchRequest()
                .filter(f -> f.processInstanceKey(recent))
                .send()
                .join()
                .items())
        .isNotEmpty();
    assertThat(
            client
                .newJobSearchRequest()
                .filter(f -> f.processInstanceKey(old3))
                .send()
                .join()
                .items())
        .isEmpty();
  }

  @Test
  void endedUserTasksOfRemovedInstancesGoToo() {
    String id = unique("approval");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .userTask("approve", UserTaskBuilder::zeebeUserTask)
            .endEvent()
            .done());
    client.newPinClockCommand().time(Instant.now().minus(Duration.ofDays(2))).send().join();
    long pi = start(id, Map.of()).getProcessInstanceKey();
    List<UserTask> tasks =
        Awaitility.await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    client
                        .newUserTaskSearchRequest()
                        .filter(f -> f.processInstanceKey(pi))
                        .send()
                        .join()
                        .items(),
                items -> !items.isEmpty());
    long taskKey = tasks.get(0).getUserTaskKey();
    client.newCompleteUserTaskCommand(taskKey).send().join();
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> client.newProcessInstanceGetRequest(pi).send().join().getEndDate() != null);
    client.newResetClockCommand().send().join();

    retention.removeOld();

    assertThat(found(pi)).isFalse();
    assertThatThrownBy(() -> client.newUserTaskGetRequest(taskKey).send().join())
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(404));
  }

  private String deployDecision() {
    String decisionId = unique("retained_tier");
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
            id="%s_graph" name="Retained" namespace="http://switchboard.io/dmn">
          <decision id="%s" name="Tier">
            <literalExpression><text>size * 2</text></literalExpression>
          </decision>
        </definitions>
        """
            .formatted(decisionId, decisionId);
    client
        .newDeployResourceCommand()
        .addResourceString(xml, java.nio.charset.StandardCharsets.UTF_8, "tier.dmn")
        .send()
        .join();
    return decisionId;
  }

  private long evaluatedAt(Instant at, String decisionId) {
    client.newPinClockCommand().time(at).send().join();
    return client
        .newEvaluateDecisionCommand()
        .decisionId(decisionId)
        .variables(Map.of("size", 2))
        .send()
        .join()
        .getDecisionEvaluationKey();
  }

  private List<io.camunda.client.api.search.response.DecisionInstance> decisionInstances(
      java.util.function.Consumer<io.camunda.client.api.search.filter.DecisionInstanceFilter>
          filter) {
    return client.newDecisionInstanceSearchRequest().filter(filter).send().join().items();
  }

  @Test
  void decisionInstancesGoWithTheirInstanceOrOnceOldWhenTheyBelongToNone() {
    String decisionId = deployDecision();
    String id = unique("ruled");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .businessRuleTask(
                "decide", t -> t.zeebeCalledDecisionId(decisionId).zeebeResultVariable("tier"))
            .endEvent()
            .done());
    Instant now = Instant.now();
    long oldEvaluation = evaluatedAt(now.minus(Duration.ofDays(3)), decisionId);
    long recentEvaluation = evaluatedAt(now.minus(Duration.ofHours(2)), decisionId);
    client.newPinClockCommand().time(now.minus(Duration.ofDays(3))).send().join();
    long oldInstance = start(id, Map.of("size", 1)).getProcessInstanceKey();
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                client.newProcessInstanceGetRequest(oldInstance).send().join().getEndDate()
                    != null);
    client.newResetClockCommand().send().join();
    assertThat(decisionInstances(f -> f.processInstanceKey(oldInstance))).hasSize(1);

    retention.removeOld();

    assertThat(decisionInstances(f -> f.processInstanceKey(oldInstance))).isEmpty();
    assertThat(decisionInstances(f -> f.decisionInstanceKey(oldEvaluation))).isEmpty();
    assertThat(decisionInstances(f -> f.decisionInstanceKey(recentEvaluation)))
        .as("evaluated two hours ago")
        .hasSize(1);
  }
}
