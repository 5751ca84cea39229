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

/**
 * A decision table from processes/, evaluated outside the engine on the application's FEEL engine,
 * telling which rule matched.
 */
public final class DecisionTable {

  /** The outputs of the first matching rule, that rule's id, and the rule of each decision evaluated. */
  public record Result(String rule, DmnDecisionRuleResult outputs, Map<String, String> rules) {}

  private final DmnEngine engine;
  private final DmnDecision decision;
  private final Map<String, String> matchedRules = new java.util.HashMap<>();

  public DecisionTable(String resource, String decisionId) {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    // the application's FEEL engine (each text parsed once), so that every rule test runs on it
    configuration.setFeelEngineFactory(io.aftercare.process.FeelParsedOnce.factory(configuration));
    configuration.customPostDecisionTableEvaluationListeners(List.of(
        (DmnDecisionTableEvaluationListener) (DmnDecisionTableEvaluationEvent event) ->
            matchedRules.put(event.getDecision().getKey(),
                event.getMatchingRules().isEmpty() ? null : event.getMatchingRules().get(0).getId())));
    engine = configuration.buildEngine();
    try (InputStream file = DecisionTable.class.getResourceAsStream(resource)) {
      decision = engine.parseDecisions(file).stream().filter(d -> d.getKey().equals(decisionId)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("No decision " + decisionId + " in " + resource));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Result evaluate(Map<String, Object> inputs) {
    matchedRules.clear();
    DmnDecisionRuleResult outputs = engine.evaluateDecisionTable(decision, inputs).getSingleResult();
    return new Result(matchedRules.get(decision.getKey()), outputs,
        java.util.Collections.unmodifiableMap(new java.util.HashMap<>(matchedRules)));
  }
}
