package io.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Call activity {@code bindingType="deployment"}: the version deployed with the caller. */
class CallActivityBindingIT extends EngineIT {

  private static BpmnModelInstance parent(String id, String childId) {
    return Bpmn.createExecutableProcess(id)
        .startEvent()
        .callActivity(
            "call", c -> c.zeebeProcessId(childId).zeebeBindingType(ZeebeBindingType.deployment))
        .endEvent()
        .done();
  }

  private static BpmnModelInstance child(String id, String jobType) {
    return Bpmn.createExecutableProcess(id)
        .startEvent()
        .serviceTask("work", t -> t.zeebeJobType(jobType))
        .endEvent()
        .done();
  }

  @Test
  void deploymentBindingCallsTheChildDeployedWithTheCallerNotTheLatest() {
    String parentId = unique("binding-parent");
    String childId = unique("binding-child");
    String first = unique("first-child-job");
    String second = unique("second-child-job");
    client
        .newDeployResourceCommand()
        .addProcessModel(parent(parentId, childId), "parent.bpmn")
        .addProcessModel(child(childId, first), "child.bpmn")
        .send()
        .join();
    deploy(child(childId, second)); // a newer version of the child, deployed on its own

    start(parentId, Map.of());

    await().until(() -> !activate(first, 1).isEmpty());
    assertThat(activate(second, 1)).isEmpty();
  }

  @Test
  void deploymentBindingWithoutTheChildInTheCallersDeploymentRaisesAnIncident() {
    String parentId = unique("binding-alone");
    String childId = unique("binding-elsewhere");
    deploy(child(childId, unique("elsewhere-job")));
    deploy(parent(parentId, childId));

    long pi = start(parentId, Map.of()).getProcessInstanceKey();

    List<Incident> incidents =
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
    assertThat(incidents.get(0).getErrorMessage()).contains("same deployment", childId);
  }
}
