package io.aftercare.complaint;

import static io.aftercare.complaint.ComplaintProcess.*;

import io.aftercare.casefile.CaseVariables;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The complaint rules used in the diagram's conditions:
 * {@code ${complaintPolicy.needsApproval(execution)}} — every refund, compensation above the
 * market's threshold, and whatever triage marked for approval.
 */
@Component("complaintPolicy")
public class ComplaintPolicy {

  private final ComplaintSettings settings;

  ComplaintPolicy(ComplaintSettings settings) {
    this.settings = settings;
  }

  public boolean needsApproval(DelegateExecution execution) {
    String resolution = (String) execution.getVariable(RESOLUTION);
    if (Boolean.TRUE.equals(execution.getVariable("approvalRequired")) || "refund".equals(resolution)) {
      return true;
    }
    if ("compensation".equals(resolution)) {
      Object amount = execution.getVariable(COMPENSATION);
      BigDecimal value = amount == null ? BigDecimal.ZERO : new BigDecimal(amount.toString());
      return value.compareTo(settings.approvalThreshold().get(CaseVariables.market(execution))) > 0;
    }
    return false;
  }
}
