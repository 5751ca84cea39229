package io.aftercare.callback;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.support.DecisionTable;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of processes/callback-plan.dmn: high-value customers sooner, health follow-ups harder. */
class CallbackPlanDecisionTest {

  private static final DecisionTable PLAN = new DecisionTable("/processes/callback-plan.dmn", "callbackPlan");

  @ParameterizedTest(name = "{0}, {1} -> after {3} days, {4} attempts, retry {5} by {2}")
  @CsvSource({
      "complaint_resolved, HIGH,   Rule_ComplaintHigh,   1, 3, 1",
      "complaint_resolved, MEDIUM, Rule_ComplaintMedium, 2, 3, 1",
      "complaint_resolved, LOW,    Rule_ComplaintLow,    3, 2, 2",
      "return_completed,   HIGH,   Rule_ReturnHigh,      2, 3, 1",
      "return_completed,   LOW,    Rule_ReturnOthers,    3, 2, 2",
      "adverse_followup,   LOW,    Rule_AdverseFollowUp, 5, 4, 1",
      "care_call,          HIGH,   Rule_CareHigh,        1, 2, 2",
      "care_call,          MEDIUM, Rule_CareMedium,      2, 2, 2",
      "care_call,          LOW,    Rule_CareLow,         5, 1, 1"})
  void plansTheCalls(String reason, String tier, String rule, int after, int attempts, int retry) {
    DecisionTable.Result result = PLAN.evaluate(Map.of("reason", reason, "customerTier", tier));

    assertThat(result.rule()).isEqualTo(rule);
    assertThat(((Number) result.outputs().getEntry("callAfterDays")).intValue()).isEqualTo(after);
    assertThat(((Number) result.outputs().getEntry("maxAttempts")).intValue()).isEqualTo(attempts);
    assertThat(((Number) result.outputs().getEntry("retryAfterDays")).intValue()).isEqualTo(retry);
  }
}
