package io.aftercare.casefile;

import io.aftercare.customer.ContactMask;
import io.aftercare.customer.CustomerService;
import io.aftercare.privacy.PersonalData;
import io.aftercare.privacy.TaskForm;
import io.aftercare.process.CaseVariables;
import java.util.Set;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/**
 * A customer's contact data lives in {@code customer}. Start and task forms that collect a name,
 * e-mail or phone pass them to the step that stores them (complaint registration, opening an
 * enquiry's case), which leaves the process the masked name ({@code customerName}: 王**, S. M.)
 * and nothing else; none of these values reach Camunda's history. Every task form of a case with
 * a customer shows the masked contact as {@code customerContact}; the full contact is one
 * deliberate, logged read away ({@code GET /api/customers/{id}/contact?purpose=…}).
 */
@Component
class CustomerOnForms implements PersonalData {

  private final CustomerService customers;

  CustomerOnForms(CustomerService customers) {
    this.customers = customers;
  }

  @Override
  public Set<String> personalVariables() {
    return Set.of(CaseVariables.CUSTOMER_NAME.name(), CaseVariables.CUSTOMER_EMAIL.name(),
        CaseVariables.CUSTOMER_PHONE.name(), OpenCaseDelegate.CONTACT);
  }

  @Override
  public void addToTaskForm(TaskForm form, VariableMap variables) {
    if (form.customerId() != null) {
      customers.find(form.customerId()).ifPresent(customer -> {
        String contact = customer.phone() != null ? customer.phone() : customer.email();
        variables.putValue("customerContact", ContactMask.contact(contact));
        variables.putValue("customerContactLink", "/api/customers/" + customer.id() + "/contact?purpose=task+"
            + form.taskDefinitionKey() + (form.caseNumber() == null ? "" : "&caseNumber=" + form.caseNumber()));
      });
    }
  }
}
