package io.aftercare.complaint;

import io.aftercare.customer.ContactMask;
import static io.aftercare.complaint.ComplaintProcess.*;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aftercare.customer.CustomerLocale;
import io.aftercare.customer.Market;
import io.aftercare.process.CaseVariables;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The first step of a complaint, whether it came through the API or the Tasklist start form:
 * stores it (customer matched or created, case opened, repeats flagged) and sets what the process
 * and its tasks show — case number (also the business key), customer, tier, market, product,
 * repeat flags.
 */
@Component("registerComplaint")
class RegisterComplaintDelegate implements JavaDelegate {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ComplaintService complaints;

  RegisterComplaintDelegate(ComplaintService complaints) {
    this.complaints = complaints;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    ComplaintRegistration registration = new ComplaintRegistration(
        INTAKE_CHANNEL.get(execution),
        CaseVariables.customerId(execution),
        CaseVariables.CUSTOMER_NAME.get(execution),
        CaseVariables.CUSTOMER_EMAIL.get(execution),
        CaseVariables.CUSTOMER_PHONE.get(execution),
        // a known customer (by id) brings their market; a new one must name it
        CaseVariables.customerId(execution) != null && text(execution, CaseVariables.MARKET) == null ? null
            : Market.valueOf(required(execution, CaseVariables.MARKET)),
        CustomerLocale.of(LOCALE.get(execution) == null ? "en" : LOCALE.get(execution)),
        CaseVariables.SKU.required(execution).trim().toUpperCase(),
        CaseVariables.BATCH.get(execution),
        CaseVariables.ORDER_NUMBER.get(execution),
        CaseVariables.PURCHASE_CHANNEL.required(execution),
        CaseVariables.PURCHASE_DATE.required(execution),
        DESCRIPTION.required(execution),
        attachments(ATTACHMENTS.get(execution)));
    Date now = ClockUtil.getCurrentTime();
    // started from an enquiry, the complaint joins the enquiry's case
    ComplaintService.Registered registered = complaints.register(registration,
        text(execution, CaseVariables.CASE_NUMBER), now.toInstant());
    // the links now live in complaint_attachment; the process keeps none of them
    execution.removeVariable(ATTACHMENTS.name());
    // the contact is the customer's record now; the process shows the name masked
    execution.removeVariables(List.of(CaseVariables.CUSTOMER_EMAIL.name(), CaseVariables.CUSTOMER_PHONE.name()));
    RECEIVED_AT.set(execution, now);

    execution.setVariable(CaseVariables.CASE_NUMBER, registered.caseNumber());
    execution.setProcessBusinessKey(registered.caseNumber());
    execution.setVariable(CaseVariables.CUSTOMER_ID, registered.customer().id());
    CaseVariables.CUSTOMER_NAME.set(execution, ContactMask.name(registered.customer().name()));
    execution.setVariable(CaseVariables.MARKET, registered.customer().market().name());
    CaseVariables.CUSTOMER_TIER.set(execution, registered.customer().tier().name());
    CaseVariables.PRODUCT.set(execution, registered.product().sku() + " " + registered.product().name());
    REPEAT_CUSTOMER.set(execution, registered.repeatCustomer());
    REPEAT_BATCH.set(execution, registered.repeatBatch());
    REPEAT_NOTE.set(execution, repeatNote(registered));
  }

  private static String repeatNote(ComplaintService.Registered registered) {
    StringBuilder note = new StringBuilder();
    if (registered.repeatCustomer()) {
      note.append("Repeat: this customer complained before within the repeat window. ");
    }
    if (registered.repeatBatch()) {
      note.append("Batch signal: ").append(registered.batchComplaints())
          .append(" complaints on this batch within the batch window.");
    }
    return note.isEmpty() ? "No earlier complaints from this customer or on this batch." : note.toString().trim();
  }

  private static String text(DelegateExecution execution, String name) {
    return CaseVariables.text(execution, name);
  }

  private static String required(DelegateExecution execution, String name) {
    return CaseVariables.required(execution, name, "A complaint");
  }

  static List<ComplaintRegistration.Attachment> attachments(Object value) throws Exception {
    if (value == null || value.toString().isBlank()) {
      return List.of();
    }
    return JSON.readValue(value.toString(), new TypeReference<List<ComplaintRegistration.Attachment>>() {});
  }
}
