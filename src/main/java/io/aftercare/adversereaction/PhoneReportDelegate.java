package io.aftercare.adversereaction;

import io.aftercare.adversereaction.AdverseReactionController.AdverseReactionRequest;
import io.aftercare.adversereaction.AdverseReactionController.CustomerPart;
import io.aftercare.adversereaction.AdverseReactionController.ProductPart;
import io.aftercare.adversereaction.AdverseReactionController.ReactionPart;
import io.aftercare.api.FormProblems;
import io.aftercare.api.InvalidRequestException;
import io.aftercare.casefile.IntakeChannel;
import io.aftercare.customer.CustomerLocale;
import io.aftercare.customer.Market;
import io.aftercare.process.CaseVariables;
import io.aftercare.process.OnBehalf;
import io.aftercare.product.ProductCatalogue;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * A reaction a safety officer takes by phone, through the process's start form in Tasklist
 * (forms/report-reaction.form): the form's values are read as the request {@code POST
 * /api/adverse-reactions} takes, checked by the same rules ({@link AdverseReactionIntake}), and
 * refused with each bad field named by its form key. The form's contact and health values are then
 * removed from the process, which goes on with what the API start gives it: identifiers, routing,
 * and the health details as transient values for the register step.
 */
@Component("registerPhoneReport")
class PhoneReportDelegate implements JavaDelegate {

  /** The form keys, by the request's field paths. */
  static final Map<String, String> FORM_KEYS = Map.ofEntries(Map.entry("customer", "customerName"),
      Map.entry("customer.identified", "customerName"), Map.entry("customer.name", "customerName"),
      Map.entry("customer.email", "customerEmail"), Map.entry("customer.phone", "customerPhone"),
      Map.entry("customer.market", "market"), Map.entry("customer.locale", "locale"),
      Map.entry("customer.age", "age"), Map.entry("customer.sex", "sex"),
      Map.entry("product.sku", "sku"), Map.entry("product.batch", "batch"),
      Map.entry("reaction.awareDate", "awareDate"), Map.entry("reaction.firstUseDate", "firstUseDate"),
      Map.entry("reaction.onsetDate", "onsetDate"), Map.entry("reaction.stoppedUseDate", "stoppedUseDate"),
      Map.entry("reaction.symptoms", "symptoms"), Map.entry("reaction.bodyArea", "bodyArea"),
      Map.entry("reaction.allergyHistory", "allergyHistory"),
      Map.entry("reaction.medicalTreatment", "medicalTreatment"), Map.entry("reaction.hospitalised", "hospitalised"),
      Map.entry("reaction.outcome", "outcome"), Map.entry("relatedCaseNumber", "relatedCaseNumber"));

  private final AdverseReactionIntake intake;
  private final Validator validator;
  private final ProductCatalogue catalogue;

  PhoneReportDelegate(AdverseReactionIntake intake, Validator validator, ProductCatalogue catalogue) {
    this.catalogue = catalogue;
    this.intake = intake;
    this.validator = validator;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // a start by the application (POST /api/adverse-reactions) comes checked and registered
    // (OnBehalf); a start by a user — Tasklist's form, /engine-rest — is checked here, whatever
    // variables it brought
    if (OnBehalf.active()) {
      return;
    }
    AdverseReactionRequest request = validated(execution);
    Map<String, Object> variables;
    try {
      variables = intake.register(request);
    } catch (InvalidRequestException e) {
      throw new FormProblems(FORM_KEYS).renamed(e);
    }
    // the form's contact values leave the process (the customer's record has them now); its health
    // values are the register step's to store and remove, as the API's transient ones are
    execution.removeVariables(List.of("customerPhone", "customerEmail", "locale", "relatedCaseNumber"));
    String caseNumber = (String) variables.get(CaseVariables.CASE_NUMBER);
    execution.setProcessBusinessKey(caseNumber);
    variables.forEach((name, value) -> {
      // a form value of that name is a stored variable already: the engine refuses a transient one
      if (value instanceof TypedValue typed && typed.isTransient() && execution.hasVariable(name)) {
        execution.setVariable(name, typed.getValue());
      } else {
        execution.setVariable(name, value);
      }
    });
  }

  private AdverseReactionRequest validated(DelegateExecution execution) {
    FormProblems problems = new FormProblems(FORM_KEYS);
    String market = text(execution, "market");
    String locale = text(execution, "locale");
    Object age = execution.getVariable("age");
    AdverseReactionRequest request = new AdverseReactionRequest(null,
        new CustomerPart(null, text(execution, "customerName"), text(execution, "customerEmail"),
            text(execution, "customerPhone"),
            problems.parse("market", market, () -> Market.valueOf(market.trim().toUpperCase())),
            problems.parse("locale", locale, () -> CustomerLocale.of(locale)),
            problems.parse("age", age, () -> age instanceof Number n ? n.intValue() : Integer.valueOf(age.toString().trim())),
            text(execution, "sex")),
        new ProductPart(text(execution, "sku"), text(execution, "batch")),
        new ReactionPart(day(problems, execution, "awareDate"), day(problems, execution, "firstUseDate"),
            day(problems, execution, "onsetDate"), day(problems, execution, "stoppedUseDate"),
            text(execution, "symptoms"), text(execution, "bodyArea"), text(execution, "allergyHistory"),
            bool(execution, "medicalTreatment"), bool(execution, "hospitalised"), text(execution, "outcome")),
        IntakeChannel.PHONE, text(execution, "relatedCaseNumber"));
    problems.add(validator.validate(request));
    // the catalogue's answer too, so that the officer reads every problem of the form at once
    String sku = text(execution, "sku");
    if (!problems.isEmpty() && sku != null && !problems.has("sku")) {
      problems.addNamed(catalogue.checkReference(sku, text(execution, "batch")));
    }
    problems.throwIfAny();
    return request;
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }

  /** A checkbox left alone is "no" (the form always asks both questions). */
  private static Boolean bool(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? Boolean.FALSE : value instanceof Boolean b ? b : Boolean.valueOf(value.toString());
  }

  private static LocalDate day(FormProblems problems, DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return problems.parse(name, value, () -> CaseVariables.day(value));
  }
}
