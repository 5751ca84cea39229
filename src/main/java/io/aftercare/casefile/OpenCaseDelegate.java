package io.aftercare.casefile;

import io.aftercare.customer.ContactMask;
import io.aftercare.customer.Customer;
import io.aftercare.customer.CustomerLocale;
import io.aftercare.customer.Market;
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
    String contact = CaseVariables.text(execution, CONTACT);
    Optional<Customer> customer = customerId != null ? customers.find(customerId)
        : customers.findByContact(contact).or(() -> register(execution, contact));
    customer.ifPresent(c -> {
      execution.setVariable(CaseVariables.CUSTOMER_ID, c.id());
      CaseVariables.CUSTOMER_TIER.set(execution, c.tier().name());
    });
    // the contact and name stay in the customer's record; the process shows them masked
    if (contact != null) {
      execution.setVariable(CONTACT, ContactMask.contact(contact));
    }
    String name = CaseVariables.CUSTOMER_NAME.get(execution);
    if (name != null || customer.isPresent()) {
      CaseVariables.CUSTOMER_NAME.set(execution, ContactMask.name(customer.map(Customer::name).orElse(name)));
    }
    String caseNumber = (String) execution.getVariable(CaseVariables.CASE_NUMBER);
    if (caseNumber == null) {
      caseNumber = intake.openOrJoin(null, CaseVariables.CASE_NUMBER, customer.map(Customer::id).orElse(null),
          (String) execution.getVariable(CaseVariables.MARKET), IntakeChannel.of(execution.getVariable(INTAKE_CHANNEL)));
      execution.setVariable(CaseVariables.CASE_NUMBER, caseNumber);
    }
    execution.setProcessBusinessKey(caseNumber);
  }

  /**
   * A caller we do not know yet, who left a usable e-mail address or phone number and a name: a
   * new customer, so that the answer can reach them and their contact is kept where contact data
   * belongs. Served in Chinese in the CN market, in English elsewhere (the enquiry form asks no
   * language).
   */
  private Optional<Customer> register(DelegateExecution execution, String contact) {
    String name = CaseVariables.CUSTOMER_NAME.get(execution);
    String market = CaseVariables.text(execution, CaseVariables.MARKET);
    if (contact == null || name == null || market == null || customers.hasContact(contact)) {
      return Optional.empty();
    }
    String value = contact.trim();
    boolean email = value.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    boolean phone = value.matches("\\+?[0-9 -]{6,20}");
    if (!email && !phone) {
      return Optional.empty();
    }
    Market customerMarket = Market.valueOf(market);
    return Optional.of(customers.findOrRegister(null, name.trim(), email ? value : null, phone ? value : null,
        customerMarket, customerMarket == Market.CN ? CustomerLocale.ZH_CN : CustomerLocale.EN));
  }
}
