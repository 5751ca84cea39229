package io.aftercare.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

/** A decision table from processes/, evaluated outside the engine, telling which rule matched. */
public final class DecisionTable {

  /** The outputs of the first matching rule and that rule's id. */
  public record Result(String rule, DmnDecisionRuleResult outputs) {}

  private final DmnEngine engine;
  private final DmnDecision decision;
  private String matchedRule;

  public DecisionTable(String resource, String decisionId) {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.customPostDecisionTableEvaluationListeners(List.of(
        (DmnDecisionTableEvaluationListener) (DmnDecisionTableEvaluationEvent event) ->
            matchedRule = event.getMatchingRules().isEmpty() ? null : event.getMatchingRules().get(0).getId()));
    engine = configuration.buildEngine();
    try (InputStream file = DecisionTable.class.getResourceAsStream(resource)) {
      decision = engine.parseDecision(decisionId, file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Result evaluate(Map<String, Object> inputs) {
    matchedRule = null;
    DmnDecisionRuleResult outputs = engine.evaluateDecisionTable(decision, inputs).getSingleResult();
    return new Result(matchedRule, outputs);
  }
}
