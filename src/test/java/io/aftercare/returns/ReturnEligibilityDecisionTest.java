package io.aftercare.returns;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.support.DecisionTable;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every rule of processes/return-eligibility.dmn (hit policy FIRST), with the day boundaries of
 * each market: days are counted from the day after delivery.
 */
class ReturnEligibilityDecisionTest {

  private static final DecisionTable ELIGIBILITY =
      new DecisionTable("/processes/return-eligibility.dmn", "returnEligibility");

  @ParameterizedTest(name = "{0} {1} {2} {3} day {4} opened={5} confirmed={6} expired={7} wants {8} -> {9}")
  @CsvSource(nullValues = "null", value = {
      // origin,  market, reason,           channel, days, opened, confirmed, expired, requested -> rule, eligible, settlement, review, shipping
      "complaint, CN, changed_mind,       store,   400,  true,   true,  true,  refund,   Rule_FromComplaint,        true,  refund,   false, brand",
      "direct,    EU, adverse_reaction,   online,  900,  true,   null,  false, exchange, Rule_AdverseReaction,      true,  exchange, false, brand",
      // CN quality problems: return within 7 days, exchange after that (day 7 vs day 8)
      "direct,    CN, quality_defect,     online,  7,    true,   null,  false, refund,   Rule_CnQualityWithin7,     true,  refund,   false, brand",
      "direct,    CN, quality_defect,     online,  8,    true,   null,  false, refund,   Rule_CnQualityAfter7,      true,  exchange, true,  brand",
      "direct,    CN, wrong_item,         store,   0,    false,  null,  false, exchange, Rule_CnQualityWithin7,     true,  exchange, false, brand",
      "direct,    CN, damaged_in_transit, online,  30,   false,  null,  false, exchange, Rule_CnQualityAfter7,      true,  exchange, true,  brand",
      // EU: 14 days, then the 2-year legal guarantee (day 14/15, day 730/731)
      "direct,    EU, quality_defect,     online,  14,   true,   null,  false, refund,   Rule_EuQualityWithin14,    true,  refund,   false, brand",
      "direct,    EU, quality_defect,     online,  15,   true,   null,  false, refund,   Rule_EuQualityGuarantee,   true,  refund,   true,  brand",
      "direct,    EU, wrong_item,         store,   730,  false,  null,  false, exchange, Rule_EuQualityGuarantee,   true,  exchange, true,  brand",
      "direct,    EU, quality_defect,     online,  731,  true,   null,  false, refund,   Rule_QualityOutOfTime,     false, refund,   false, customer",
      // US brand policy: 30 days, then review within a year (day 30/31, day 365/366)
      "direct,    US, quality_defect,     online,  30,   true,   null,  false, refund,   Rule_UsQualityWithin30,    true,  refund,   false, brand",
      "direct,    US, quality_defect,     online,  31,   true,   null,  false, refund,   Rule_UsQualityWithinYear,  true,  refund,   true,  brand",
      "direct,    US, quality_defect,     store,   365,  true,   null,  false, exchange, Rule_UsQualityWithinYear,  true,  exchange, true,  brand",
      "direct,    US, quality_defect,     store,   366,  true,   null,  false, exchange, Rule_QualityOutOfTime,     false, exchange, false, customer",
      // change of mind
      "direct,    CN, changed_mind,       online,  3,    false,  null,  true,  refund,   Rule_ChangedMindExpired,   false, refund,   false, customer",
      "direct,    CN, changed_mind,       online,  7,    true,   true,  false, refund,   Rule_CnOpenedExcluded,     false, refund,   false, customer",
      "direct,    CN, changed_mind,       online,  7,    true,   false, false, refund,   Rule_CnOpenedNotConfirmed, true,  refund,   true,  customer",
      "direct,    CN, changed_mind,       online,  5,    true,   null,  false, refund,   Rule_CnOpenedNotConfirmed, true,  refund,   true,  customer",
      "direct,    CN, changed_mind,       online,  7,    false,  null,  false, refund,   Rule_CnNoReason,           true,  refund,   false, customer",
      "direct,    CN, changed_mind,       online,  8,    false,  null,  false, refund,   Rule_ChangedMindOutOfTime, false, refund,   false, customer",
      "direct,    CN, changed_mind,       store,   1,    false,  null,  false, refund,   Rule_ChangedMindOutOfTime, false, refund,   false, customer",
      "direct,    EU, changed_mind,       online,  14,   true,   null,  false, refund,   Rule_EuOpenedHygiene,      false, refund,   false, customer",
      "direct,    EU, changed_mind,       online,  14,   false,  null,  false, exchange, Rule_EuWithdrawal,         true,  refund,   false, customer",
      "direct,    EU, changed_mind,       online,  15,   false,  null,  false, refund,   Rule_ChangedMindOutOfTime, false, refund,   false, customer",
      "direct,    US, changed_mind,       store,   30,   false,  null,  false, exchange, Rule_UsUnopened,           true,  exchange, false, customer",
      "direct,    US, changed_mind,       online,  30,   true,   null,  false, refund,   Rule_UsOpened,             true,  refund,   true,  customer",
      "direct,    US, changed_mind,       online,  31,   false,  null,  false, refund,   Rule_ChangedMindOutOfTime, false, refund,   false, customer",
      // a reason the table does not know yet goes to a clerk
      "direct,    EU, not_yet_known,      online,  1,    false,  null,  false, refund,   Rule_Otherwise,            false, refund,   true,  customer"})
  void decidesEligibilityReviewAndShipping(String origin, String market, String reason, String channel, int days,
      boolean opened, Boolean sealConfirmed, boolean expired, String requested, String rule, boolean eligible,
      String settlement, boolean review, String shipping) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("origin", origin);
    inputs.put("market", market);
    inputs.put("reason", reason);
    inputs.put("purchaseChannel", channel);
    inputs.put("periodDay", days);
    inputs.put("opened", opened);
    inputs.put("sealConfirmedAtPurchase", sealConfirmed);
    inputs.put("expired", expired);
    inputs.put("requested", requested);

