package io.aftercare.casefile;

import io.aftercare.customer.Customer;
import io.aftercare.customer.CustomerService;
import io.aftercare.process.CaseVariables;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Gives a process started without a case (e.g. from a Tasklist start form) its case number: opens
 * a case, sets {@code caseNumber} and makes it the business key. A process that already has a
 * case number keeps it. Without {@code customerId}, the customer is looked up by the variable
 * {@code contact} (e-mail or phone); when exactly one matches, {@code customerId} and
 * {@code customerTier} are set and the case is theirs.
 */
@Component("openCase")
class OpenCaseDelegate implements JavaDelegate {

  static final String CONTACT = "contact";
  /** The channel the enquiry came in through (the start form's select), optional. */
  static final String INTAKE_CHANNEL = "intakeChannel";

  private final CaseIntake intake;
  private final CustomerService customers;

  OpenCaseDelegate(CaseIntake intake, CustomerService customers) {
    this.intake = intake;
    this.customers = customers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Long customerId = CaseVariables.customerId(execution);
    Optional<Customer> customer = customerId != null ? customers.find(customerId)
        : customers.findByContact((String) execution.getVariable(CONTACT));
    customer.ifPresent(c -> {
      execution.setVariable(CaseVariables.CUSTOMER_ID, c.id());
      CaseVariables.CUSTOMER_TIER.set(execution, c.tier().name());
    });
    String caseNumber = (String) execution.getVariable(CaseVariables.CASE_NUMBER);
    if (caseNumber == null) {
      caseNumber = intake.openOrJoin(null, CaseVariables.CASE_NUMBER, customer.map(Customer::id).orElse(null),
          (String) execution.getVariable(CaseVariables.MARKET), IntakeChannel.of(execution.getVariable(INTAKE_CHANNEL)));
      execution.setVariable(CaseVariables.CASE_NUMBER, caseNumber);
    }
    execution.setProcessBusinessKey(caseNumber);
  }
}
