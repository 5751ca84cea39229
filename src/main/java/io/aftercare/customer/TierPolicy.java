package io.aftercare.customer;

import java.math.BigDecimal;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a customer's tier follows from the last twelve months: a tier is reached by its yearly spend
 * (in the market's currency) or by its number of orders, whichever comes first. Per market in
 * configuration ({@code aftercare.customer.tiers}).
 */
@ConfigurationProperties("aftercare.customer")
public record TierPolicy(Map<Market, Thresholds> tiers) {

  /** The lower bounds of the high and medium tiers in one market. */
  public record Thresholds(Bound high, Bound medium) {}

  public record Bound(BigDecimal yearlySpend, int orders) {
    boolean reachedBy(BigDecimal spend, int ordersPerYear) {
      return spend.compareTo(yearlySpend) >= 0 || ordersPerYear >= orders;
    }
  }

  public TierPolicy {
    for (Market market : Market.values()) {
      if (tiers == null || !tiers.containsKey(market)) {
        throw new IllegalArgumentException("aftercare.customer.tiers." + market + " is missing");
      }
    }
  }

  public CustomerTier tierOf(Market market, BigDecimal yearlySpend, int ordersPerYear) {
    Thresholds thresholds = tiers.get(market);
    if (thresholds.high().reachedBy(yearlySpend, ordersPerYear)) {
      return CustomerTier.HIGH;
    }
    if (thresholds.medium().reachedBy(yearlySpend, ordersPerYear)) {
      return CustomerTier.MEDIUM;
    }
    return CustomerTier.LOW;
  }
}
