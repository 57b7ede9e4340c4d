package io.switchboard.engine.model;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.AdHocSubProcess;
import io.camunda.zeebe.model.bpmn.instance.Association;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.BusinessRuleTask;
import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.CatchEvent;
import io.camunda.zeebe.model.bpmn.instance.CompensateEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.DataObject;
import io.camunda.zeebe.model.bpmn.instance.DataObjectReference;
import io.camunda.zeebe.model.bpmn.instance.DataStoreReference;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.ErrorEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.EscalationEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.EventBasedGateway;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.InclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.camunda.zeebe.model.bpmn.instance.IntermediateThrowEvent;
import io.camunda.zeebe.model.bpmn.instance.LinkEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.ParallelGateway;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.ReceiveTask;
import io.camunda.zeebe.model.bpmn.instance.ScriptTask;
import io.camunda.zeebe.model.bpmn.instance.SendTask;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.SignalEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.TerminateEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ThrowEvent;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeInput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeOutput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeScript;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskSchedule;
import io.switchboard.engine.model.usertask.UserTaskDefinitions;
import io.switchboard.engine.model.validation.DesignTimeValidation;
import io.switchboard.engine.model.validation.UnexecutedExtensions;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns Zeebe-dialect BPMN XML into {@link ProcessModel}s. Everything wrong with a resource is
 * collected and reported at once, each problem naming the element id and type, so a process
 * designer can fix a diagram in one pass.
 */
public final class BpmnTransformer {

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(BpmnTransformer.class);

  /** Parses and validates one resource; returns one model per executable process in it. */
  public List<ProcessModel> transform(String resourceName, byte[] xml) {
    return transform(resourceName, xml, true);
  }

  /**
   * Rebuilds the models of a resource deployed earlier, when the engine loads its state. A resource
   * stored before a validation rule existed must not stop the engine from starting, so the
   * deployment-time rules (Zeebe's validators, unexecuted extensions) are only logged here.
   */
  public List<ProcessModel> transformStored(String resourceName, byte[] xml) {
    return transform(resourceName, xml, false);
  }

  private List<ProcessModel> transform(String resourceName, byte[] xml, boolean deploying) {
    BpmnModelInstance instance;
    try {
      instance = Bpmn.readModelFromStream(new ByteArrayInputStream(xml));
    } catch (RuntimeException e) {
      throw new DeploymentRejectedException(
          "'" + resourceName + "' is not valid BPMN XML: " + rootMessage(e));
    }
    try {
      Bpmn.validateModel(instance);
    } catch (RuntimeException e) {
      throw new DeploymentRejectedException("'" + resourceName + "' is invalid: " + rootMessage(e));
    }
    // Zeebe's own rules first: what Zeebe refuses is refused with Zeebe's reason, and our builders
    // below may assume a structurally valid model.
    List<String> problems = new ArrayList<>(DesignTimeValidation.errors(instance));
    problems.addAll(UnexecutedExtensions.problems(instance));
    if (!problems.isEmpty()) {
      if (deploying) {
        throw new DeploymentRejectedException(
            "'" + resourceName + "' cannot be deployed: " + String.join("; ", problems));
      }
      LOG.warn(
          "'{}' was deployed before these rules refused it: {}",
          resourceName,
          String.join("; ", problems));
      problems.clear();
    }
    List<ProcessModel> models = new ArrayList<>();
    for (Process process : instance.getModelElementsByType(Process.class)) {
      if (process.isExecutable()) {
        models.add(new ProcessBuilder(process, problems, compensationHandlers(instance)).build());
      }
    }
    if (models.isEmpty() && problems.isEmpty()) {
      problems.add("it contains no executable process");
    }
    if (!problems.isEmpty()) {
      throw new DeploymentRejectedException(
          "'" + resourceName + "' cannot be deployed: " + String.join("; ", problems));
    }
    return models;
  }

