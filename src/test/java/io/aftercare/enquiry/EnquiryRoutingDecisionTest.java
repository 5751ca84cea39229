package io.aftercare.enquiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of processes/enquiry-routing.dmn, with the rule that decided. */
class EnquiryRoutingDecisionTest {

  private static DmnEngine dmn;
  private static DmnDecision decision;
  private static String lastMatchedRule;

  @BeforeAll
  static void parse() throws Exception {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.customPostDecisionTableEvaluationListeners(java.util.List.of(
        (DmnDecisionTableEvaluationListener) (DmnDecisionTableEvaluationEvent event) ->
            lastMatchedRule = event.getMatchingRules().get(0).getId()));
    dmn = configuration.buildEngine();
    try (InputStream file = EnquiryRoutingDecisionTest.class.getResourceAsStream("/processes/enquiry-routing.dmn")) {
      decision = dmn.parseDecision("enquiryRouting", file);
    }
  }

  @ParameterizedTest(name = "{0} -> {1} by {2}")
  @CsvSource({
      "return,        returns, Rule_ReturnQuestions",
      "skin_reaction, safety,  Rule_SkinReaction",
      "product_use,   agent,   Rule_Everything_Else",
      "order,         agent,   Rule_Everything_Else",
      "other,         agent,   Rule_Everything_Else"})
  void routesByTopic(String topic, String team, String rule) {
    DmnDecisionTableResult result = dmn.evaluateDecisionTable(decision, Map.of("topic", topic));

    assertThat((String) result.getSingleEntry()).isEqualTo(team);
    assertThat(lastMatchedRule).isEqualTo(rule);
  }
}
