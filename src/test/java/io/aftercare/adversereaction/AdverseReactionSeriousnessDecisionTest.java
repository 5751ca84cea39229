package io.aftercare.adversereaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.support.DecisionTable;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every rule of processes/adverse-reaction-seriousness.dmn: the seriousness criteria, CN's social
 * impact class, and the regulatory clock of the market where the product was sold.
 */
class AdverseReactionSeriousnessDecisionTest {

  private static final DecisionTable DEADLINE =
      new DecisionTable("/processes/adverse-reaction-seriousness.dmn", "adverseReactionDeadline");

  @ParameterizedTest(name = "{0} with {1}: {3} by {2}, clock {5}")
  @CsvSource({
      "CN, socialImpact,          Rule_SocialImpact,          social_impact, Rule_CNSocialImpact, adverse.regulatory.CN.social-impact, adverse.followup.CN.social-impact",
      "CN, death,                 Rule_Death,                 serious, Rule_CNSerious, adverse.regulatory.CN.serious, adverse.followup.CN.serious",
      "CN, lifeThreatening,       Rule_LifeThreatening,       serious, Rule_CNSerious, adverse.regulatory.CN.serious, adverse.followup.CN.serious",
      "CN, hospitalised,          Rule_Hospitalised,          serious, Rule_CNSerious, adverse.regulatory.CN.serious, adverse.followup.CN.serious",
      "EU, lastingDisability,     Rule_LastingDisability,     serious, Rule_EUSerious, adverse.regulatory.EU.serious, adverse.regulatory.EU.serious",
      "EU, congenitalAnomaly,     Rule_CongenitalAnomaly,     serious, Rule_EUSerious, adverse.regulatory.EU.serious, adverse.regulatory.EU.serious",
      "US, disfigurement,         Rule_Disfigurement,         serious, Rule_USSerious, adverse.regulatory.US.serious, adverse.regulatory.US.serious",
      "US, systemicHarm,          Rule_SystemicHarm,          serious, Rule_USSerious, adverse.regulatory.US.serious, adverse.regulatory.US.serious",
      "EU, interventionToPrevent, Rule_InterventionToPrevent, serious, Rule_EUSerious, adverse.regulatory.EU.serious, adverse.regulatory.EU.serious",
      "CN, none,                  Rule_General,               general, Rule_CNGeneral, adverse.regulatory.CN.general, adverse.regulatory.CN.general",
      "EU, none,                  Rule_General,               general, Rule_NotReportable, ,",
      "US, none,                  Rule_General,               general, Rule_NotReportable, ,",
      "EU, socialImpact,          Rule_General,               general, Rule_NotReportable, ,"})
  void seriousnessAndDeadline(String market, String criterion, String seriousnessRule, String seriousness,
      String deadlineRule, String clock, String followUpClock) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("market", market);
    for (String c : new String[] {"death", "lifeThreatening", "hospitalised", "lastingDisability",
        "congenitalAnomaly", "disfigurement", "systemicHarm", "interventionToPrevent", "socialImpact"}) {
      inputs.put(c, c.equals(criterion));
    }

    DecisionTable.Result result = DEADLINE.evaluate(inputs);

    assertThat(result.rules()).containsEntry("adverseReactionSeriousness", seriousnessRule)
        .containsEntry("adverseReactionDeadline", deadlineRule);
    assertThat((String) result.outputs().getEntry("seriousness")).isEqualTo(seriousness);
    assertThat((Boolean) result.outputs().getEntry("reportable")).isEqualTo(clock != null);
    // a reaction that is not reported has no clocks at all (empty output entries are left out)
    assertThat(result.outputs().getEntryMap().get("regulatoryClock")).isEqualTo(clock);
    assertThat(result.outputs().getEntryMap().get("followUpClock")).isEqualTo(followUpClock);
  }
}
