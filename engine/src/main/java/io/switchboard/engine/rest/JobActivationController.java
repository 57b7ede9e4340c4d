package io.switchboard.engine.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.protocol.rest.JobActivationRequest;
import io.camunda.client.protocol.rest.JobActivationResult;
import io.switchboard.engine.Engine;
import io.switchboard.engine.processor.EngineException;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v2/jobs/activation}, answered by hand rather than by Spring MVC, because only here
 * can the engine learn that writing the answer failed: a worker that gave up on a long poll must
 * not leave the jobs handed to it stuck until their timeout, so they are given back. The answer is
 * written on a container thread once the request's dispatch has ended ({@link AfterDispatch}),
 * never by the engine's processor thread while filters may still touch the response.
 */
@RestController
@RequestMapping(path = "${switchboard.engine.base-path:/v2}")
public class JobActivationController {
  private static final Logger LOG = LoggerFactory.getLogger(JobActivationController.class);

  private final Engine engine;
  private final ObjectMapper json;

  public JobActivationController(Engine engine, ObjectMapper json) {
    this.engine = engine;
    this.json = json;
  }

  @PostMapping(path = "/jobs/activation", consumes = MediaType.APPLICATION_JSON_VALUE)
  public void activate(
      @RequestBody JobActivationRequest request,
      HttpServletRequest http,
      HttpServletResponse response) {
    var activation = engine.jobs().activation().activate(request);
    AsyncContext async = http.startAsync();
    async.setTimeout(0); // the engine's own long-poll deadline ends the request
    AfterDispatch.run(
        http,
        () -> {
          Thread dispatcher = Thread.currentThread();
          activation.whenComplete(
              (result, error) -> {
                if (Thread.currentThread() == dispatcher) {
                  answer(async, response, result, error);
                } else {
                  // answered later, on the engine's processor thread: write on a container thread
                  async.start(() -> answer(async, response, result, error));
                }
              });
        });
  }

  private void answer(
      AsyncContext async,
      HttpServletResponse response,
      JobActivationResult result,
      Throwable error) {
    try {
      if (error == null) {
        write(response, 200, MediaType.APPLICATION_JSON_VALUE, result);
      } else {
        writeProblem(
            response,
            error instanceof CompletionException c && c.getCause() != null ? c.getCause() : error);
      }
    } catch (IOException | RuntimeException e) {
      if (result != null && result.getJobs() != null && !result.getJobs().isEmpty()) {
        LOG.info(
            "A worker hung up before receiving {} job(s); they are activatable again",
            result.getJobs().size());
        engine.jobs().activation().giveBack(result);
      }
    } finally {
      async.complete();
    }
  }

  private void writeProblem(HttpServletResponse response, Throwable error) throws IOException {
    EngineException engineError =
        error instanceof EngineException e
            ? e
            : new EngineException(500, "INTERNAL", String.valueOf(error.getMessage()));
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            org.springframework.http.HttpStatus.valueOf(engineError.status()),
            engineError.getMessage());
    problem.setTitle(engineError.title());
    write(response, engineError.status(), MediaType.APPLICATION_PROBLEM_JSON_VALUE, problem);
  }

  private void write(HttpServletResponse response, int status, String contentType, Object body)
      throws IOException {
    byte[] bytes = json.writeValueAsBytes(body);
    response.setStatus(status);
    response.setContentType(contentType);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
    response.flushBuffer();
  }
}