  /** Compensation boundary event id to the handler activity it is associated with. */
  private static Map<String, String> compensationHandlers(BpmnModelInstance instance) {
    Map<String, String> handlers = new LinkedHashMap<>();
    for (Association association : instance.getModelElementsByType(Association.class)) {
      if (association.getSource() != null && association.getTarget() != null) {
        handlers.put(association.getSource().getId(), association.getTarget().getId());
      }
    }
    return handlers;
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = cause.getMessage() != null ? cause.getMessage() : cause.toString();
    return cause == e ? message : e.getMessage() + " (" + message + ")";
  }

  /** Builds one process; appends to {@code problems} instead of failing on the first one. */
  private static final class ProcessBuilder {
    private final Process process;
    private final List<String> problems;
    private final Map<String, FlowNode> nodes = new LinkedHashMap<>();
    private final Map<String, SequenceFlow> flows = new LinkedHashMap<>();
    private String noneStartEventId;
    private final List<FlowNode> messageStarts = new ArrayList<>();
    private final List<FlowNode> timerStarts = new ArrayList<>();
    private final List<FlowNode> signalStarts = new ArrayList<>();
    private final Map<String, String> compensationHandlers;

    ProcessBuilder(
        Process process, List<String> problems, Map<String, String> compensationHandlers) {
      this.process = process;
      this.problems = problems;
      this.compensationHandlers = compensationHandlers;
    }

    ProcessModel build() {
      FlowNode root = new FlowNode(process.getId(), ElementType.PROCESS, null);
      nodes.put(root.id, root);
      addScope(process.getFlowElements(), process.getId(), true);
      linkFlows();
      linkBoundaryEvents();
      linkEvents();
      if (noneStartEventId == null
          && messageStarts.isEmpty()
          && timerStarts.isEmpty()
          && signalStarts.isEmpty()) {
        problems.add("process '" + process.getId() + "' has no start event");
      }
      return new ProcessModel(
          process.getId(),
          nodes,
          flows,
          noneStartEventId,
          messageStarts,
          timerStarts,
          signalStarts,
          versionTag());
    }

    private String versionTag() {
      io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeVersionTag tag =
          extension(process, io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeVersionTag.class);
      return tag == null || blank(tag.getValue()) ? null : tag.getValue();
    }

    private void addScope(Collection<FlowElement> elements, String scopeId, boolean topLevel) {
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
        FlowNode node = toNode(element, scopeId, topLevel);
        if (node != null) {
          nodes.put(node.id, node);
        }
      }
    }

