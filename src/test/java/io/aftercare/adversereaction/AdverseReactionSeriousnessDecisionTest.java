package io.aftercare.adversereaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.sla.ShippedCalendarsAccess;
import io.aftercare.sla.SlaPolicy;
import io.aftercare.support.DecisionTable;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of processes/adverse-reaction-seriousness.dmn: seriousness as each market's law
 * defines it (US FD&C Act sec. 604, EU Reg. 1223/2009 art. 2(1)(p), CN the NMPA 2022 measures),
 * CN's social-impact class, and the regulatory clocks of the market where the product was sold.
 */
class AdverseReactionSeriousnessDecisionTest {

  private static final String DMN = "/processes/adverse-reaction-seriousness.dmn";
  private static final DecisionTable SERIOUSNESS = new DecisionTable(DMN, "adverseReactionSeriousness");
  private static final DecisionTable DEADLINE = new DecisionTable(DMN, "adverseReactionDeadline");

  /** One case per rule: the market, the one criterion answered yes, the rule that must match. */
  static Stream<Arguments> seriousnessRules() {
    return Stream.of(
        Arguments.of("CN", "socialImpact", "Rule_CN_SocialImpact", "social_impact"),
        Arguments.of("CN", "death", "Rule_CN_Death", "serious"),
        Arguments.of("CN", "lifeThreatening", "Rule_CN_LifeThreatening", "serious"),
        Arguments.of("CN", "hospitalised", "Rule_CN_Hospitalised", "serious"),
        Arguments.of("CN", "hospitalisationNeeded", "Rule_CN_HospitalisationNeeded", "serious"),
        Arguments.of("CN", "functionLoss", "Rule_CN_FunctionLoss", "serious"),
        Arguments.of("CN", "systemicHarm", "Rule_CN_SystemicHarm", "serious"),
        Arguments.of("CN", "congenitalAnomaly", "Rule_CN_CongenitalAnomaly", "serious"),
        Arguments.of("CN", "otherSeriousHarm", "Rule_CN_OtherSeriousHarm", "serious"),
        Arguments.of("EU", "death", "Rule_EU_Death", "serious"),
        Arguments.of("EU", "lifeThreatening", "Rule_EU_VitalRisk", "serious"),
        Arguments.of("EU", "hospitalised", "Rule_EU_Hospitalisation", "serious"),
        Arguments.of("EU", "lastingDisability", "Rule_EU_Disability", "serious"),
        Arguments.of("EU", "temporaryIncapacity", "Rule_EU_TemporaryIncapacity", "serious"),
        Arguments.of("EU", "congenitalAnomaly", "Rule_EU_CongenitalAnomaly", "serious"),
        Arguments.of("US", "death", "Rule_US_Death", "serious"),
        Arguments.of("US", "lifeThreatening", "Rule_US_LifeThreatening", "serious"),
        Arguments.of("US", "hospitalised", "Rule_US_Hospitalisation", "serious"),
        Arguments.of("US", "lastingDisability", "Rule_US_Disability", "serious"),
        Arguments.of("US", "congenitalAnomaly", "Rule_US_CongenitalAnomaly", "serious"),
        Arguments.of("US", "infection", "Rule_US_Infection", "serious"),
        Arguments.of("US", "disfigurement", "Rule_US_Disfigurement", "serious"),
        Arguments.of("US", "interventionToPrevent", "Rule_US_InterventionToPrevent", "serious"),
        Arguments.of("EU", "none", "Rule_General", "general"));
  }

  @ParameterizedTest(name = "{0} with {1}: {3} by {2}")
  @MethodSource("seriousnessRules")
  void seriousnessFollowsTheMarketsLegalDefinition(String market, String criterion, String rule,
      String seriousness) {
    DecisionTable.Result result = SERIOUSNESS.evaluate(answers(market, criterion));

    assertThat(result.rule()).isEqualTo(rule);
    assertThat((String) result.outputs().getEntry("seriousness")).isEqualTo(seriousness);
  }

