package io.aftercare.complaint;

import static io.aftercare.complaint.ComplaintProcess.*;

import io.aftercare.customer.ContactMask;
import io.aftercare.process.CaseVariables;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Opens a complaint on the case of the process it runs in (an enquiry whose answer showed it is a
 * complaint): starts complaint handling with what the agent entered in the complaint registration
 * form of the step before, on the same case — registration, checks and intake as for every other
 * complaint (a wrong product or batch fails the agent's step with the reason).
 */
@Component("startComplaint")
class StartComplaintDelegate implements JavaDelegate {

  /** The fields of forms/register-complaint.form, which the step before collected. */
  static final List<String> FORM_VARIABLES = List.of(INTAKE_CHANNEL.name(), CaseVariables.CUSTOMER_NAME.name(),
      CaseVariables.CUSTOMER_EMAIL.name(), CaseVariables.CUSTOMER_PHONE.name(), CaseVariables.MARKET, LOCALE.name(), CaseVariables.SKU.name(), CaseVariables.BATCH.name(),
      CaseVariables.PURCHASE_CHANNEL.name(), CaseVariables.PURCHASE_DATE.name(), CaseVariables.ORDER_NUMBER.name(),
      DESCRIPTION.name(), ATTACHMENTS.name());

  private final RuntimeService runtime;

  StartComplaintDelegate(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = CaseVariables.caseNumber(execution);
    Map<String, Object> variables = new HashMap<>();
    variables.put(CaseVariables.CASE_NUMBER, caseNumber);
    if (CaseVariables.customerId(execution) != null) {
      variables.put(CaseVariables.CUSTOMER_ID, CaseVariables.customerId(execution));
    }
    for (String name : FORM_VARIABLES) {
      if (execution.getVariable(name) != null) {
        variables.put(name, execution.getVariable(name));
      }
    }
    runtime.createProcessInstanceByKey(KEY).businessKey(caseNumber).setVariables(variables).execute();
    // the complaint's registration stored the contact; the enquiry keeps none of it
    execution.removeVariables(List.of(CaseVariables.CUSTOMER_EMAIL.name(), CaseVariables.CUSTOMER_PHONE.name()));
    CaseVariables.CUSTOMER_NAME.set(execution, ContactMask.name(CaseVariables.CUSTOMER_NAME.get(execution)));
  }
}