    private FlowNode toNode(FlowElement element, String scopeId, boolean topLevel) {
      String id = element.getId();
      if (element instanceof StartEvent start) {
        FlowNode node = event(start, ElementType.START_EVENT, scopeId);
        node.interrupting = start.isInterrupting();
        if (topLevel) {
          switch (node.eventKind) {
            case NONE -> noneStartEventId = id;
            case MESSAGE -> messageStarts.add(node);
            case TIMER -> timerStarts.add(node);
            case SIGNAL -> signalStarts.add(node);
            default ->
                unsupported(element, "process start event with " + node.eventKind + " definition");
          }
        }
        return node;
      }
      if (element instanceof EndEvent end) {
        FlowNode node = event(end, ElementType.END_EVENT, scopeId);
        if (node.eventKind == EventKind.MESSAGE) {
          jobDefinition(element, node); // a message end event is carried out by a job worker
        } else if (node.eventKind == EventKind.TIMER || node.eventKind == EventKind.LINK) {
          unsupported(element, "end event with " + node.eventKind + " definition");
        }
        if (node.eventKind == EventKind.ERROR && node.errorCode == null) {
          problems.add("error end event '" + id + "' must reference an error with an error code");
        }
        return node;
      }
      if (element instanceof ServiceTask
          || element instanceof SendTask
          || element instanceof BusinessRuleTask
          || element instanceof ScriptTask) {
        ElementType type =
            element instanceof ServiceTask
                ? ElementType.SERVICE_TASK
                : element instanceof SendTask
                    ? ElementType.SEND_TASK
                    : element instanceof BusinessRuleTask
                        ? ElementType.BUSINESS_RULE_TASK
                        : ElementType.SCRIPT_TASK;
        if (type == ElementType.BUSINESS_RULE_TASK
            && extension(element, ZeebeCalledDecision.class) != null) {
          unsupported(element, "zeebe:calledDecision: DMN decisions; use a zeebe:taskDefinition");
          return null;
        }
        FlowNode node = new FlowNode(id, type, scopeId);
        ZeebeScript script = extension(element, ZeebeScript.class);
        if (type == ElementType.SCRIPT_TASK && script != null) {
          if (blank(script.getExpression()) || blank(script.getResultVariable())) {
            problems.add(
                describe(element)
                    + " needs a zeebe:script with an expression and a resultVariable");
          }
          node.scriptExpression = script.getExpression();
          node.resultVariable = script.getResultVariable();
        } else {
          jobDefinition(element, node);
        }
        activity((Activity) element, node);
        return node;
      }
      if (element instanceof UserTask) {
        FlowNode node = new FlowNode(id, ElementType.USER_TASK, scopeId);
        if (UserTaskDefinitions.isCamundaUserTask(element)) {
          // a Camunda user task is no job: the engine keeps it as a user task of its own
          node.userTask = UserTaskDefinitions.read(element);
          headers(element, node);
          activity((Activity) element, node);
          return node;
        }
        node.jobType = "io.camunda.zeebe:userTask";
        node.jobRetries = "1";
        ZeebeAssignmentDefinition assignment = extension(element, ZeebeAssignmentDefinition.class);
        if (assignment != null) {
          putHeader(node, "io.camunda.zeebe:assignee", assignment.getAssignee());
          putHeader(node, "io.camunda.zeebe:candidateGroups", assignment.getCandidateGroups());
          putHeader(node, "io.camunda.zeebe:candidateUsers", assignment.getCandidateUsers());
        }
        // a job-based user task hands its form and schedule to the worker as headers, as Zeebe
        ZeebeFormDefinition form = extension(element, ZeebeFormDefinition.class);
        if (form != null) {
          putHeader(node, "io.camunda.zeebe:formKey", form.getFormKey());
        }
        ZeebeTaskSchedule schedule = extension(element, ZeebeTaskSchedule.class);
        if (schedule != null) {
          putHeader(node, "io.camunda.zeebe:dueDate", schedule.getDueDate());
          putHeader(node, "io.camunda.zeebe:followUpDate", schedule.getFollowUpDate());
        }
        headers(element, node);
        activity((Activity) element, node);
        return node;
      }
      if (element instanceof io.camunda.zeebe.model.bpmn.instance.ManualTask
          || "task".equals(element.getElementType().getTypeName())) {
        // nothing for the engine to do: Zeebe passes manual and undefined tasks straight through
        FlowNode node =
            new FlowNode(
                id,
                element instanceof io.camunda.zeebe.model.bpmn.instance.ManualTask
                    ? ElementType.MANUAL_TASK
                    : ElementType.TASK,
                scopeId);
        activity((Activity) element, node);
        return node;
      }
      if (element instanceof CallActivity) {
        FlowNode node = new FlowNode(id, ElementType.CALL_ACTIVITY, scopeId);
        ZeebeCalledElement called = extension(element, ZeebeCalledElement.class);
        if (called == null || blank(called.getProcessId())) {
          problems.add(describe(element) + " needs a zeebe:calledElement with a processId");
        } else {
          node.calledProcessId = called.getProcessId();
          node.propagateAllChildVariables = called.isPropagateAllChildVariablesEnabled();
          node.propagateAllParentVariables = called.isPropagateAllParentVariablesEnabled();
          node.calledFromSameDeployment =
              called.getBindingType()
                  == io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType.deployment;
          if (called.getBindingType()
              == io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType.versionTag) {
            node.calledVersionTag = called.getVersionTag();
          }
        }
        activity((Activity) element, node);
        return node;
      }
      if (element instanceof ReceiveTask receive) {
        FlowNode node = new FlowNode(id, ElementType.RECEIVE_TASK, scopeId);
        if (receive.getMessage() == null || blank(receive.getMessage().getName())) {
          problems.add(describe(element) + " must reference a message with a name");
        } else {
          node.messageName = receive.getMessage().getName();
          node.correlationKey = correlationKey(receive.getMessage(), element);
        }
        activity(receive, node);
        return node;
      }
      if (element instanceof ExclusiveGateway gateway) {
        FlowNode node = new FlowNode(id, ElementType.EXCLUSIVE_GATEWAY, scopeId);
        node.defaultFlowId = gateway.getDefault() != null ? gateway.getDefault().getId() : null;
        return node;
      }
      if (element instanceof ParallelGateway) {
        return new FlowNode(id, ElementType.PARALLEL_GATEWAY, scopeId);
      }
      if (element instanceof InclusiveGateway gateway) {
        FlowNode node = new FlowNode(id, ElementType.INCLUSIVE_GATEWAY, scopeId);
        node.defaultFlowId = gateway.getDefault() != null ? gateway.getDefault().getId() : null;
        return node;
      }
      if (element instanceof EventBasedGateway) {
        return new FlowNode(id, ElementType.EVENT_BASED_GATEWAY, scopeId);
      }
      if (element instanceof IntermediateCatchEvent catchEvent) {
        FlowNode node = event(catchEvent, ElementType.INTERMEDIATE_CATCH_EVENT, scopeId);
        if (node.eventKind != EventKind.MESSAGE
            && node.eventKind != EventKind.TIMER
            && node.eventKind != EventKind.SIGNAL
            && node.eventKind != EventKind.LINK) {
          unsupported(element, "intermediate catch event with " + node.eventKind + " definition");
        }
        return node;
      }
      if (element instanceof IntermediateThrowEvent throwEvent) {
        FlowNode node = event(throwEvent, ElementType.INTERMEDIATE_THROW_EVENT, scopeId);
        if (node.eventKind == EventKind.MESSAGE) {
          jobDefinition(element, node); // a message throw event is carried out by a job worker
        } else if (node.eventKind == EventKind.ERROR
            || node.eventKind == EventKind.TIMER
            || node.eventKind == EventKind.TERMINATE) {
          unsupported(element, "intermediate throw event with " + node.eventKind + " definition");
        }
        return node;
      }
      if (element instanceof BoundaryEvent boundary) {
        FlowNode node = event(boundary, ElementType.BOUNDARY_EVENT, scopeId);
        node.attachedToId =
            boundary.getAttachedTo() != null ? boundary.getAttachedTo().getId() : null;
        node.cancelActivity = boundary.cancelActivity();
        if (node.eventKind == EventKind.NONE
            || node.eventKind == EventKind.TERMINATE
            || node.eventKind == EventKind.LINK) {
          unsupported(element, "boundary event with " + node.eventKind + " definition");
        }
        if (node.eventKind == EventKind.COMPENSATION) {
          node.compensationHandlerId = compensationHandlers.get(id);
          if (node.compensationHandlerId == null) {
            problems.add(
                "compensation boundary event '"
                    + id
                    + "' must be associated with a compensation handler");
          }
        }
        if (node.eventKind == EventKind.ERROR && !node.cancelActivity) {
          problems.add("error boundary event '" + id + "' must be interrupting");
        }
        return node;
      }
      if (element instanceof AdHocSubProcess) {
        unsupported(element, "ad-hoc subprocess");
        return null;
      }
      if (element instanceof DataObject
          || element instanceof DataObjectReference
          || element instanceof DataStoreReference) {
        return null; // data objects and stores only document a diagram; Zeebe ignores them too
      }
      if (element instanceof SubProcess sub) {
        boolean eventTriggered = sub.triggeredByEvent();
        FlowNode node =
            new FlowNode(
                id,
                eventTriggered ? ElementType.EVENT_SUB_PROCESS : ElementType.SUB_PROCESS,
                scopeId);
        activity(sub, node);
        addScope(sub.getFlowElements(), id, false);
        for (FlowElement child : sub.getFlowElements()) {
          if (!(child instanceof StartEvent)) {
            continue;
          }
          FlowNode start = nodes.get(child.getId());
          if (!eventTriggered && start.eventKind == EventKind.NONE) {
            node.innerStartEventId = child.getId();
          } else if (eventTriggered) {
            node.eventStartId = child.getId();
          } else {
            problems.add(
                "start event '"
                    + child.getId()
                    + "' of embedded subprocess '"
                    + id
                    + "' must be a none start event");
          }
        }
        if (!eventTriggered && node.innerStartEventId == null) {
          problems.add(describe(element) + " must contain a none start event");
        }
        if (eventTriggered
            && (node.eventStartId == null
                || nodes.get(node.eventStartId).eventKind == EventKind.NONE)) {
          problems.add(
              "event subprocess '"
                  + id
                  + "' needs exactly one start event with a message, timer, signal, error or escalation definition");
        }
        return node;
      }
      unsupported(element, null);
      return null;
    }