  @Test
  void everySeriousnessRuleHasItsCase() {
    assertThat(seriousnessRules().map(a -> (String) a.get()[2]))
        .containsExactlyInAnyOrderElementsOf(ruleIds("adverseReactionSeriousness"));
  }

  @Test
  void usInfectionIsSerious() {
    assertThat(SERIOUSNESS.evaluate(answers("US", "infection")).rule()).isEqualTo("Rule_US_Infection");
  }

  @Test
  void euInfectionAloneIsGeneral() {
    assertThat(SERIOUSNESS.evaluate(answers("EU", "infection")).rule()).isEqualTo("Rule_General");
  }

  @Test
  void euDisfigurementAloneIsGeneral() {
    assertThat(SERIOUSNESS.evaluate(answers("EU", "disfigurement")).rule()).isEqualTo("Rule_General");
  }

  @Test
  void euTemporaryIncapacityIsSerious() {
    assertThat(SERIOUSNESS.evaluate(answers("EU", "temporaryIncapacity")).rule())
        .isEqualTo("Rule_EU_TemporaryIncapacity");
  }

  @Test
  void cnSocialImpactKeepsItsThreeDayClass() {
    Map<String, Object> answers = answers("CN", "socialImpact");
    answers.put("hospitalised", true);

    DecisionTable.Result result = DEADLINE.evaluate(answers);

    assertThat(result.rules()).containsEntry("adverseReactionSeriousness", "Rule_CN_SocialImpact")
        .containsEntry("adverseReactionDeadline", "Rule_CNSocialImpact");
    assertThat((String) result.outputs().getEntry("regulatoryClock")).isEqualTo("adverse.regulatory.CN.social-impact");
  }

  @ParameterizedTest(name = "{0} with {1} alone is general: not one of its criteria")
  @CsvSource({"CN, infection", "CN, interventionToPrevent", "CN, temporaryIncapacity", "EU, systemicHarm",
      "EU, socialImpact", "EU, interventionToPrevent", "US, temporaryIncapacity", "US, functionLoss",
      "US, socialImpact", "US, hospitalisationNeeded"})
  void criteriaOfAnotherMarketDoNotCount(String market, String criterion) {
    assertThat(SERIOUSNESS.evaluate(answers(market, criterion)).rule()).isEqualTo("Rule_General");
  }

  @Test
  void criteriaTheFormDidNotShowAreMissingAndDoNotCount() {
    // the case-details form submits only the criteria of the case's market
    Map<String, Object> answers = new HashMap<>(Map.of("market", "EU", "death", false, "temporaryIncapacity", false));

    assertThat(SERIOUSNESS.evaluate(answers).rule()).isEqualTo("Rule_General");
    answers.put("temporaryIncapacity", true);
    assertThat(SERIOUSNESS.evaluate(answers).rule()).isEqualTo("Rule_EU_TemporaryIncapacity");
  }

  @ParameterizedTest(name = "{0} with {1}: {2}, clock {3}, follow-ups {4}")
  @CsvSource({
      "CN, socialImpact,        Rule_CNSocialImpact, adverse.regulatory.CN.social-impact, adverse.followup.CN.social-impact",
      "CN, death,               Rule_CNSerious,      adverse.regulatory.CN.serious,       adverse.followup.CN.serious",
      "CN, none,                Rule_CNGeneral,      adverse.regulatory.CN.general,       adverse.followup.CN.general",
      "EU, temporaryIncapacity, Rule_EUSerious,      adverse.regulatory.EU.serious,       adverse.followup.EU.serious",
      "US, infection,           Rule_USSerious,      adverse.regulatory.US.serious,       adverse.followup.US.serious",
      "EU, none,                Rule_NotReportable,  ,",
      "US, none,                Rule_NotReportable,  ,"})
  void deadlineOfTheMarketWhereItWasSold(String market, String criterion, String rule, String clock,
      String followUpClock) {
    DecisionTable.Result result = DEADLINE.evaluate(answers(market, criterion));

    assertThat(result.rules()).containsEntry("adverseReactionDeadline", rule);
    assertThat((Boolean) result.outputs().getEntry("reportable")).isEqualTo(clock != null);
    // a reaction that is not reported has no clocks at all (empty output entries are left out)
    assertThat(result.outputs().getEntryMap().get("regulatoryClock")).isEqualTo(clock);
    assertThat(result.outputs().getEntryMap().get("followUpClock")).isEqualTo(followUpClock);
    // an initial report and its follow-ups never share a clock
    assertThat(followUpClock).isNotEqualTo(clock == null ? "" : clock);
  }

