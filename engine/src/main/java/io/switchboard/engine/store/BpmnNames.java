package io.switchboard.engine.store;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeVersionTag;
import io.switchboard.engine.state.ProcessDefinition;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names the read model shows but the executable model does not keep: the process name, its version
 * tag and element names, read once per process definition from its BPMN.
 */
final class BpmnNames {
  private static final Logger LOG = LoggerFactory.getLogger(BpmnNames.class);
  private static final Names NONE = new Names(null, null, Map.of());

  /** The names of one process definition. */
  record Names(String processName, String versionTag, Map<String, String> elementNames) {
    String element(String elementId) {
      return elementNames.get(elementId);
    }
  }

  private final Map<Long, Names> byDefinition = new HashMap<>();

  Names of(ProcessDefinition definition) {
    if (definition == null) {
      return NONE;
    }
    return byDefinition.computeIfAbsent(definition.key, k -> read(definition));
  }

  private static Names read(ProcessDefinition definition) {
    if (definition.resource == null) {
      return NONE;
    }
    try {
      BpmnModelInstance model =
          Bpmn.readModelFromStream(
              new ByteArrayInputStream(definition.resource.getBytes(StandardCharsets.UTF_8)));
      Process process = model.getModelElementById(definition.bpmnProcessId);
      if (process == null) {
        return NONE;
      }
      ZeebeVersionTag tag = process.getSingleExtensionElement(ZeebeVersionTag.class);
      Map<String, String> elements = new HashMap<>();
      for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
        if (element.getName() != null) {
          elements.put(element.getId(), element.getName());
        }
      }
      return new Names(
          process.getName(), tag == null ? null : tag.getValue(), Map.copyOf(elements));
    } catch (RuntimeException e) {
      LOG.warn("Cannot read names from process definition {}: {}", definition.key, e.getMessage());
      return NONE;
    }
  }
}
