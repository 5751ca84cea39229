package io.aftercare.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A tier is reached by yearly spend or by orders, whichever comes first, per market. */
class TierPolicyTest {

  private final TierPolicy policy = new TierPolicy(Map.of(
      Market.CN, thresholds(8000, 12, 2000, 4),
      Market.EU, thresholds(1000, 12, 250, 4),
      Market.US, thresholds(1200, 12, 300, 4)));

  @ParameterizedTest(name = "{0} spending {1} in {2} orders is {3}")
  @CsvSource({
      "CN, 8000.00, 1,  HIGH",
      "CN, 7999.99, 11, MEDIUM",
      "CN, 100.00,  12, HIGH",
      "CN, 2000.00, 0,  MEDIUM",
      "CN, 1999.99, 3,  LOW",
      "EU, 1000.00, 0,  HIGH",
      "EU, 249.99,  4,  MEDIUM",
      "EU, 249.99,  3,  LOW",
      "US, 1199.99, 11, MEDIUM",
      "US, 0,       0,  LOW"})
  void tierFollowsSpendOrFrequency(Market market, BigDecimal spend, int orders, CustomerTier tier) {
    assertThat(policy.tierOf(market, spend, orders)).isEqualTo(tier);
  }

  private static TierPolicy.Thresholds thresholds(int highSpend, int highOrders, int mediumSpend, int mediumOrders) {
    return new TierPolicy.Thresholds(new TierPolicy.Bound(BigDecimal.valueOf(highSpend), highOrders),
        new TierPolicy.Bound(BigDecimal.valueOf(mediumSpend), mediumOrders));
  }
}
