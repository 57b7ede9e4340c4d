package io.switchboard.engine.dmn;

import io.camunda.client.api.response.EvaluateDecisionResponse;
import io.switchboard.engine.EngineIT;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/** What the DMN suites share: decision ids unique to each test, evaluation by id over a size. */
abstract class DecisionSuite extends EngineIT {
  private String s;

  @BeforeEach
  void suffix() {
    s = unique("d");
  }

  /** {@code name} made unique to this test. */
  String id(String name) {
    return name + "_" + s;
  }

  /** A name FEEL can refer to (no dashes), unique to this test. */
  String feelName(String name) {
    return id(name).replace('-', '_');
  }

  /**
   * Deploys a graph where decision {@code total}, a literal expression over {@code base}'s output
   * ({@code expression}), requires the decision table {@code base}.
   */
  void deployRequiring(Dmn.Table base, String total, String expression) {
    String xml =
        Dmn.definitions(id("graph"), List.of(base))
            .replace(
                "</definitions>",
                """
                  <decision id="%s" name="Total">
                    <informationRequirement><requiredDecision href="#%s" /></informationRequirement>
                    <literalExpression><text>%s</text></literalExpression>
                  </decision>
                </definitions>
                """
                    .formatted(total, base.id(), expression));
    client
        .newDeployResourceCommand()
        .addResourceString(xml, StandardCharsets.UTF_8, "total.dmn")
        .send()
        .join();
  }

  EvaluateDecisionResponse evaluate(String decisionId, int size) {
    return client
        .newEvaluateDecisionCommand()
        .decisionId(decisionId)
        .variables(Map.of("size", size))
        .send()
        .join();
  }
}
