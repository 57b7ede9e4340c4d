package io.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.search.response.Variable;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.UserTaskBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Camunda user tasks ({@code zeebe:userTask}) through the official client: creation with evaluated
 * attributes, the assign/update/unassign/complete lifecycle, boundary events, cancellation, search
 * filters, the task's variables and durability across a restart.
 */
class UserTaskIT extends EngineIT {

  private static BpmnModelInstance process(String id, Consumer<UserTaskBuilder> task) {
    return Bpmn.createExecutableProcess(id)
        .name("Rollout approval")
        .startEvent()
        .userTask(
            "approve",
            t -> {
              t.name("Approve rollout").zeebeUserTask();
              task.accept(t);
            })
        .endEvent("done")
        .done();
  }

  private UserTask get(long key) {
    return client.newUserTaskGetRequest(key).send().join();
  }

  private boolean processEnded(long processInstanceKey) {
    return client.newProcessInstanceGetRequest(processInstanceKey).send().join().getEndDate()
        != null;
  }

  @Test
  void aUserTaskIsCreatedWithItsEvaluatedAttributes() {
    String id = unique("ut-create");
    deploy(
        process(
            id,
            t ->
                t.zeebeAssigneeExpression("owner")
                    .zeebeCandidateGroups("ops, noc")
                    .zeebeCandidateUsersExpression("[\"ann\", owner]")
                    .zeebeDueDate("2030-01-01T10:00:00Z")
                    .zeebeFollowUpDateExpression("\"2029-12-30T10:00:00+01:00\"")
                    .zeebeTaskPriorityExpression("urgency * 10")
                    .zeebeExternalFormReference("https://forms.example/approve")
                    .zeebeTaskHeader("kind", "approval")));
    long pi = start(id, Map.of("owner", "bob", "urgency", 7)).getProcessInstanceKey();

    UserTask task = awaitUserTask(pi);
    assertThat(task.getState()).isEqualTo(UserTaskState.CREATED);
    assertThat(task.getName()).isEqualTo("Approve rollout");
    assertThat(task.getProcessName()).isEqualTo("Rollout approval");
    assertThat(task.getElementId()).isEqualTo("approve");
    assertThat(task.getBpmnProcessId()).isEqualTo(id);
    assertThat(task.getAssignee()).isEqualTo("bob");
    assertThat(task.getCandidateGroups()).containsExactly("ops", "noc");
    assertThat(task.getCandidateUsers()).containsExactly("ann", "bob");
    assertThat(task.getDueDate()).isEqualTo(OffsetDateTime.parse("2030-01-01T10:00:00Z"));
    assertThat(task.getFollowUpDate().toInstant())
        .isEqualTo(OffsetDateTime.parse("2029-12-30T09:00:00Z").toInstant());
    assertThat(task.getPriority()).isEqualTo(70);
    assertThat(task.getExternalFormReference()).isEqualTo("https://forms.example/approve");
    assertThat(task.getCustomHeaders()).containsEntry("kind", "approval");
    assertThat(task.getCreationDate()).isNotNull();
    assertThat(task.getCompletionDate()).isNull();
    assertThat(task.getTenantId()).isEqualTo("<default>");
  }

  @Test
  void assignUpdateUnassignAndCompleteWithVariablesCarriesTheProcessOn() {
    String id = unique("ut-lifecycle");
    deploy(process(id, t -> {}));
    long pi = start(id, Map.of()).getProcessInstanceKey();
    long key = awaitUserTask(pi).getUserTaskKey();

    client.newAssignUserTaskCommand(key).assignee("carol").send().join();
    assertThat(get(key).getAssignee()).isEqualTo("carol");

    client
        .newUpdateUserTaskCommand(key)
        .priority(90)
        .candidateGroups("approvers")
        .dueDate("2031-05-01T08:00:00Z")
        .send()
        .join();
    UserTask updated = get(key);
    assertThat(updated.getPriority()).isEqualTo(90);
    assertThat(updated.getCandidateGroups()).containsExactly("approvers");
    assertThat(updated.getDueDate()).isEqualTo(OffsetDateTime.parse("2031-05-01T08:00:00Z"));
    assertThat(updated.getAssignee()).isEqualTo("carol");

    client.newUnassignUserTaskCommand(key).send().join();
    assertThat(get(key).getAssignee()).isNull();

    client.newCompleteUserTaskCommand(key).variables(Map.of("approved", true)).send().join();
    UserTask completed = get(key);
    assertThat(completed.getState()).isEqualTo(UserTaskState.COMPLETED);
    assertThat(completed.getCompletionDate()).isNotNull();
    await().until(() -> processEnded(pi));
    assertThat(
            client
                .newVariableSearchRequest()
                .filter(f -> f.processInstanceKey(pi).name("approved"))
                .send()
                .join()
                .items())
        .extracting(Variable::getValue)
        .containsExactly("true");
  }

