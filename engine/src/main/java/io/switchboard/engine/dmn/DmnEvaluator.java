package io.switchboard.engine.dmn;

import io.switchboard.engine.feel.FeelClock;
import io.switchboard.engine.feel.FeelExpressions;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.dmn.Audit;
import org.camunda.dmn.DmnEngine;
import org.camunda.dmn.parser.ParsedDecisionTable;
import org.camunda.dmn.parser.ParsedDmn;
import org.camunda.dmn.parser.ParsedInput;
import org.camunda.dmn.parser.ParsedRule;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.valuemapper.ValueMapper$;
import scala.jdk.javaapi.CollectionConverters;
import scala.util.Either;
import scala.util.Left;
import scala.util.Right;

/**
 * The DMN engine Zeebe builds on ({@code dmn-scala}, FEEL from {@code feel-engine}): parses DMN
 * resources and evaluates their decisions, with the audit of what each decision matched. Parsed
 * resources are cached by their key; they never change once deployed.
 */
public final class DmnEvaluator {
  private final DmnEngine engine;

  /** On the system clock (for parsing only). */
  public DmnEvaluator() {
    this(Clock.systemUTC());
  }

  /** FEEL's {@code now()} and {@code today()} in decisions read {@code clock}. */
  public DmnEvaluator(Clock clock) {
    this.engine =
        new DmnEngine.Builder()
            .escapeNamesWithSpaces(true)
            .escapeNamesWithDashes(true)
            .clock(new FeelClock(clock))
            .build();
  }

  private final Map<Long, ParsedDmn> parsed = new ConcurrentHashMap<>();

  /** One evaluated decision (the called one and each it required), as the audit has it. */
  public record Evaluated(
      String decisionId,
      String decisionType,
      Object output,
      List<Input> inputs,
      List<MatchedRule> matchedRules) {}

  public record Input(String id, String name, Object value) {}

  public record MatchedRule(String id, int index, List<Output> outputs) {}

  public record Output(String id, String name, Object value) {}

  /** A decision's output and the decisions evaluated for it, in evaluation order. */
  public record Result(Object output, List<Evaluated> evaluated) {}

  /**
   * Why a decision failed; the message names the decision. {@code evaluated} holds the decisions
   * evaluated up to the failure, the failed one ({@code failedDecisionId}) last with no output.
   */
  public static final class EvaluationFailed extends RuntimeException {
    private final String failedDecisionId;
    private final transient List<Evaluated> evaluated;

    EvaluationFailed(String message, String failedDecisionId, List<Evaluated> evaluated) {
      super(message);
      this.failedDecisionId = failedDecisionId;
      this.evaluated = List.copyOf(evaluated);
    }

    public String failedDecisionId() {
      return failedDecisionId;
    }

    public List<Evaluated> evaluated() {
      return evaluated;
    }
  }

  /** Parses a DMN resource; the failure message is the DMN engine's. */
  Either<String, ParsedDmn> parse(byte[] xml) {
    Either<DmnEngine.Failure, ParsedDmn> result = engine.parse(new ByteArrayInputStream(xml));
    if (result instanceof Left<DmnEngine.Failure, ParsedDmn> left) {
      return new Left<>(left.value().message());
    }
    return new Right<>(((Right<DmnEngine.Failure, ParsedDmn>) result).value());
  }

  /**
   * Evaluates decision {@code decisionId} of the stored resource {@code resourceKey}.
   *
   * @throws EvaluationFailed naming the decision
   */
  public Result evaluate(
      long resourceKey, String resource, String decisionId, Map<String, Object> variables) {
    ParsedDmn dmn =
        parsed.computeIfAbsent(
            resourceKey,
            k -> {
              Either<String, ParsedDmn> p = parse(resource.getBytes(StandardCharsets.UTF_8));
              if (p instanceof Left<String, ParsedDmn> left) {
                throw new EvaluationFailed(
                    "Expected to evaluate decision '" + decisionId + "', but " + left.value(),
                    decisionId,
                    List.of(new Evaluated(decisionId, "UNKNOWN", null, List.of(), List.of())));
              }
              return ((Right<String, ParsedDmn>) p).value();
            });
    Either<DmnEngine.EvalFailure, DmnEngine.EvalResult> result =
        engine.eval(dmn, decisionId, variables);
    if (result instanceof Left<DmnEngine.EvalFailure, DmnEngine.EvalResult> left) {
      throw failure(dmn, decisionId, left.value());
    }
    DmnEngine.EvalResult ok = ((Right<DmnEngine.EvalFailure, DmnEngine.EvalResult>) result).value();
    Object output = ok.isNil() ? null : FeelExpressions.toJsonValue(ok.value());
    return new Result(output, audit(ok.auditLog()));
  }