    DecisionTable.Result result = ELIGIBILITY.evaluate(inputs);

    assertThat(result.rule()).isEqualTo(rule);
    assertThat((Boolean) result.outputs().getEntry("eligible")).isEqualTo(eligible);
    assertThat((String) result.outputs().getEntry("settlement")).isEqualTo(settlement);
    assertThat((Boolean) result.outputs().getEntry("reviewNeeded")).isEqualTo(review);
    assertThat((String) result.outputs().getEntry("shippingPaidBy")).isEqualTo(shipping);
    assertThat((String) result.outputs().getEntry("eligibilityBasis")).isNotBlank();
    // the customer is told a sentence in their language when no clerk decides; a clerk writes it otherwise
    String zh = result.outputs().getEntry("customerNoteZh");
    String en = result.outputs().getEntry("customerNoteEn");
    if (review) {
      assertThat(zh).isNullOrEmpty();
      assertThat(en).isNullOrEmpty();
    } else {
      assertThat(zh).isNotBlank().containsPattern("\\p{IsHan}").isNotEqualTo(result.outputs().getEntry("eligibilityBasis"));
      assertThat(en).isNotBlank().doesNotContainPattern("\\p{IsHan}")
          .isNotEqualTo(result.outputs().getEntry("eligibilityBasis"));
    }
    // only a withdrawal's refund runs by the 14 days of Directive 2011/83/EU art. 13(1)
    assertThat((String) result.outputs().getEntry("refundClock"))
        .isEqualTo(rule.equals("Rule_EuWithdrawal") ? "return.refund.EU.withdrawal" : "return.refund");
    assertThat((String) result.outputs().getEntry("exchangeClock")).isEqualTo("return.replacement");
  }

  @Test
  void aSettlementRunsByTheRefundClockTheDecisionNamesOrTheReplacementTarget() {
    assertThat(ReturnDelegates.settlementClock("refund", "return.refund.EU.withdrawal", "return.replacement"))
        .isEqualTo("return.refund.EU.withdrawal");
    // a clerk who changes a withdrawal into an exchange: the replacement target
    assertThat(ReturnDelegates.settlementClock("exchange", "return.refund.EU.withdrawal", "return.replacement"))
        .isEqualTo("return.replacement");
    // an instance of a diagram version before the outputs: the brand's targets
    assertThat(ReturnDelegates.settlementClock("refund", null, null)).isEqualTo("return.refund");
    assertThat(ReturnDelegates.settlementClock("exchange", null, null)).isEqualTo("return.replacement");
  }

  @Test
  void daysAreCountedFromTheDayAfterDelivery() {
    LocalDate delivered = LocalDate.of(2026, 11, 1);
    assertThat(Returns.daysSinceDelivery(delivered, LocalDate.of(2026, 11, 1))).isZero();
    assertThat(Returns.daysSinceDelivery(delivered, LocalDate.of(2026, 11, 8))).isEqualTo(7);
    assertThat(Returns.daysSinceDelivery(delivered, LocalDate.of(2026, 11, 9))).isEqualTo(8);
    assertThat(Returns.daysSinceDelivery(LocalDate.of(2026, 2, 26), LocalDate.of(2026, 3, 5))).isEqualTo(7);
  }

  private static final DecisionTable REASON = new DecisionTable("/processes/complaint-return-reason.dmn",
      "complaintReturnReason");

  @ParameterizedTest(name = "complaint category {0} -> return reason {2} by {1}")
  @CsvSource(nullValues = "null", value = {
      "irritation_allergy,    Rule_IrritationAllergy, adverse_reaction",
      "packaging_damage,      Rule_DamagedInTransit,  damaged_in_transit",
      "logistics,             Rule_DamagedInTransit,  damaged_in_transit",
      "shade_mismatch,        Rule_WrongItem,         wrong_item",
      "efficacy,              Rule_QualityDefect,     quality_defect",
      "counterfeit_suspicion, Rule_QualityDefect,     quality_defect",
      // a category a process owner adds to triage before giving it a rule here
      "texture_change,        Rule_QualityDefect,     quality_defect"})
  void complaintCategoriesGiveTheReturnReason(String category, String rule, String reason) {
    DecisionTable.Result result = REASON.evaluate(Map.of("category", category));
    assertThat(result.rule()).isEqualTo(rule);
    assertThat((String) result.outputs().getEntry("reason")).isEqualTo(reason);
  }
}
