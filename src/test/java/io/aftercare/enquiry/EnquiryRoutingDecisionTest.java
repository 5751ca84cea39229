package io.aftercare.enquiry;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.support.DecisionTable;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of processes/enquiry-routing.dmn, with the rule that decided. */
class EnquiryRoutingDecisionTest {

  private static final DecisionTable ROUTING = new DecisionTable("/processes/enquiry-routing.dmn", "enquiryRouting");

  @ParameterizedTest(name = "{0} -> {1} by {2}")
  @CsvSource({
      "return,        returns, Rule_ReturnQuestions",
      "skin_reaction, safety,  Rule_SkinReaction",
      "product_use,   agent,   Rule_Everything_Else",
      "order,         agent,   Rule_Everything_Else",
      "other,         agent,   Rule_Everything_Else"})
  void routesByTopic(String topic, String team, String rule) {
    DecisionTable.Result result = ROUTING.evaluate(Map.of("topic", topic));

    assertThat((String) result.outputs().getEntry("team")).isEqualTo(team);
    assertThat(result.rule()).isEqualTo(rule);
  }
}