  @Test
  void everyDeadlineRuleHasItsCase() {
    assertThat(ruleIds("adverseReactionDeadline")).containsExactlyInAnyOrder("Rule_CNSocialImpact",
        "Rule_CNSerious", "Rule_CNGeneral", "Rule_EUSerious", "Rule_USSerious", "Rule_NotReportable");
  }

  @Test
  void everyClockTheDecisionNamesIsAConfiguredTarget() {
    SlaPolicy policy = ShippedCalendarsAccess.policy();
    for (String market : List.of("CN", "EU", "US")) {
      for (String criterion : new String[] {"socialImpact", "death", "none"}) {
        Map<String, Object> outputs = DEADLINE.evaluate(answers(market, criterion)).outputs().getEntryMap();
        for (String clock : new String[] {"regulatoryClock", "followUpClock"}) {
          if (outputs.get(clock) != null) {
            assertThat(policy.targets().keySet()).as(market + " " + criterion + " " + clock)
                .contains((String) outputs.get(clock));
          }
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"CN", "EU", "US"})
  void caseDetailsFormShowsExactlyTheCriteriaOfTheCasesMarket(String market) throws Exception {
    assertThat(CaseDetailsForm.criteriaShown(market)).isEqualTo(criteriaOfMarket(market));
  }

  /** The criteria the seriousness decision's rules for the market ask about. */
  private static Set<String> criteriaOfMarket(String market) throws java.io.IOException {
    Set<String> criteria = new TreeSet<>();
    try (InputStream file = AdverseReactionSeriousnessDecisionTest.class.getResourceAsStream(DMN)) {
      Decision decision = Dmn.readModelFromStream(file).getModelElementById("adverseReactionSeriousness");
      org.camunda.bpm.model.dmn.instance.DecisionTable table =
          decision.getChildElementsByType(org.camunda.bpm.model.dmn.instance.DecisionTable.class).iterator().next();
      List<Input> inputs = List.copyOf(table.getInputs());
      for (Rule rule : table.getRules()) {
        List<InputEntry> entries = List.copyOf(rule.getInputEntries());
        if (!entries.get(0).getTextContent().trim().equals("\"" + market + "\"")) {
          continue;
        }
        for (int i = 1; i < entries.size(); i++) {
          if (entries.get(i).getTextContent().trim().equals("true")) {
            criteria.add(inputs.get(i).getCamundaInputVariable());
          }
        }
      }
    }
    return criteria;
  }

  /** The case-details form's answers: every criterion no, the given one yes. */
  private static Map<String, Object> answers(String market, String criterion) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("market", market);
    for (String c : AdverseReactionProcess.CRITERIA) {
      inputs.put(c, c.equals(criterion));
    }
    return inputs;
  }

  private static List<String> ruleIds(String decisionId) {
    try (InputStream file = AdverseReactionSeriousnessDecisionTest.class.getResourceAsStream(DMN)) {
      Decision decision = Dmn.readModelFromStream(file).getModelElementById(decisionId);
      return decision.getChildElementsByType(org.camunda.bpm.model.dmn.instance.DecisionTable.class).iterator()
          .next().getRules().stream().map(Rule::getId).toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
