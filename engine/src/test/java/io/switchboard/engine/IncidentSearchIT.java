package io.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.SearchResponse;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code POST /incidents/search} and {@code /process-instances/{key}/incidents/search}. */
class IncidentSearchIT extends EngineIT {

  private long failingInstance(String id, String message) {
    long pi = start(id, Map.of()).getProcessInstanceKey();
    client.newFailCommand(activateOne(id)).retries(0).errorMessage(message).send().join();
    return pi;
  }

  @Test
  void incidentsAreSortedPagedAndKeptWhenResolved() {
    String id = unique("incidents");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("t", t -> t.zeebeJobType(id))
            .endEvent()
            .done());
    OffsetDateTime before = OffsetDateTime.now().minusSeconds(1);
    long first = failingInstance(id, "first");
    long second = failingInstance(id, "second");
    long third = failingInstance(id, "third");
    Incident resolved = awaitIncident(first);
    client.newCancelInstanceCommand(first).send().join();

    SearchResponse<Incident> page =
        client
            .newIncidentSearchRequest()
            .filter(f -> f.processDefinitionId(id).creationTime(t -> t.gte(before)))
            .sort(s -> s.processInstanceKey().desc())
            .page(p -> p.limit(2))
            .send()
            .join();
    SearchResponse<Incident> rest =
        client
            .newIncidentSearchRequest()
            .filter(f -> f.processDefinitionId(id).creationTime(t -> t.gte(before)))
            .sort(s -> s.processInstanceKey().desc())
            .page(p -> p.limit(2).after(page.page().endCursor()))
            .send()
            .join();
    List<Incident> active =
        client
            .newIncidentSearchRequest()
            .filter(f -> f.processDefinitionId(id).state(IncidentState.ACTIVE))
            .send()
            .join()
            .items();

    assertThat(page.page().totalItems()).isEqualTo(3);
    assertThat(page.items())
        .extracting(Incident::getProcessInstanceKey)
        .containsExactly(third, second);
    assertThat(page.items())
        .extracting(Incident::getErrorMessage)
        .containsExactly("third", "second");
    assertThat(rest.items())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.getIncidentKey()).isEqualTo(resolved.getIncidentKey());
              assertThat(i.getState()).isEqualTo(IncidentState.RESOLVED);
            });
    assertThat(active)
        .extracting(Incident::getProcessInstanceKey)
        .containsExactlyInAnyOrder(second, third);
  }

  @Test
  void incidentsOfOneProcessInstance() {
    String id = unique("pi-incidents");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("t", t -> t.zeebeJobType(id))
            .endEvent()
            .done());
    long pi = failingInstance(id, "first");
    failingInstance(id, "other instance");

    List<Incident> incidents =
        client.newIncidentsByProcessInstanceSearchRequest(pi).send().join().items();

    assertThat(incidents)
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.getProcessInstanceKey()).isEqualTo(pi);
              assertThat(i.getErrorMessage()).isEqualTo("first");
            });
  }
}
