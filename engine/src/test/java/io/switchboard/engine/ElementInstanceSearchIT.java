package io.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.ElementInstanceType;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code POST /element-instances/search} and {@code GET /element-instances/{key}}. */
class ElementInstanceSearchIT extends EngineIT {

  private List<ElementInstance> elementsOf(long pi) {
    return client
        .newElementInstanceSearchRequest()
        .filter(f -> f.processInstanceKey(pi))
        .sort(s -> s.elementInstanceKey().asc())
        .send()
        .join()
        .items();
  }

  @Test
  void elementsOfACompletedInstanceAreFoundInOrderWithNamesStatesAndEndDates() {
    String id = unique("ei-done");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent("start")
            .name("Order received")
            .serviceTask("ship", t -> t.name("Ship it").zeebeJobType(id))
            .endEvent("end")
            .name("Done")
            .done());
    long pi = start(id, Map.of()).getProcessInstanceKey();
    client.newCompleteCommand(activateOne(id)).send().join();

    List<ElementInstance> elements = elementsOf(pi);

    assertThat(elements)
        .extracting(ElementInstance::getElementId)
        .containsExactly("start", "ship", "end");
    assertThat(elements)
        .extracting(ElementInstance::getType)
        .containsExactly(
            ElementInstanceType.START_EVENT,
            ElementInstanceType.SERVICE_TASK,
            ElementInstanceType.END_EVENT);
    assertThat(elements)
        .extracting(ElementInstance::getElementName)
        .containsExactly("Order received", "Ship it", "Done");
    assertThat(elements)
        .allSatisfy(
            e -> {
              assertThat(e.getState()).isEqualTo(ElementInstanceState.COMPLETED);
              assertThat(e.getEndDate()).isNotNull();
              assertThat(e.getProcessDefinitionId()).isEqualTo(id);
            });
  }

  @Test
  void filtersByTypeAndStateAndTerminatedElementsAreFound() {
    String id = unique("ei-filter");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("wait", t -> t.zeebeJobType(id))
            .endEvent()
            .done());
    long running = start(id, Map.of()).getProcessInstanceKey();
    long canceled = start(id, Map.of()).getProcessInstanceKey();
    client.newCancelInstanceCommand(canceled).send().join();

    List<ElementInstance> activeTasks =
        client
            .newElementInstanceSearchRequest()
            .filter(
                f ->
                    f.processDefinitionId(id)
                        .type(ElementInstanceType.SERVICE_TASK)
                        .state(ElementInstanceState.ACTIVE))
            .send()
            .join()
            .items();
    List<ElementInstance> terminated =
        client
            .newElementInstanceSearchRequest()
            .filter(f -> f.processDefinitionId(id).state(ElementInstanceState.TERMINATED))
            .send()
            .join()
            .items();

    assertThat(activeTasks)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getProcessInstanceKey()).isEqualTo(running);
              assertThat(e.getEndDate()).isNull();
            });
    assertThat(terminated)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getProcessInstanceKey()).isEqualTo(canceled);
              assertThat(e.getElementId()).isEqualTo("wait");
              assertThat(e.getEndDate()).isNotNull();
            });
  }

  @Test
  void anIncidentMarksItsElementUntilItIsResolved() {
    String id = unique("ei-incident");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("task", t -> t.zeebeJobType(id).zeebeJobRetries("1"))
            .endEvent()
            .done());
    long pi = start(id, Map.of()).getProcessInstanceKey();
    var job = activateOne(id);
    client.newFailCommand(job).retries(0).errorMessage("boom").send().join();
    Incident incident = awaitIncident(pi);

    ElementInstance task =
        client
            .newElementInstanceSearchRequest()
            .filter(f -> f.processInstanceKey(pi).hasIncident(true))
            .send()
            .join()
            .singleItem();
    assertThat(task.getElementId()).isEqualTo("task");
    assertThat(task.getIncidentKey()).isEqualTo(incident.getIncidentKey());
    assertThat(client.newProcessInstanceGetRequest(pi).send().join().getHasIncident()).isTrue();

    client.newUpdateRetriesCommand(job.getKey()).retries(1).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();

    ElementInstance resolved =
        client.newElementInstanceGetRequest(task.getElementInstanceKey()).send().join();
    assertThat(resolved.getIncident()).isFalse();
    assertThat(resolved.getIncidentKey()).isNull();
    assertThat(client.newProcessInstanceGetRequest(pi).send().join().getHasIncident()).isFalse();
  }

  @Test
  void getByKeyAnswersNotFoundForUnknownKeys() {
    assertThatThrownBy(() -> client.newElementInstanceGetRequest(42L).send().join())
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(404));
  }
}
