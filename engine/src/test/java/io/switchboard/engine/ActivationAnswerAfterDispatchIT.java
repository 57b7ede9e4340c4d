package io.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/**
 * The answer to a job activation is never written while the request's dispatch is still running:
 * filters touch the response on their way out (Spring Security writes its headers there), and a
 * response written by the engine's thread at the same moment can lose its Content-Length or its
 * whole answer; the worker then waits for jobs that are activated for it until it gives up, and
 * their instances stall until the job timeout (found by ops/bench/throughput.sh: 4 of 45,525
 * instances). A filter inside the chain watches, on its way out, whether someone commits the
 * response before the dispatch has ended.
 */
@Import(ActivationAnswerAfterDispatchIT.CommitWatch.class)
class ActivationAnswerAfterDispatchIT extends EngineIT {
  /** How long the watching filter waits for a commit that must not come during the dispatch. */
  private static final long WATCH_MS = 1_500;

  static final List<Boolean> committedDuringDispatch = new CopyOnWriteArrayList<>();

  // imported by this class only (a @TestConfiguration is also found by the suite\'s component scan)
  static class CommitWatch {
    @Bean
    FilterRegistrationBean<Filter> activationCommitWatch() {
      Filter watch =
          (request, response, chain) -> {
            chain.doFilter(request, response);
            // the engine answers within milliseconds when a job is waiting; had it written now,
            // the response would be committed before this filter returns
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WATCH_MS);
            HttpServletResponse http = (HttpServletResponse) response;
            while (!http.isCommitted() && System.nanoTime() < deadline) {
              LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
            committedDuringDispatch.add(http.isCommitted());
          };
      FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(watch);
      registration.addUrlPatterns("/v2/jobs/activation");
      registration.setDispatcherTypes(DispatcherType.REQUEST);
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
      return registration;
    }
  }

  @Test
  void anActivationThatFindsAJobAtOnceIsAnsweredOnlyAfterTheDispatchEnded() {
    String type = unique("after-dispatch");
    String processId = unique("after-dispatch-process");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("task", t -> t.zeebeJobType(type))
            .endEvent()
            .done());
    long instanceKey = start(processId, Map.of()).getProcessInstanceKey();
    committedDuringDispatch.clear();

    List<ActivatedJob> jobs =
        client
            .newActivateJobsCommand()
            .jobType(type)
            .maxJobsToActivate(1)
            .timeout(Duration.ofMinutes(1))
            .requestTimeout(Duration.ofSeconds(10))
            .send()
            .join()
            .getJobs();

    assertThat(jobs)
        .singleElement()
        .satisfies(j -> assertThat(j.getProcessInstanceKey()).isEqualTo(instanceKey));
    assertThat(committedDuringDispatch).containsExactly(false);
  }
}
