package io.aftercare.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.support.DecisionTable;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of processes/complaint-triage.dmn (hit policy FIRST: earlier rules win). */
class ComplaintTriageDecisionTest {

  private static final DecisionTable TRIAGE = new DecisionTable("/processes/complaint-triage.dmn", "complaintTriage");

  @ParameterizedTest(name = "{0}, severity {1}, {2} -> {4} by {3}")
  @CsvSource({
      "shade_mismatch,        1, LOW,    Rule_SevereHealthRisk,      95, agent,      major,   true",
      "irritation_allergy,    1, HIGH,   Rule_SevereHealthRisk,      95, agent,      major,   true",
      "irritation_allergy,    3, LOW,    Rule_IrritationAllergy,     85, agent,      major,   false",
      "counterfeit_suspicion, 2, MEDIUM, Rule_CounterfeitSuspicion,  80, supervisor, major,   true",
      "service_attitude,      3, HIGH,   Rule_ServiceAttitude,       60, supervisor, general, false",
      "efficacy,              2, HIGH,   Rule_AffectsUseHighValue,   75, agent,      general, false",
      "packaging_damage,      2, MEDIUM, Rule_AffectsUse,            60, agent,      general, false",
      "logistics,             3, HIGH,   Rule_MinorHighValue,        55, agent,      general, false",
      "other,                 3, LOW,    Rule_Minor,                 40, agent,      general, false",
      "shade_mismatch,        3, MEDIUM, Rule_Minor,                 40, agent,      general, false"})
  void decidesPriorityTeamTargetAndApproval(String category, int severity, String tier, String rule,
      int priority, String team, String target, boolean approval) {
    DecisionTable.Result result = TRIAGE.evaluate(Map.of("category", category, "severity", severity,
        "customerTier", tier));

    assertThat(result.rule()).isEqualTo(rule);
    assertThat(((Number) result.outputs().getEntry("priority")).intValue()).isEqualTo(priority);
    assertThat((String) result.outputs().getEntry("team")).isEqualTo(team);
    assertThat((String) result.outputs().getEntry("resolutionTarget")).isEqualTo(target);
    assertThat((Boolean) result.outputs().getEntry("approvalRequired")).isEqualTo(approval);
    // a health risk of any category, and every skin reaction, starts an adverse-reaction report
    assertThat((Boolean) result.outputs().getEntry("adverseReactionReport"))
        .isEqualTo(severity == 1 || category.equals("irritation_allergy"));
  }
}
