package io.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.JobKind;
import io.camunda.client.api.search.enums.JobState;
import io.camunda.client.api.search.response.Job;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code POST /jobs/search}: jobs in Camunda's job states, also after they ended. */
class JobSearchIT extends EngineIT {

  private String deployTask(String type) {
    String id = unique("job-proc");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask(
                "task",
                t -> t.zeebeJobType(type).zeebeJobRetries("2").zeebeTaskHeader("device", "cpe-7"))
            .endEvent()
            .done());
    return id;
  }

  private Job job(long key) {
    return client.newJobSearchRequest().filter(f -> f.jobKey(key)).send().join().singleItem();
  }

  @Test
  void jobsShowCreatedCompletedFailedAndCanceled() {
    String type = unique("job");
    String id = deployTask(type);
    for (int i = 0; i < 4; i++) {
      start(id, Map.of());
    }
    List<ActivatedJob> jobs = activate(type, 4);
    assertThat(jobs).hasSize(4);
    client.newCompleteCommand(jobs.get(0)).send().join();
    client.newFailCommand(jobs.get(1)).retries(0).errorMessage("NETCONF refused").send().join();
    client.newCancelInstanceCommand(jobs.get(2).getProcessInstanceKey()).send().join();

    Job completed = job(jobs.get(0).getKey());
    Job failed = job(jobs.get(1).getKey());
    Job canceled = job(jobs.get(2).getKey());
    Job working = job(jobs.get(3).getKey());

    assertThat(completed.getState()).isEqualTo(JobState.COMPLETED);
    assertThat(completed.getEndTime()).isNotNull();
    assertThat(completed.getCustomerHeaders()).containsEntry("device", "cpe-7");
    assertThat(completed.getKind()).isEqualTo(JobKind.BPMN_ELEMENT);
    assertThat(failed.getState()).isEqualTo(JobState.FAILED);
    assertThat(failed.getRetries()).isZero();
    assertThat(failed.getErrorMessage()).isEqualTo("NETCONF refused");
    assertThat(failed.hasFailedWithRetriesLeft()).isFalse();
    assertThat(failed.getEndTime()).isNull();
    assertThat(canceled.getState()).isEqualTo(JobState.CANCELED);
    assertThat(working.getState()).isEqualTo(JobState.CREATED);
    assertThat(working.getWorker()).isNotBlank();
    assertThat(working.getDeadline()).isNotNull();
    assertThat(working.getElementId()).isEqualTo("task");
    assertThat(working.getProcessDefinitionId()).isEqualTo(id);
  }

  @Test
  void filtersByStateRetriesAndFailedWithRetriesLeftSortedByKey() {
    String type = unique("job");
    String id = deployTask(type);
    start(id, Map.of());
    start(id, Map.of());
    start(id, Map.of());
    List<ActivatedJob> jobs = activate(type, 3);
    client.newFailCommand(jobs.get(0)).retries(1).errorMessage("busy").send().join();
    client.newCompleteCommand(jobs.get(1)).send().join();

    List<Long> retrying =
        client
            .newJobSearchRequest()
            .filter(f -> f.type(type).hasFailedWithRetriesLeft(true))
            .send()
            .join()
            .items()
            .stream()
            .map(Job::getJobKey)
            .toList();
    List<Long> notCompleted =
        client
            .newJobSearchRequest()
            .filter(f -> f.type(type).state(s -> s.in(JobState.CREATED, JobState.FAILED)))
            .sort(s -> s.jobKey().desc())
            .send()
            .join()
            .items()
            .stream()
            .map(Job::getJobKey)
            .toList();
    long fewRetries =
        client
            .newJobSearchRequest()
            .filter(f -> f.type(type).retries(r -> r.lt(2)))
            .send()
            .join()
            .page()
            .totalItems();

    assertThat(retrying).containsExactly(jobs.get(0).getKey());
    assertThat(notCompleted).containsExactly(jobs.get(2).getKey(), jobs.get(0).getKey());
    assertThat(fewRetries).isEqualTo(1);
  }
}