    private FlowNode event(FlowElement element, ElementType type, String scopeId) {
      FlowNode node = new FlowNode(id(element), type, scopeId);
      Collection<EventDefinition> definitions =
          element instanceof CatchEvent c
              ? c.getEventDefinitions()
              : ((ThrowEvent) element).getEventDefinitions();
      if (definitions.size() > 1) {
        unsupported(element, "event with several event definitions");
      }
      for (EventDefinition definition : definitions) {
        if (definition instanceof MessageEventDefinition message) {
          node.eventKind = EventKind.MESSAGE;
          if (message.getMessage() == null || blank(message.getMessage().getName())) {
            problems.add(describe(element) + " must reference a message with a name");
          } else {
            node.messageName = message.getMessage().getName();
            // message start events of the process need no correlation key; those of event
            // subprocesses do, like any catch event inside an instance
            if (type != ElementType.START_EVENT || !scopeId.equals(process.getId())) {
              node.correlationKey = correlationKey(message.getMessage(), element);
            }
          }
        } else if (definition instanceof TimerEventDefinition timer) {
          node.eventKind = EventKind.TIMER;
          node.timer = timer(timer, element);
        } else if (definition instanceof ErrorEventDefinition error) {
          node.eventKind = EventKind.ERROR;
          node.errorCode = error.getError() != null ? error.getError().getErrorCode() : null;
        } else if (definition instanceof TerminateEventDefinition) {
          node.eventKind = EventKind.TERMINATE;
        } else if (definition instanceof SignalEventDefinition signal) {
          node.eventKind = EventKind.SIGNAL;
          if (signal.getSignal() == null || blank(signal.getSignal().getName())) {
            problems.add(describe(element) + " must reference a signal with a name");
          } else {
            node.signalName = signal.getSignal().getName();
          }
        } else if (definition instanceof EscalationEventDefinition escalation) {
          node.eventKind = EventKind.ESCALATION;
          node.escalationCode =
              escalation.getEscalation() != null
                  ? escalation.getEscalation().getEscalationCode()
                  : null;
          if (element instanceof ThrowEvent && blank(node.escalationCode)) {
            problems.add(
                describe(element) + " must reference an escalation with an escalation code");
          }
        } else if (definition instanceof LinkEventDefinition link) {
          node.eventKind = EventKind.LINK;
          node.linkName = link.getName();
          if (blank(node.linkName)) {
            problems.add(describe(element) + " needs a link name");
          }
        } else if (definition instanceof CompensateEventDefinition compensate) {
          node.eventKind = EventKind.COMPENSATION;
          node.compensateActivityId =
              compensate.getActivity() != null ? compensate.getActivity().getId() : null;
        } else {
          unsupported(element, "event with " + definition.getElementType().getTypeName() + "");
        }
      }
      mappings(element, node);
      return node;
    }

