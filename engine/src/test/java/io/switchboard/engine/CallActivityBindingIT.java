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

/**
 * Call activity binding: {@code deployment} calls the version deployed with the caller, {@code
 * versionTag} the latest version carrying the tag.
 */
class CallActivityBindingIT extends EngineIT {

  /** Jobs of a type that are there now (the first call already waited for the one expected). */
  private List<io.camunda.client.api.response.ActivatedJob> activateBriefly(String type) {
    return client
        .newActivateJobsCommand()
        .jobType(type)
        .maxJobsToActivate(1)
        .requestTimeout(java.time.Duration.ofMillis(500))
        .send()
        .join()
        .getJobs();
  }

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
    assertThat(activateBriefly(second)).isEmpty();
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

  private static BpmnModelInstance taggedChild(String id, String jobType, String tag) {
    return Bpmn.createExecutableProcess(id)
        .versionTag(tag)
        .startEvent()
        .serviceTask("work", t -> t.zeebeJobType(jobType))
        .endEvent()
        .done();
  }

  private static BpmnModelInstance versionTagParent(String id, String childId, String tag) {
    return Bpmn.createExecutableProcess(id)
        .startEvent()
        .callActivity(
            "call",
            c ->
                c.zeebeProcessId(childId)
                    .zeebeBindingType(ZeebeBindingType.versionTag)
                    .zeebeVersionTag(tag))
        .endEvent()
        .done();
  }

  @Test
  void versionTagBindingCallsTheLatestVersionWithThatTag() {
    String parentId = unique("tag-parent");
    String childId = unique("tag-child");
    String tagged = unique("tagged-job");
    String newer = unique("newer-job");
    deploy(taggedChild(childId, tagged, "v1"));
    deploy(taggedChild(childId, newer, "v2"));
    deploy(versionTagParent(parentId, childId, "v1"));

    start(parentId, Map.of());

    await().until(() -> !activate(tagged, 1).isEmpty());
    assertThat(activateBriefly(newer)).isEmpty();
  }

  @Test
  void versionTagBindingWithoutSuchAVersionRaisesAnIncident() {
    String parentId = unique("tag-missing");
    String childId = unique("tag-missing-child");
    deploy(taggedChild(childId, unique("job"), "v1"));
    deploy(versionTagParent(parentId, childId, "v9"));

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
    assertThat(incidents.get(0).getErrorMessage()).contains("version tag 'v9'");
  }
}
