package io.switchboard.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every process opens in Camunda Modeler and in the console's diagram as drawn: each flow node has
 * a shape and each sequence flow an edge. A BPMN file without its diagram executes, but a process
 * designer and an operator would see an empty canvas.
 */
class BpmnDiagramsTest {

  @Test
  void everyFlowNodeHasAShapeAndEverySequenceFlowAnEdge() throws Exception {
    Resource[] files =
        new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/*.bpmn");
    assertThat(files).isNotEmpty();
    for (Resource file : files) {
      BpmnModelInstance model;
      try (InputStream in = file.getInputStream()) {
        model = Bpmn.readModelFromStream(in);
      }
      Set<String> drawn = new HashSet<>();
      model
          .getModelElementsByType(BpmnShape.class)
          .forEach(s -> drawn.add(s.getBpmnElement().getId()));
      model
          .getModelElementsByType(BpmnEdge.class)
          .forEach(e -> drawn.add(e.getBpmnElement().getId()));
      Set<String> undrawn = new HashSet<>();
      model.getModelElementsByType(FlowNode.class).stream()
          .map(FlowNode::getId)
          .filter(id -> !drawn.contains(id))
          .forEach(undrawn::add);
      model.getModelElementsByType(SequenceFlow.class).stream()
          .map(SequenceFlow::getId)
          .filter(id -> !drawn.contains(id))
          .forEach(undrawn::add);
      assertThat(undrawn).as(file.getFilename() + ": elements without a diagram").isEmpty();
    }
  }
}