    private TimerDefinition timer(TimerEventDefinition timer, FlowElement element) {
      if (timer.getTimeDuration() != null) {
        return new TimerDefinition(
            TimerDefinition.Kind.DURATION, timer.getTimeDuration().getTextContent().trim());
      }
      if (timer.getTimeDate() != null) {
        return new TimerDefinition(
            TimerDefinition.Kind.DATE, timer.getTimeDate().getTextContent().trim());
      }
      if (timer.getTimeCycle() != null) {
        return new TimerDefinition(
            TimerDefinition.Kind.CYCLE, timer.getTimeCycle().getTextContent().trim());
      }
      problems.add(describe(element) + " has a timer without duration, date or cycle");
      return null;
    }

    private String correlationKey(
        io.camunda.zeebe.model.bpmn.instance.Message message, FlowElement element) {
      ZeebeSubscription subscription = extension(message, ZeebeSubscription.class);
      if (subscription == null || blank(subscription.getCorrelationKey())) {
        problems.add(
            describe(element)
                + " references message '"
                + message.getName()
                + "' without a zeebe:subscription correlationKey");
        return null;
      }
      return subscription.getCorrelationKey();
    }

    private void jobDefinition(FlowElement element, FlowNode node) {
      ZeebeTaskDefinition definition = extension(element, ZeebeTaskDefinition.class);
      if (definition == null || blank(definition.getType())) {
        problems.add(describe(element) + " needs a zeebe:taskDefinition with a job type");
      } else {
        node.jobType = definition.getType();
        if (!blank(definition.getRetries())) {
          node.jobRetries = definition.getRetries();
        }
      }
      headers(element, node);
    }

