package io.switchboard.engine.transform.element;

import static io.switchboard.engine.transform.element.Extensions.extension;

import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeInput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeOutput;
import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.model.Mapping;

/** An element's {@code zeebe:ioMapping} inputs and outputs. */
public final class Mappings {
  private Mappings() {}

  public static void read(BaseElement element, FlowNode.Builder node) {
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
}
