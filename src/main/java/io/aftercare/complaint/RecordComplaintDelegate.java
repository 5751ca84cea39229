package io.aftercare.complaint;

import static io.aftercare.complaint.ComplaintProcess.*;

import io.aftercare.process.CaseVariables;
import io.aftercare.process.InputParameters;
import io.aftercare.returns.Returns;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Writes what a complaint's tasks decided into the complaint record, for the case and the reports.
 * Input parameter {@code stage}: {@code triage} (category, severity), {@code resolution}
 * (resolution, compensation; sets {@code earlierRefunds}, the refunds of the same order so far,
 * which the approval decision reads) or {@code closed} (with input parameter {@code outcome}).
 */
@Component("recordComplaint")
class RecordComplaintDelegate implements JavaDelegate {

  private final ComplaintService complaints;
  private final Returns returns;

  RecordComplaintDelegate(ComplaintService complaints, Returns returns) {
    this.complaints = complaints;
    this.returns = returns;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = CaseVariables.caseNumber(execution);
    switch (InputParameters.required(execution, "recordComplaint", "stage")) {
      case "triage" -> complaints.recordTriage(caseNumber, CATEGORY.get(execution),
          Integer.parseInt(String.valueOf(SEVERITY.get(execution))));
      case "resolution" -> {
        Object amount = COMPENSATION.get(execution);
        complaints.recordResolution(caseNumber, RESOLUTION.get(execution),
            amount == null ? null : new BigDecimal(amount.toString()), TEAM.get(execution));
        // what the approval decision and the approver see: the order's refunds so far
        EARLIER_REFUNDS.set(execution, returns.refundsOfOrder(
            CaseVariables.ORDER_NUMBER.get(execution), caseNumber));
      }
      case "closed" -> complaints.recordOutcome(caseNumber,
          InputParameters.required(execution, "recordComplaint", "outcome"),
          ClockUtil.getCurrentTime().toInstant());
      case "return" -> complaints.recordReturnOutcome(caseNumber, (String) execution.getVariable("returnOutcome"));
      default -> throw new IllegalArgumentException("recordComplaint: unknown stage on "
          + execution.getCurrentActivityId() + ", expected triage, resolution, closed or return");
    }
  }
}