    private void headers(FlowElement element, FlowNode node) {
      ZeebeTaskHeaders headers = extension(element, ZeebeTaskHeaders.class);
      if (headers != null) {
        for (ZeebeHeader header : headers.getHeaders()) {
          node.taskHeaders.put(header.getKey(), header.getValue());
        }
      }
    }

    private static void putHeader(FlowNode node, String key, String value) {
      if (!blank(value)) {
        node.taskHeaders.put(key, value);
      }
    }

    /** What every activity may carry: mappings, multi-instance, compensation role. */
    private void activity(Activity activity, FlowNode node) {
      mappings(activity, node);
      node.forCompensation = activity.isForCompensation();
      if (activity.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics mi) {
        ZeebeLoopCharacteristics loop = extension(mi, ZeebeLoopCharacteristics.class);
        if (loop == null || blank(loop.getInputCollection())) {
          problems.add(
              describe(activity)
                  + " is multi-instance but has no zeebe:loopCharacteristics inputCollection");
          return;
        }
        String completion =
            mi.getCompletionCondition() != null
                ? mi.getCompletionCondition().getTextContent()
                : null;
        node.loop =
            new FlowNode.MultiInstance(
                mi.isSequential(),
                loop.getInputCollection(),
                blank(loop.getInputElement()) ? null : loop.getInputElement(),
                blank(loop.getOutputCollection()) ? null : loop.getOutputCollection(),
                blank(loop.getOutputElement()) ? null : loop.getOutputElement(),
                blank(completion) ? null : completion.trim());
      } else if (activity.getLoopCharacteristics() != null) {
        unsupported(activity, "standard loop characteristics");
      }
    }

