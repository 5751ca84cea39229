package io.aftercare.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.support.DecisionTable;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of processes/task-priority.dmn (hit policy FIRST: the most urgent rule first). */
class TaskPriorityDecisionTest {

  private static final DecisionTable PRIORITY = new DecisionTable("/processes/task-priority.dmn", "taskPriority");

  @ParameterizedTest(name = "{0}, severity {1}, {2} h left, {3} -> {5} by {4}")
  @CsvSource(nullValues = "null", value = {
      "serious,       null, 200,  LOW,    Rule_SeriousReaction,   90",
      "social_impact, null, null, null,   Rule_SeriousReaction,   90",
      "HOSPITALISED,  null, 200,  LOW,    Rule_Hospitalised,      90",
      "HOSPITALISED,  2,    null, null,   Rule_Hospitalised,      90",
      "general,       1,    200,  MEDIUM, Rule_HealthRisk,        85",
      "null,          1,    2,    HIGH,   Rule_HealthRisk,        85",
      "general,       null, 48,   LOW,    Rule_DeadlineNear,      75",
      "null,          3,    0,    HIGH,   Rule_DeadlineNear,      75",
      "null,          3,    -5,   LOW,    Rule_DeadlineNear,      75",
      "null,          3,    49,   HIGH,   Rule_HighValueCustomer, 60",
      "null,          2,    49,   HIGH,   Rule_HighValueCustomer, 60",
      "null,          2,    49,   MEDIUM, Rule_AffectsUse,        55",
      "null,          2,    null, null,   Rule_AffectsUse,        55"})
  void decidesTheMostUrgentReason(String seriousness, Integer severity, Long hoursLeft, String tier, String rule,
      int priority) {
    // "HOSPITALISED": a reaction whose seriousness is not assessed yet, the person in hospital
    boolean hospitalised = "HOSPITALISED".equals(seriousness);
    Map<String, Object> inputs = inputs(hospitalised ? null : seriousness, severity, hoursLeft, tier);
    inputs.put("hospitalised", hospitalised);
    DecisionTable.Result result = PRIORITY.evaluate(inputs);

    assertThat(result.rule()).isEqualTo(rule);
    assertThat(((Number) result.outputs().getEntry("priority")).intValue()).isEqualTo(priority);
  }

  @ParameterizedTest(name = "{0}, severity {1}, {2} h left, {3}: no rule, the model's priority stands")
  @CsvSource(nullValues = "null", value = {
      "general, 3,    49,   MEDIUM",
      "null,    null, null, null",
      "null,    3,    2000, LOW"})
  void leavesTheModelsPriorityWhenNothingIsUrgent(String seriousness, Integer severity, Long hoursLeft, String tier) {
    assertThat(PRIORITY.evaluate(inputs(seriousness, severity, hoursLeft, tier)).rule()).isNull();
  }

  private static Map<String, Object> inputs(String seriousness, Integer severity, Long hoursLeft, String tier) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("seriousness", seriousness);
    inputs.put("severity", severity);
    inputs.put("hoursLeft", hoursLeft);
    inputs.put("customerTier", tier);
    inputs.put("hospitalised", false);
    return inputs;
  }
}
