package io.aftercare.complaint;

import io.aftercare.customer.Market;
import java.math.BigDecimal;
import java.time.Period;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The brand's complaint rules that process owners may change ({@code aftercare.complaint}): when a
 * complaint counts as a repeat, and above which compensation (market currency) a supervisor approves.
 */
@ConfigurationProperties("aftercare.complaint")
public record ComplaintSettings(Period repeatCustomerWindow, Period batchWindow, int batchThreshold,
    Map<Market, BigDecimal> approvalThreshold) {

  public ComplaintSettings {
    repeatCustomerWindow = repeatCustomerWindow == null ? Period.ofDays(90) : repeatCustomerWindow;
    batchWindow = batchWindow == null ? Period.ofDays(30) : batchWindow;
    batchThreshold = batchThreshold <= 0 ? 3 : batchThreshold;
    for (Market market : Market.values()) {
      if (approvalThreshold == null || !approvalThreshold.containsKey(market)) {
        throw new IllegalArgumentException("aftercare.complaint.approval-threshold." + market + " is missing");
      }
    }
  }
}
