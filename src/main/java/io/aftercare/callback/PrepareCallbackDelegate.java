package io.aftercare.callback;

import static io.aftercare.callback.CallbackProcess.*;

import io.aftercare.api.ApiExceptionHandler.FieldProblem;
import io.aftercare.api.InvalidRequestException;
import io.aftercare.casefile.CaseFiles;
import io.aftercare.casefile.CaseIntake;
import io.aftercare.complaint.ComplaintService;
import io.aftercare.customer.ContactMask;
import io.aftercare.customer.Customer;
import io.aftercare.customer.CustomerService;
import io.aftercare.process.CaseVariables;
import java.util.List;
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

  /** The reasons callback-plan.dmn plans for (the API's CallbackController.Reason). */
  static final List<String> REASONS = java.util.Arrays.stream(CallbackController.Reason.values())
      .map(Object::toString).toList();

  private final CustomerService customers;
  private final CaseIntake intake;
  private final ComplaintService complaints;
  private final CallbackRecords callbacks;
  private final CaseFiles caseFiles;

  PrepareCallbackDelegate(CustomerService customers, CaseIntake intake, ComplaintService complaints,
      CallbackRecords callbacks, CaseFiles caseFiles) {
    this.caseFiles = caseFiles;
    this.customers = customers;
    this.intake = intake;
    this.complaints = complaints;
    this.callbacks = callbacks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Long customerId = CaseVariables.customerId(execution);
    String given = CaseVariables.text(execution, CaseVariables.CASE_NUMBER);
    if (customerId == null && given != null) {
      // an agent planning a care call in Tasklist names the case; the call goes to its customer
      customerId = caseFiles.customerOf(given.trim()).orElseThrow(() -> new InvalidRequestException(List.of(
          new FieldProblem(CaseVariables.CASE_NUMBER, "is not a case with a known customer"))));
      execution.setVariable(CaseVariables.CASE_NUMBER, given.trim());
      execution.setVariable(CaseVariables.CUSTOMER_ID, customerId);
      if (REASON.get(execution) == null) {
        REASON.set(execution, "care_call");
      }
    }
    if (customerId == null) {
      throw new InvalidRequestException(List.of(new FieldProblem(CaseVariables.CASE_NUMBER,
          "is required: the case whose customer is called")));
    }
    long known = customerId;
    Customer customer = customers.find(known).orElseThrow(() -> new InvalidRequestException(List.of(
        new FieldProblem(CaseVariables.CUSTOMER_ID, "is not a known customer"))));
    Object reason = REASON.get(execution);
    if (reason == null) {
      throw new InvalidRequestException(List.of(new FieldProblem(REASON.name(), "is required")));
    }
    if (!REASONS.contains(reason.toString())) {
      throw new InvalidRequestException(List.of(new FieldProblem(REASON.name(), "must be one of " + REASONS)));
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
