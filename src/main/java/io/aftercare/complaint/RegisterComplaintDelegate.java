package io.aftercare.complaint;

import io.aftercare.customer.ContactMask;
import static io.aftercare.complaint.ComplaintProcess.*;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aftercare.customer.CustomerLocale;
import io.aftercare.customer.Market;
import io.aftercare.process.CaseVariables;
import io.aftercare.product.ProductCatalogue;
import io.aftercare.api.FormProblems;
import io.aftercare.api.InvalidRequestException;
import io.aftercare.casefile.IntakeChannel;
import io.aftercare.customer.CustomerReference;
import jakarta.validation.Validator;
import java.util.Date;
import java.util.Map;
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
  private final Validator validator;
  private final ProductCatalogue catalogue;

  RegisterComplaintDelegate(ComplaintService complaints, Validator validator, ProductCatalogue catalogue) {
    this.catalogue = catalogue;
    this.complaints = complaints;
    this.validator = validator;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    ComplaintRegistration registration = complaints.withOrder(validated(execution).toRegistration());
    Date now = ClockUtil.getCurrentTime();
    // started from an enquiry, the complaint joins the enquiry's case
    ComplaintService.Registered registered;
    try {
      registered = complaints.register(registration, text(execution, CaseVariables.CASE_NUMBER), now.toInstant());
    } catch (InvalidRequestException e) {
      throw new FormProblems(FORM_KEYS).renamed(e);
    }
    // the links now live in complaint_attachment; the process keeps none of them
    execution.removeVariable(ATTACHMENTS.name());
    // the contact is the customer's record now; the process shows the name masked
    execution.removeVariables(List.of(CaseVariables.CUSTOMER_EMAIL.name(), CaseVariables.CUSTOMER_PHONE.name()));
    RECEIVED_AT.set(execution, now);
    // what the order the form named filled in
    CaseVariables.PURCHASE_DATE.set(execution, registration.purchaseDate());
    CaseVariables.BATCH.set(execution, registration.batch());

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

  /** The form keys of the request's fields (a Tasklist start form and the API share the rules). */
  static final Map<String, String> FORM_KEYS = Map.ofEntries(Map.entry("channel", INTAKE_CHANNEL.name()),
      Map.entry("customer", "customer"), Map.entry("customer.name", CaseVariables.CUSTOMER_NAME.name()),
      Map.entry("customer.email", CaseVariables.CUSTOMER_EMAIL.name()),
      Map.entry("customer.phone", CaseVariables.CUSTOMER_PHONE.name()), Map.entry("customer.market", CaseVariables.MARKET),
      Map.entry("customer.locale", LOCALE.name()), Map.entry("customer.identified", "customer"),
      Map.entry("product.sku", CaseVariables.SKU.name()), Map.entry("product.batch", CaseVariables.BATCH.name()),
      Map.entry("purchase.orderNumber", CaseVariables.ORDER_NUMBER.name()),
      Map.entry("purchase.channel", CaseVariables.PURCHASE_CHANNEL.name()),
      Map.entry("purchase.date", CaseVariables.PURCHASE_DATE.name()), Map.entry("description", DESCRIPTION.name()),
      Map.entry("attachments", ATTACHMENTS.name()));

  /**
   * The complaint as the process was started with it, checked by the rules of {@code POST
   * /api/complaints} ({@link ComplaintRequest}): a Tasklist start form or an {@code /engine-rest}
   * start is refused with each bad field named by its form key, as the API names it by its path.
   */
  private ComplaintRequest validated(DelegateExecution execution) throws Exception {
    FormProblems problems = new FormProblems(FORM_KEYS);
    Long customerId = CaseVariables.customerId(execution);
    String market = text(execution, CaseVariables.MARKET);
    String locale = LOCALE.get(execution);
    String channel = INTAKE_CHANNEL.get(execution);
    String purchaseChannel = CaseVariables.PURCHASE_CHANNEL.get(execution);
    Object purchaseDate = execution.getVariable(CaseVariables.PURCHASE_DATE.name());
    ComplaintRequest request = new ComplaintRequest(
        problems.parse(INTAKE_CHANNEL.name(), channel, () -> IntakeChannel.of(channel)),
        new CustomerReference(customerId, CaseVariables.CUSTOMER_NAME.get(execution),
            CaseVariables.CUSTOMER_PHONE.get(execution), CaseVariables.CUSTOMER_EMAIL.get(execution),
            problems.parse(CaseVariables.MARKET, market, () -> Market.valueOf(market)),
            // no silent default: a new customer's language is asked (a known customer keeps theirs)
            problems.parse(LOCALE.name(), locale, () -> CustomerLocale.of(locale)), null),
        new ComplaintRequest.ProductPart(CaseVariables.SKU.get(execution), CaseVariables.BATCH.get(execution)),
        new ComplaintRequest.PurchasePart(CaseVariables.ORDER_NUMBER.get(execution),
            problems.parse(CaseVariables.PURCHASE_CHANNEL.name(), purchaseChannel,
                () -> ComplaintRequest.PurchaseChannel.valueOf(purchaseChannel.trim().toUpperCase())),
            problems.parse(CaseVariables.PURCHASE_DATE.name(), purchaseDate, () -> CaseVariables.day(purchaseDate))),
        DESCRIPTION.get(execution),
        attachments(ATTACHMENTS.get(execution)).stream()
            .map(a -> new ComplaintRequest.AttachmentPart(a.name(), a.url())).toList());
    problems.add(validator.validate(request));
    // the catalogue's answer too, so that the agent reads every problem of the form at once
    String sku = CaseVariables.SKU.get(execution);
    if (sku != null && !sku.isBlank() && !problems.has(CaseVariables.SKU.name())) {
      problems.addNamed(catalogue.checkReference(sku, CaseVariables.BATCH.get(execution)));
    }
    problems.throwIfAny();
    return request;
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
