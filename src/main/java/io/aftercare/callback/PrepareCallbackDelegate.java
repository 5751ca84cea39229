package io.aftercare.callback;

import io.aftercare.customer.ContactMask;
import static io.aftercare.callback.CallbackProcess.*;

import io.aftercare.casefile.CaseIntake;
import io.aftercare.complaint.ComplaintService;
import io.aftercare.customer.Customer;
import io.aftercare.customer.CustomerService;
import io.aftercare.process.CaseVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The first step of a callback: who to call (name, tier, market from the customer), on which case
 * (a care call without one opens a case), whether the case is a complaint (to reopen if the
 * customer is not satisfied), and the callback record.
 */
@Component("prepareCallback")
class PrepareCallbackDelegate implements JavaDelegate {

  private final CustomerService customers;
  private final CaseIntake intake;
  private final ComplaintService complaints;
  private final CallbackRecords callbacks;

  PrepareCallbackDelegate(CustomerService customers, CaseIntake intake, ComplaintService complaints,
      CallbackRecords callbacks) {
    this.customers = customers;
    this.intake = intake;
    this.complaints = complaints;
    this.callbacks = callbacks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Long customerId = CaseVariables.customerId(execution);
    if (customerId == null) {
      throw new IllegalArgumentException("A callback needs 'customerId'");
    }
    Customer customer = customers.find(customerId)
        .orElseThrow(() -> new IllegalArgumentException("No customer " + customerId));
    Object reason = REASON.get(execution);
    if (reason == null) {
      throw new IllegalArgumentException("A callback needs 'reason'");
    }
    // a case of another customer is refused, as at the API (Tasklist or /engine-rest starts come here)
    String caseNumber = intake.openOrJoin((String) execution.getVariable(CaseVariables.CASE_NUMBER),
        CaseVariables.CASE_NUMBER, customerId, null, null);
    execution.setVariable(CaseVariables.CASE_NUMBER, caseNumber);
    execution.setProcessBusinessKey(caseNumber);
    CaseVariables.CUSTOMER_NAME.set(execution, ContactMask.name(customer.name()));
    CaseVariables.CUSTOMER_TIER.set(execution, customer.tier().name());
    execution.setVariable(CaseVariables.MARKET, customer.market().name());
    COMPLAINT_CASE.set(execution, complaints.exists(caseNumber));
    ATTEMPT.set(execution, 0);
    CALLBACK_ID.set(execution, callbacks.create(caseNumber, customerId, reason.toString(),
        execution.getProcessInstanceId(), ClockUtil.getCurrentTime().toInstant()));
  }
}