    /** Event subprocesses to their scope; compensation handlers to the activities they undo. */
    private void linkEvents() {
      for (FlowNode node : nodes.values()) {
        if (node.type == ElementType.EVENT_SUB_PROCESS) {
          FlowNode scope = nodes.get(node.flowScopeId);
          if (scope != null) {
            scope.eventSubprocessIds.add(node.id);
          }
          if (node.eventStartId != null) {
            nodes.get(node.eventStartId).interrupting = nodes.get(node.eventStartId).interrupting;
          }
        }
        if (node.type == ElementType.BOUNDARY_EVENT
            && node.eventKind == EventKind.COMPENSATION
            && node.attachedToId != null
            && nodes.containsKey(node.attachedToId)) {
          nodes.get(node.attachedToId).compensationHandlerId = node.compensationHandlerId;
        }
        if (node.type == ElementType.INTERMEDIATE_THROW_EVENT && node.eventKind == EventKind.LINK) {
          boolean found =
              nodes.values().stream()
                  .anyMatch(
                      n ->
                          n.type == ElementType.INTERMEDIATE_CATCH_EVENT
                              && n.eventKind == EventKind.LINK
                              && node.linkName.equals(n.linkName)
                              && node.flowScopeId.equals(n.flowScopeId));
          if (!found) {
            problems.add(
                "link throw event '"
                    + node.id
                    + "' has no link catch event named '"
                    + node.linkName
                    + "' in its scope");
          }
        }
      }
    }

    private void mappings(BaseElement element, FlowNode node) {
      ZeebeIoMapping io = extension(element, ZeebeIoMapping.class);
      if (io == null) {
        return;
      }
      for (ZeebeInput input : io.getInputs()) {
        node.inputs.add(new Mapping(input.getSource(), input.getTarget()));
      }
      for (ZeebeOutput output : io.getOutputs()) {
        node.outputs.add(new Mapping(output.getSource(), output.getTarget()));
      }
    }

    private void linkFlows() {
      for (SequenceFlow flow : flows.values()) {
        FlowNode source = nodes.get(flow.sourceId());
        FlowNode target = nodes.get(flow.targetId());
        if (source == null || target == null) {
          continue; // the unsupported element was already reported
        }
        source.outgoing.add(flow);
        target.incoming.add(flow);
      }
      for (FlowNode node : nodes.values()) {
        if (node.type == ElementType.EXCLUSIVE_GATEWAY && node.outgoing.size() > 1) {
          for (SequenceFlow flow : node.outgoing) {
            if (flow.condition() == null && !flow.id().equals(node.defaultFlowId)) {
              problems.add(
                  "sequence flow '"
                      + flow.id()
                      + "' leaving exclusive gateway '"
                      + node.id
                      + "' needs a condition or must be the default flow");
            }
          }
        }
      }
    }

    private void linkBoundaryEvents() {
      for (FlowNode node : nodes.values()) {
        if (node.type != ElementType.BOUNDARY_EVENT || node.attachedToId == null) {
          continue;
        }
        FlowNode host = nodes.get(node.attachedToId);
        if (host != null) {
          host.boundaryEventIds.add(node.id);
        }
      }
    }

    private void unsupported(FlowElement element, String detail) {
      problems.add(
          "element '"
              + element.getId()
              + "' of type '"
              + element.getElementType().getTypeName()
              + "'"
              + (detail != null ? " (" + detail + ")" : "")
              + " is not supported by this engine");
    }

    private static String describe(FlowElement element) {
      return element.getElementType().getTypeName() + " '" + element.getId() + "'";
    }

    private static String id(FlowElement element) {
      return element.getId();
    }
  }

  private static <T extends io.camunda.zeebe.model.bpmn.instance.BpmnModelElementInstance>
      T extension(BaseElement element, Class<T> type) {
    if (element.getExtensionElements() == null) {
      return null;
    }
    return element.getExtensionElements().getElementsQuery().filterByType(type).list().stream()
        .findFirst()
        .orElse(null);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
