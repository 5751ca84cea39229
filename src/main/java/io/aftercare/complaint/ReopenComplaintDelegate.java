package io.aftercare.complaint;

import io.aftercare.customer.ContactMask;
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
    CaseVariables.CUSTOMER_NAME.set(execution, ContactMask.name(complaint.customerName()));
    execution.setVariable(CaseVariables.MARKET, complaint.market());
    CaseVariables.CUSTOMER_TIER.set(execution, complaint.tier());
    CaseVariables.SKU.set(execution, complaint.sku());
    CaseVariables.BATCH.set(execution, complaint.batch());
    CaseVariables.PRODUCT.set(execution, complaint.product());
    DESCRIPTION.set(execution, complaint.description());
    // a new exchange or refund hands the purchase to the return process
    CaseVariables.ORDER_NUMBER.set(execution, complaint.orderNumber());
    CaseVariables.PURCHASE_CHANNEL.set(execution, complaint.purchaseChannel());
    CaseVariables.PURCHASE_DATE.set(execution, complaint.purchaseDate());
    Object comment = execution.getVariable("comment");
    REPEAT_NOTE.set(execution, "Reopened: the customer was not satisfied with the outcome"
        + (comment == null ? "." : " — \"" + comment + "\""));
    RECEIVED_AT.set(execution, ClockUtil.getCurrentTime());
  }
}
