package io.aftercare.complaint;

import static io.aftercare.complaint.ComplaintProcess.*;

import io.aftercare.process.CaseVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * A complaint reopened after a dissatisfied callback: the same case number (business key), the
 * complaint as recorded, the customer's comment in front, the clocks counting from now.
 */
@Component("reopenComplaint")
class ReopenComplaintDelegate implements JavaDelegate {

  private final ComplaintService complaints;

  ReopenComplaintDelegate(ComplaintService complaints) {
    this.complaints = complaints;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = CaseVariables.caseNumber(execution);
    ComplaintService.Reopened complaint = complaints.reopen(caseNumber);
    execution.setProcessBusinessKey(caseNumber);
    execution.setVariable(CaseVariables.CUSTOMER_ID, complaint.customerId());
    execution.setVariable(CUSTOMER_NAME, complaint.customerName());
    execution.setVariable(CaseVariables.MARKET, complaint.market());
    execution.setVariable(CUSTOMER_TIER, complaint.tier());
    execution.setVariable(SKU, complaint.sku());
    execution.setVariable(BATCH, complaint.batch());
    execution.setVariable(PRODUCT, complaint.product());
    execution.setVariable(DESCRIPTION, complaint.description());
    // a new exchange or refund hands the purchase to the return process
    execution.setVariable(ORDER_NUMBER, complaint.orderNumber());
    execution.setVariable(PURCHASE_CHANNEL, complaint.purchaseChannel());
    execution.setVariable(PURCHASE_DATE, complaint.purchaseDate().toString());
    Object comment = execution.getVariable("comment");
    execution.setVariable(REPEAT_NOTE, "Reopened: the customer was not satisfied with the outcome"
        + (comment == null ? "." : " — \"" + comment + "\""));
    execution.setVariable(RECEIVED_AT, ClockUtil.getCurrentTime());
  }
}