  /**
   * dmn-scala's audit log ends with the decision that failed (its result an error) when it got as
   * far as evaluating it; otherwise the failed one is the decision called.
   */
  private static EvaluationFailed failure(
      ParsedDmn dmn, String decisionId, DmnEngine.EvalFailure failure) {
    List<Evaluated> evaluated = audit(failure.auditLog());
    String failedId;
    if (evaluated.isEmpty()) {
      failedId = decisionId;
      evaluated.add(new Evaluated(decisionId, typeOf(dmn, decisionId), null, List.of(), List.of()));
    } else {
      Evaluated last = evaluated.remove(evaluated.size() - 1);
      failedId = last.decisionId();
      evaluated.add(
          new Evaluated(failedId, last.decisionType(), null, last.inputs(), last.matchedRules()));
    }
    return new EvaluationFailed(
        "Expected to evaluate decision '" + decisionId + "', but " + failure.failure().message(),
        failedId,
        evaluated);
  }

  private static String typeOf(ParsedDmn dmn, String decisionId) {
    scala.Option<org.camunda.dmn.parser.ParsedDecision> decision =
        dmn.decisionsById().get(decisionId);
    return decision.isDefined() && decision.get().logic() instanceof ParsedDecisionTable
        ? "DECISION_TABLE"
        : "LITERAL_EXPRESSION";
  }

  private static List<Evaluated> audit(Audit.AuditLog log) {
    List<Evaluated> evaluated = new ArrayList<>();
    for (Audit.AuditLogEntry entry : CollectionConverters.asJava(log.entries())) {
      if (entry.result() instanceof Audit.DecisionTableEvaluationResult table) {
        List<ParsedRule> rules =
            new ArrayList<>(
                CollectionConverters.asJavaCollection(
                    ((ParsedDecisionTable) entry.decisionLogic()).rules()));
        List<Input> inputs = new ArrayList<>();
        for (Audit.EvaluatedInput input : CollectionConverters.asJava(table.inputs())) {
          ParsedInput parsedInput = input.input();
          inputs.add(new Input(parsedInput.id(), parsedInput.name(), value(input.value())));
        }
        List<MatchedRule> matched = new ArrayList<>();
        for (Audit.EvaluatedRule rule : CollectionConverters.asJava(table.matchedRules())) {
          List<Output> outputs = new ArrayList<>();
          for (Audit.EvaluatedOutput out : CollectionConverters.asJava(rule.outputs())) {
            outputs.add(new Output(out.output().id(), out.output().name(), value(out.value())));
          }
          matched.add(new MatchedRule(rule.rule().id(), rules.indexOf(rule.rule()) + 1, outputs));
        }
        evaluated.add(
            new Evaluated(entry.id(), "DECISION_TABLE", outcome(table.result()), inputs, matched));
      } else {
        Object output =
            entry.result() instanceof Audit.SingleEvaluationResult single
                ? outcome(single.result())
                : null;
        evaluated.add(
            new Evaluated(entry.id(), "LITERAL_EXPRESSION", output, List.of(), List.of()));
      }
    }
    return evaluated;
  }

  /** A decision's result; a failed one's (an error value) is no output. */
  private static Object outcome(Val value) {
    return value instanceof org.camunda.feel.syntaxtree.ValError ? null : value(value);
  }

  private static Object value(Val value) {
    return FeelExpressions.toJsonValue(ValueMapper$.MODULE$.defaultValueMapper().unpackVal(value));
  }
}
