package io.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignalIT extends EngineIT {

  @Test
  void broadcastReachesEveryWaitingInstanceAndStartsSignalStartProcesses() {
    String waiting = unique("sig-wait");
    String starting = unique("sig-start");
    String signal = unique("freeze");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(waiting)
            .startEvent()
            .intermediateCatchEvent("frozen")
            .signal(signal)
            .serviceTask("after", t -> t.zeebeJobType(type))
            .endEvent()
            .done());
    deploy(
        Bpmn.createExecutableProcess(starting)
            .startEvent("s")
            .signal(signal)
            .serviceTask("started", t -> t.zeebeJobType(type))
            .endEvent()
            .done());
    long a = start(waiting, Map.of()).getProcessInstanceKey();
    long b = start(waiting, Map.of()).getProcessInstanceKey();

    client
        .newBroadcastSignalCommand()
        .signalName(signal)
        .variables(Map.of("reason", "change window"))
        .send()
        .join();

    List<ActivatedJob> jobs = activate(type, 10);
    assertThat(jobs).hasSize(3);
    assertThat(jobs).extracting(ActivatedJob::getProcessInstanceKey).contains(a, b);
    assertThat(jobs)
        .allSatisfy(
            j -> assertThat(j.getVariablesAsMap()).containsEntry("reason", "change window"));
  }

  @Test
  void signalBoundaryAndThrowEventWithinTheEngine() {
    String id = unique("sig-boundary");
    String thrower = unique("sig-thrower");
    String signal = unique("stop");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(type))
            .boundaryEvent("stopped")
            .signal(signal)
            .serviceTask("cleanup", t -> t.zeebeJobType(type + "-cleanup"))
            .endEvent()
            .moveToActivity("work")
            .endEvent()
            .done());
    deploy(
        Bpmn.createExecutableProcess(thrower)
            .startEvent()
            .intermediateThrowEvent("emit")
            .signal(signal)
            .endEvent()
            .done());
    long pi = start(id, Map.of()).getProcessInstanceKey();
    activateOne(type);

    start(thrower, Map.of());

    assertThat(activateOne(type + "-cleanup").getProcessInstanceKey()).isEqualTo(pi);
  }
}
