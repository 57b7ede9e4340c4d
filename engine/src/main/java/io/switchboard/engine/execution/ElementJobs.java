package io.switchboard.engine.execution;

import io.switchboard.engine.feel.FeelEvaluationException;
import io.switchboard.engine.feel.FeelExpressions;
import io.switchboard.engine.model.ElementType;
import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.state.ElementInstance;
import io.switchboard.engine.state.EngineState;
import io.switchboard.engine.state.Job;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The job of a job-based element (service, send, script and business rule tasks without an inline
 * behaviour, job-based user tasks, message end and throw events): its type, retries and headers
 * evaluated, then the job made available to workers.
 */
final class ElementJobs {
  private final EngineState state;
  private final FeelExpressions feel;
  private Consumer<String> jobAvailableListener = type -> {};

  ElementJobs(EngineState state, FeelExpressions feel) {
    this.state = state;
    this.feel = feel;
  }

  void setJobAvailableListener(Consumer<String> listener) {
    this.jobAvailableListener = listener;
  }

  void jobAvailable(String type) {
    jobAvailableListener.accept(type);
  }

  /** What the job will be, evaluated before anything is opened so a failure leaves nothing open. */
  record Spec(String type, int retries, Map<String, String> headers) {}

  Spec evaluate(ElementInstance instance, FlowNode node) {
    Map<String, Object> vars = state.visibleVariables(instance.key);
    String type = feel.evaluateString(node.jobType, vars, "job type");
    return new Spec(type, retries(node, vars), headers(node, vars));
  }

  void create(ElementInstance instance, FlowNode node, Spec spec) {
    Job job = new Job();
    job.key = state.keys.nextKey();
    job.type = spec.type();
    job.retries = spec.retries();
    job.customHeaders.putAll(spec.headers());
    job.elementId = node.id;
    job.elementInstanceKey = instance.key;
    job.processInstanceKey = instance.processInstanceKey;
    job.processDefinitionKey = instance.processDefinitionKey;
    job.bpmnProcessId = instance.bpmnProcessId;
    job.version = instance.version;
    job.tenantId = instance.tenantId;
    state.putJob(job);
    instance.jobKey = job.key;
    jobAvailable(spec.type());
  }

  private int retries(FlowNode node, Map<String, Object> vars) {
    Object value = feel.evaluateAttribute(node.jobRetries, vars);
    try {
      return value instanceof Number n
          ? n.intValue()
          : Integer.parseInt(String.valueOf(value).trim());
    } catch (NumberFormatException e) {
      throw new FeelEvaluationException(
          "expected job retries '" + node.jobRetries + "' to be a number");
    }
  }

  /** Headers, with user task assignment expressions evaluated (lists as JSON arrays, as Zeebe). */
  private Map<String, String> headers(FlowNode node, Map<String, Object> vars) {
    Map<String, String> headers = new LinkedHashMap<>(node.taskHeaders);
    if (node.type == ElementType.USER_TASK) {
      for (Map.Entry<String, String> header : node.taskHeaders.entrySet()) {
        if (header.getValue().startsWith("=")) {
          Object value = feel.evaluateFeel(header.getValue(), vars);
          headers.put(
              header.getKey(),
              value instanceof List<?> list ? toJsonArray(list) : String.valueOf(value));
        } else if (header.getKey().startsWith("io.camunda.zeebe:candidate")
            && !header.getValue().startsWith("[")) {
          headers.put(header.getKey(), toJsonArray(List.of(header.getValue().split("\\s*,\\s*"))));
        }
      }
    }
    return headers;
  }

  private static String toJsonArray(List<?> values) {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      json.append(i == 0 ? "" : ",")
          .append('"')
          .append(String.valueOf(values.get(i)).replace("\"", "\\\""))
          .append('"');
    }
    return json.append(']').toString();
  }
}
