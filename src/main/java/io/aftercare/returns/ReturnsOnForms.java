package io.aftercare.returns;

import io.aftercare.customer.CustomerLocale;
import io.aftercare.customer.CustomerService;
import io.aftercare.privacy.TaskFormAdditions;
import io.aftercare.privacy.TaskForm;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/**
 * The clerk's message to the customer on the return review starts in the customer's language, from
 * a sentence for taking the product back or not, never from the rules' own text ({@code
 * eligibilityBasis}, in English, which the form shows the clerk beside it; instances started before
 * the decision told the customer in their language had it as the note). The clerk completes it.
 */
@Component
class ReturnsOnForms implements TaskFormAdditions {

  static final String REVIEW = "Task_Review";

  private final CustomerService customers;

  ReturnsOnForms(CustomerService customers) {
    this.customers = customers;
  }


  @Override
  public void addToTaskForm(TaskForm form, VariableMap variables) {
    if (!ReturnProcess.KEY.equals(form.processDefinitionKey()) || !REVIEW.equals(form.taskDefinitionKey())
        || form.customerId() == null) {
      return;
    }
    Object note = variables.get(ReturnProcess.DECISION_NOTE.name());
    Object basis = variables.get(ReturnProcess.ELIGIBILITY_BASIS.name());
    if (note != null && !note.toString().isBlank() && !note.equals(basis)) {
      return;
    }
    boolean eligible = Boolean.TRUE.equals(variables.get("eligible"));
    CustomerLocale locale = customers.find(form.customerId()).map(c -> c.locale()).orElse(CustomerLocale.EN);
    variables.putValue(ReturnProcess.DECISION_NOTE.name(), starter(locale, eligible));
  }

  static String starter(CustomerLocale locale, boolean eligible) {
    if (locale == CustomerLocale.ZH_CN) {
      return eligible ? "我们已审核您的退换货申请，可以为您办理。" : "很抱歉，我们无法为您办理此次退换货，原因是：";
    }
    return eligible ? "We have reviewed your request and can take the product back."
        : "We are sorry: we cannot take this product back, because ";
  }
}
