package io.switchboard.engine.transform;

import static io.switchboard.engine.transform.element.Extensions.blank;
import static io.switchboard.engine.transform.element.Extensions.extension;

import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeVersionTag;
import io.switchboard.engine.model.ElementType;
import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.model.ProcessModel;
import io.switchboard.engine.model.SequenceFlow;
import io.switchboard.engine.transform.element.ExecutionListeners;
import io.switchboard.engine.transform.element.TransformContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Transforms one executable process: each element through its family's transformer from the {@link
 * ElementRegistry}, then the links between them ({@link ProcessLinks}), then the immutable {@link
 * ProcessModel}. Appends to {@code problems} instead of failing on the first one.
 */
final class ProcessTransformer implements TransformContext {
  private final Process process;
  private final ElementRegistry registry;
  private final List<String> problems;
  private final Map<String, String> compensationHandlers;
  private final Map<String, FlowNode.Builder> nodes = new LinkedHashMap<>();
  private final Map<String, SequenceFlow> flows = new LinkedHashMap<>();
  private String noneStartEventId;
  private final List<String> messageStarts = new ArrayList<>();
  private final List<String> timerStarts = new ArrayList<>();
  private final List<String> signalStarts = new ArrayList<>();

  ProcessTransformer(
      Process process,
      ElementRegistry registry,
      List<String> problems,
      Map<String, String> compensationHandlers) {
    this.process = process;
    this.registry = registry;
    this.problems = problems;
    this.compensationHandlers = compensationHandlers;
  }

  ProcessModel transform() {
    FlowNode.Builder root = FlowNode.builder(process.getId(), ElementType.PROCESS, null);
    ExecutionListeners.read(process, root);
    nodes.put(root.id, root);
    transformScope(process.getFlowElements(), process.getId());
    ProcessLinks.link(nodes, flows, this);
    if (noneStartEventId == null
        && messageStarts.isEmpty()
        && timerStarts.isEmpty()
        && signalStarts.isEmpty()) {
      problems.add("process '" + process.getId() + "' has no start event");
    }
    Map<String, FlowNode> built = new LinkedHashMap<>();
    nodes.forEach((id, builder) -> built.put(id, builder.build()));
    return new ProcessModel(
        process.getId(),
        built,
        flows,
        noneStartEventId,
        messageStarts.stream().map(built::get).toList(),
        timerStarts.stream().map(built::get).toList(),
        signalStarts.stream().map(built::get).toList(),
        versionTag());
  }

  private String versionTag() {
    ZeebeVersionTag tag = extension(process, ZeebeVersionTag.class);
    return tag == null || blank(tag.getValue()) ? null : tag.getValue();
  }

  @Override
  public String processId() {
    return process.getId();
  }

  @Override
  public void problem(String problem) {
    problems.add(problem);
  }

  @Override
  public void transformScope(Collection<FlowElement> elements, String scopeId) {
    for (FlowElement element : elements) {
      if (element instanceof io.camunda.zeebe.model.bpmn.instance.SequenceFlow flow) {
        String condition =
            flow.getConditionExpression() != null
                ? flow.getConditionExpression().getTextContent()
                : null;
        flows.put(
            flow.getId(),
            new SequenceFlow(
                flow.getId(), flow.getSource().getId(), flow.getTarget().getId(), condition));
        continue;
      }
      FlowNode.Builder node = registry.transform(element, scopeId, this);
      if (node != null) {
        ExecutionListeners.read(element, node);
        nodes.put(node.id, node);
      }
    }
  }

  @Override
  public FlowNode.Builder node(String id) {
    return nodes.get(id);
  }

  @Override
  public void processStartEvent(FlowNode.Builder start) {
    switch (start.eventKind) {
      case NONE -> noneStartEventId = start.id;
      case MESSAGE -> messageStarts.add(start.id);
      case TIMER -> timerStarts.add(start.id);
      case SIGNAL -> signalStarts.add(start.id);
      default -> throw new IllegalArgumentException("not a process start: " + start.eventKind);
    }
  }

  @Override
  public String compensationHandler(String boundaryEventId) {
    return compensationHandlers.get(boundaryEventId);
  }
}