  @Test
  void aCompletedTaskRefusesFurtherCommandsAndAnUnknownTaskIsNotFound() {
    String id = unique("ut-ended");
    deploy(process(id, t -> {}));
    long key = awaitUserTask(start(id, Map.of()).getProcessInstanceKey()).getUserTaskKey();
    client.newCompleteUserTaskCommand(key).send().join();

    assertThatThrownBy(() -> client.newCompleteUserTaskCommand(key).send().join())
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(409));
    assertThatThrownBy(() -> client.newAssignUserTaskCommand(key).assignee("x").send().join())
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(409));
    assertThatThrownBy(() -> client.newUserTaskGetRequest(key + 999_999).send().join())
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(404));
  }

  @Test
  void assigningAnAssignedTaskWithoutOverrideIsRefused() {
    String id = unique("ut-override");
    deploy(process(id, t -> t.zeebeAssignee("dave")));
    long key = awaitUserTask(start(id, Map.of()).getProcessInstanceKey()).getUserTaskKey();

    assertThatThrownBy(
            () ->
                client
                    .newAssignUserTaskCommand(key)
                    .assignee("erin")
                    .allowOverride(false)
                    .send()
                    .join())
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(409));
    assertThat(get(key).getAssignee()).isEqualTo("dave");
  }

  @Test
  void anUpdateWithAPriorityOutOfRangeIsRefusedAndChangesNothing() {
    String id = unique("ut-bad-update");
    deploy(process(id, t -> {}));
    long key = awaitUserTask(start(id, Map.of()).getProcessInstanceKey()).getUserTaskKey();
    assertThatThrownBy(() -> client.newUpdateUserTaskCommand(key).priority(101).send().join())
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(400));
    assertThat(get(key).getPriority()).isEqualTo(50);
  }

  @Test
  void cancellingTheProcessInstanceCancelsItsUserTask() {
    String id = unique("ut-cancel");
    deploy(process(id, t -> {}));
    long pi = start(id, Map.of()).getProcessInstanceKey();
    long key = awaitUserTask(pi).getUserTaskKey();

    client.newCancelInstanceCommand(pi).send().join();

    UserTask task = get(key);
    assertThat(task.getState()).isEqualTo(UserTaskState.CANCELED);
    assertThat(task.getCompletionDate()).isNotNull();
  }

  @Test
  void anInterruptingTimerBoundaryCancelsTheTaskAndTakesItsPath() {
    String id = unique("ut-timer");
    String escalate = unique("escalate");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .userTask("approve", UserTaskBuilder::zeebeUserTask)
            .endEvent()
            .moveToActivity("approve")
            .boundaryEvent("late", b -> b.timerWithDuration("PT1S"))
            .serviceTask("escalate", s -> s.zeebeJobType(escalate))
            .endEvent()
            .done());
    long pi = start(id, Map.of()).getProcessInstanceKey();
    long key = awaitUserTask(pi).getUserTaskKey();

    await().until(() -> !activate(escalate, 1).isEmpty());
    assertThat(get(key).getState()).isEqualTo(UserTaskState.CANCELED);
    assertThatThrownBy(() -> client.newCompleteUserTaskCommand(key).send().join())
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void aNonInterruptingTimerBoundaryLeavesTheTaskOpen() {
    String id = unique("ut-remind");
    String remind = unique("remind");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .userTask("approve", UserTaskBuilder::zeebeUserTask)
            .endEvent()
            .moveToActivity("approve")
            .boundaryEvent("reminder", b -> b.cancelActivity(false).timerWithDuration("PT1S"))
            .serviceTask("remind", s -> s.zeebeJobType(remind))
            .endEvent()
            .done());
    long pi = start(id, Map.of()).getProcessInstanceKey();
    long key = awaitUserTask(pi).getUserTaskKey();

    await().until(() -> !activate(remind, 1).isEmpty());
    assertThat(get(key).getState()).isEqualTo(UserTaskState.CREATED);
    client.newCompleteUserTaskCommand(key).send().join();
    assertThat(get(key).getState()).isEqualTo(UserTaskState.COMPLETED);
  }

  @Test
  void anInterruptingMessageBoundaryCancelsTheTask() {
    String id = unique("ut-message");
    String withdrawn = unique("withdrawn");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .userTask("approve", UserTaskBuilder::zeebeUserTask)
            .endEvent()
            .moveToActivity("approve")
            .boundaryEvent("withdraw")
            .message(m -> m.name(withdrawn).zeebeCorrelationKeyExpression("request"))
            .endEvent("withdrawnEnd")
            .done());
    long pi = start(id, Map.of("request", "r-1")).getProcessInstanceKey();
    long key = awaitUserTask(pi).getUserTaskKey();

    client.newPublishMessageCommand().messageName(withdrawn).correlationKey("r-1").send().join();

    await().until(() -> get(key).getState() == UserTaskState.CANCELED);
    await().until(() -> processEnded(pi));
  }

  @Test
  void aMultiInstanceUserTaskCreatesOneTaskPerItemWithItsOwnAssignee() {
    String id = unique("ut-multi");
    deploy(
        process(
            id,
            t ->
                t.zeebeAssigneeExpression("reviewer")
                    .multiInstance(
                        m ->
                            m.parallel()
                                .zeebeInputCollectionExpression("reviewers")
                                .zeebeInputElement("reviewer"))));
    long pi = start(id, Map.of("reviewers", List.of("ann", "ben"))).getProcessInstanceKey();

    List<UserTask> tasks =
        await()
            .until(
                () ->
                    client
                        .newUserTaskSearchRequest()
                        .filter(f -> f.processInstanceKey(pi))
                        .send()
                        .join()
                        .items(),
                items -> items.size() == 2);
    assertThat(tasks).extracting(UserTask::getAssignee).containsExactlyInAnyOrder("ann", "ben");
    tasks.forEach(t -> client.newCompleteUserTaskCommand(t.getUserTaskKey()).send().join());
    await().until(() -> processEnded(pi));
  }

  @Test
  void anErrorBoundaryOnAUserTaskDeploysAndCompletingTheTaskTakesTheNormalPath() {
    // as in Zeebe 8.8 nothing in a Camunda user task throws a BPMN error; the model still deploys
    String id = unique("ut-error-boundary");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .userTask("approve", UserTaskBuilder::zeebeUserTask)
            .endEvent("done")
            .moveToActivity("approve")
            .boundaryEvent("rejected", b -> b.error("REJECTED"))
            .endEvent("rejectedEnd")
            .done());
    long pi = start(id, Map.of()).getProcessInstanceKey();
    client.newCompleteUserTaskCommand(awaitUserTask(pi).getUserTaskKey()).send().join();

    await().until(() -> processEnded(pi));
    assertThat(
            client
                .newElementInstanceSearchRequest()
                .filter(f -> f.processInstanceKey(pi).elementId("done"))
                .send()
                .join()
                .items())
        .hasSize(1);
  }

  @Test
  void searchFiltersByAssigneeCandidateGroupStatePriorityAndTenant() {
    String id = unique("ut-search");
    String group = unique("group");
    deploy(
        process(
            id,
            t ->
                t.zeebeAssigneeExpression("who")
                    .zeebeCandidateGroupsExpression("[\"" + group + "\"]")
                    .zeebeTaskPriorityExpression("p")));
    long a = start(id, Map.of("who", "ann", "p", 10)).getProcessInstanceKey();
    long b = start(id, Map.of("who", "ben", "p", 80)).getProcessInstanceKey();
    long aTask = awaitUserTask(a).getUserTaskKey();
    long bTask = awaitUserTask(b).getUserTaskKey();

    assertThat(
            client
                .newUserTaskSearchRequest()
                .filter(f -> f.candidateGroup(group).assignee("ann"))
                .send()
                .join()
                .items())
        .extracting(UserTask::getUserTaskKey)
        .containsExactly(aTask);
    assertThat(
            client
                .newUserTaskSearchRequest()
                .filter(f -> f.candidateGroup(group).priority(p -> p.gte(50)))
                .send()
                .join()
                .items())
        .extracting(UserTask::getUserTaskKey)
        .containsExactly(bTask);

    client.newCompleteUserTaskCommand(aTask).send().join();
    assertThat(
            client
                .newUserTaskSearchRequest()
                .filter(f -> f.candidateGroup(group).state(UserTaskState.CREATED))
                .send()
                .join()
                .items())
        .extracting(UserTask::getUserTaskKey)
        .containsExactly(bTask);
    assertThat(
            client
                .newUserTaskSearchRequest()
                .filter(f -> f.candidateGroup(group).tenantId("other-tenant"))
                .send()
                .join()
                .items())
        .isEmpty();
  }

  @Test
  void searchSortsByPriorityAndFiltersByDueDateRange() {
    String id = unique("ut-sort");
    String group = unique("sort-group");
    deploy(
        process(
            id,
            t ->
                t.zeebeCandidateGroups(group)
                    .zeebeTaskPriorityExpression("p")
                    .zeebeDueDateExpression("due")));
    long low =
        awaitUserTask(
                start(id, Map.of("p", 10, "due", "2030-01-01T00:00:00Z")).getProcessInstanceKey())
            .getUserTaskKey();
    long high =
        awaitUserTask(
                start(id, Map.of("p", 90, "due", "2030-03-01T00:00:00Z")).getProcessInstanceKey())
            .getUserTaskKey();
    long middle =
        awaitUserTask(
                start(id, Map.of("p", 50, "due", "2030-02-01T00:00:00Z")).getProcessInstanceKey())
            .getUserTaskKey();

    assertThat(
            client
                .newUserTaskSearchRequest()
                .filter(f -> f.candidateGroup(group))
                .sort(s -> s.priority().desc())
                .send()
                .join()
                .items())
        .extracting(UserTask::getUserTaskKey)
        .containsExactly(high, middle, low);
    assertThat(
            client
                .newUserTaskSearchRequest()
                .filter(
                    f ->
                        f.candidateGroup(group)
                            .dueDate(
                                d ->
                                    d.gte(OffsetDateTime.parse("2030-01-15T00:00:00Z"))
                                        .lt(OffsetDateTime.parse("2030-02-15T00:00:00Z"))))
                .send()
                .join()
                .items())
        .extracting(UserTask::getUserTaskKey)
        .containsExactly(middle);
    assertThat(
            client
                .newUserTaskSearchRequest()
                .filter(f -> f.candidateGroup(group))
                .sort(s -> s.dueDate().asc())
                .page(p -> p.from(1).limit(1))
                .send()
                .join()
                .items())
        .extracting(UserTask::getUserTaskKey)
        .containsExactly(middle);
  }

  @Test
  void tasksBelongToTheTenantOfTheirProcessInstance() {
    String id = unique("ut-tenant");
    client
        .newDeployResourceCommand()
        .addProcessModel(process(id, t -> {}), "tenant.bpmn")
        .tenantId("acme")
        .send()
        .join();
    long pi =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(id)
            .latestVersion()
            .tenantId("acme")
            .send()
            .join()
            .getProcessInstanceKey();
    UserTask task = awaitUserTask(pi);
    assertThat(task.getTenantId()).isEqualTo("acme");
    assertThat(
            client
                .newUserTaskSearchRequest()
                .filter(f -> f.processInstanceKey(pi).tenantId("<default>"))
                .send()
                .join()
                .items())
        .isEmpty();
  }

  @Test
  void aTaskSeesItsOwnAndItsProcessVariables() {
    String id = unique("ut-vars");
    deploy(process(id, t -> t.zeebeInputExpression("site", "siteName")));
    long pi = start(id, Map.of("site", "branch-7", "other", 1)).getProcessInstanceKey();
    long key = awaitUserTask(pi).getUserTaskKey();

    List<Variable> variables = client.newUserTaskVariableSearchRequest(key).send().join().items();
    assertThat(variables)
        .extracting(Variable::getName)
        .containsExactlyInAnyOrder("site", "other", "siteName");
    assertThat(
            client
                .newUserTaskVariableSearchRequest(key)
                .filter(f -> f.name("siteName"))
                .send()
                .join()
                .items())
        .extracting(Variable::getValue)
        .containsExactly("\"branch-7\"");
  }

  @Test
  void aPriorityExpressionOutOfRangeRaisesAnIncidentInsteadOfATask() {
    String id = unique("ut-incident");
    deploy(process(id, t -> t.zeebeTaskPriorityExpression("p")));
    long pi = start(id, Map.of("p", 500)).getProcessInstanceKey();

    await()
        .until(
            () ->
                client
                    .newIncidentSearchRequest()
                    .filter(f -> f.processInstanceKey(pi))
                    .send()
                    .join()
                    .items(),
            items -> !items.isEmpty());
    assertThat(
            client
                .newUserTaskSearchRequest()
                .filter(f -> f.processInstanceKey(pi))
                .send()
                .join()
                .items())
        .isEmpty();
  }

  @Test
  void taskListenersAreRefusedAtDeploymentNamingTheAttribute() {
    String id = unique("ut-listeners");
    BpmnModelInstance model =
        process(id, t -> t.zeebeTaskListener(l -> l.completing().type("audit")));
    assertThatThrownBy(
            () ->
                client
                    .newDeployResourceCommand()
                    .addResourceString(
                        Bpmn.convertToString(model), StandardCharsets.UTF_8, "listeners.bpmn")
                    .send()
                    .join())
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("element 'approve' of type 'userTask'")
        .hasMessageContaining("zeebe:taskListeners");
  }

  @Test
  void anOpenTaskAndItsAssignmentSurviveARestart() {
    String url = databaseForRestart("ut-restart");
    String id = unique("ut-restart");
    long pi;
    long key;
    ConfigurableApplicationContext first = startApp(url);
    try (CamundaClient before = newClient(port(first))) {
      before
          .newDeployResourceCommand()
          .addProcessModel(process(id, t -> {}), "r.bpmn")
          .send()
          .join();
      pi =
          before
              .newCreateInstanceCommand()
              .bpmnProcessId(id)
              .latestVersion()
              .send()
              .join()
              .getProcessInstanceKey();
      key =
          await()
              .until(
                  () ->
                      before
                          .newUserTaskSearchRequest()
                          .filter(f -> f.processInstanceKey(pi))
                          .send()
                          .join()
                          .items(),
                  items -> !items.isEmpty())
              .get(0)
              .getUserTaskKey();
      before.newAssignUserTaskCommand(key).assignee("frank").send().join();
    } finally {
      first.close();
    }
    ConfigurableApplicationContext second = startApp(url);
    try (CamundaClient after = newClient(port(second))) {
      UserTask task = after.newUserTaskGetRequest(key).send().join();
      assertThat(task.getState()).isEqualTo(UserTaskState.CREATED);
      assertThat(task.getAssignee()).isEqualTo("frank");
      after.newCompleteUserTaskCommand(key).send().join();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> after.newProcessInstanceGetRequest(pi).send().join().getEndDate() != null);
    } finally {
      second.close();
    }
  }

  private static ConfigurableApplicationContext startApp(String url) {
    return new SpringApplicationBuilder(EngineTestApplication.class)
        .run("--server.port=0", "--spring.datasource.url=" + url);
  }

  private static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }
}
