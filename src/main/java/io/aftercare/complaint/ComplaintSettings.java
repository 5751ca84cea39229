package io.aftercare.complaint;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When a complaint counts as a repeat ({@code aftercare.complaint}). Which resolution a supervisor
 * approves is the process owners' decision table, processes/complaint-approval.dmn.
 */
@ConfigurationProperties("aftercare.complaint")
public record ComplaintSettings(Period repeatCustomerWindow, Period batchWindow, int batchThreshold) {

  public ComplaintSettings {
    repeatCustomerWindow = repeatCustomerWindow == null ? Period.ofDays(90) : repeatCustomerWindow;
    batchWindow = batchWindow == null ? Period.ofDays(30) : batchWindow;
    batchThreshold = batchThreshold <= 0 ? 3 : batchThreshold;
  }
}
