package io.aftercare.adversereaction;

import io.aftercare.adversereaction.AdverseReactionController.AdverseReactionRequest;
import io.aftercare.adversereaction.AdverseReactionController.CustomerPart;
import io.aftercare.adversereaction.AdverseReactionController.ReactionPart;
import io.aftercare.api.ApiExceptionHandler.FieldProblem;
import io.aftercare.api.InvalidRequestException;
import io.aftercare.casefile.CaseIntake;
import io.aftercare.customer.ContactMask;
import io.aftercare.customer.Customer;
import io.aftercare.customer.CustomerService;
import io.aftercare.customer.Market;
import io.aftercare.process.CaseVariables;
import io.aftercare.product.Product;
import io.aftercare.product.ProductCatalogue;
import io.aftercare.sla.Calendars;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

import static io.aftercare.adversereaction.AdverseReactionProcess.AWARE_DATE;

/**
 * A reaction reported directly, through either door: {@code POST /api/adverse-reactions} or a
 * safety officer's phone report in Tasklist (the process's start form). Checks the report against
 * the catalogue, the customer and the market's calendar, registers or finds the customer, opens or
 * joins the case, and answers the variables the process starts with: identifiers and routing, the
 * health details only as transient values for the register step (never stored by the engine).
 */
@Service
class AdverseReactionIntake {

  private final CustomerService customers;
  private final ProductCatalogue catalogue;
  private final CaseIntake intake;
  private final AdverseReactions reactions;
  private final Calendars calendars;

  AdverseReactionIntake(CustomerService customers, ProductCatalogue catalogue, CaseIntake intake,
      AdverseReactions reactions, Calendars calendars) {
    this.customers = customers;
    this.catalogue = catalogue;
    this.intake = intake;
    this.reactions = reactions;
    this.calendars = calendars;
  }

  /** The variables to start the process with; an {@link InvalidRequestException} names each bad field. */
  Map<String, Object> register(AdverseReactionRequest request) {
    List<FieldProblem> problems = new ArrayList<>(customers.checkReference(request.customer().id()));
    problems.addAll(catalogue.checkReference(request.product().sku(), request.product().batch()));
    Optional<Product> product = catalogue.find(request.product().sku().trim().toUpperCase());
    List<FieldProblem> caseProblems = intake.problems(request.caseNumber(),
        request.customer() == null ? null : request.customer().id(), request.relatedCaseNumber());
    problems.addAll(caseProblems);
    if (caseProblems.stream().noneMatch(p -> p.field().equals("caseNumber")) && request.caseNumber() != null
        && reactions.find(request.caseNumber()).isPresent()) {
      problems.add(new FieldProblem("caseNumber", "has an adverse-reaction report already"));
    }
    ReactionPart reaction = request.reaction();
    if (reaction.onsetDate() != null && reaction.awareDate() != null && reaction.onsetDate().isAfter(reaction.awareDate())) {
      problems.add(new FieldProblem("reaction.onsetDate", "must not be after awareDate"));
    }
    if (reaction.firstUseDate() != null && reaction.onsetDate() != null
        && reaction.firstUseDate().isAfter(reaction.onsetDate())) {
      problems.add(new FieldProblem("reaction.firstUseDate", "must not be after onsetDate (a reaction follows use)"));
    }
    if (reaction.stoppedUseDate() != null && reaction.firstUseDate() != null
        && reaction.stoppedUseDate().isBefore(reaction.firstUseDate())) {
      problems.add(new FieldProblem("reaction.stoppedUseDate", "must not be before firstUseDate"));
    }
    // the regulatory deadline counts from the awareness date in the market's calendar
    Market market = request.customer().id() != null
        ? customers.find(request.customer().id()).map(Customer::market).orElse(null) : request.customer().market();
    if (market != null) {
      String uncovered = Calendars.coverageProblem(calendars.of(market), reaction.awareDate());
      if (uncovered != null) {
        problems.add(new FieldProblem("reaction.awareDate", uncovered));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    CustomerPart c = request.customer();
    Customer customer = customers.findOrRegister(c.id(), c.name(), c.email(), c.phone(), c.market(), c.locale());
    String caseNumber = intake.openOrJoin(request.caseNumber(), "caseNumber", customer.id(), null, request.channel(),
        request.relatedCaseNumber());
    Map<String, Object> variables = new HashMap<>();
    variables.put(CaseVariables.CASE_NUMBER, caseNumber);
    variables.put(CaseVariables.CUSTOMER_ID, customer.id());
    variables.put(CaseVariables.MARKET, customer.market().name());
    CaseVariables.CUSTOMER_NAME.put(variables, ContactMask.name(customer.name()));
    CaseVariables.CUSTOMER_TIER.put(variables, customer.tier().name());
    CaseVariables.SKU.put(variables, product.get().sku());
    CaseVariables.BATCH.put(variables, request.product().batch());
    CaseVariables.PRODUCT.put(variables, product.get().sku() + " " + product.get().name());
    AWARE_DATE.put(variables, reaction.awareDate());
    // health details pass to the register step only (transient: never stored by the engine)
    variables.put("age", Variables.integerValue(c.age(), true));
    variables.put("sex", Variables.stringValue(c.sex(), true));
    variables.put("firstUseDate", Variables.stringValue(text(reaction.firstUseDate()), true));
    variables.put("onsetDate", Variables.stringValue(text(reaction.onsetDate()), true));
    variables.put("stoppedUseDate", Variables.stringValue(text(reaction.stoppedUseDate()), true));
    variables.put("symptoms", Variables.stringValue(reaction.symptoms(), true));
    variables.put("bodyArea", Variables.stringValue(reaction.bodyArea(), true));
    variables.put("allergyHistory", Variables.stringValue(reaction.allergyHistory(), true));
    variables.put("medicalTreatment", Variables.booleanValue(reaction.medicalTreatment(), true));
    variables.put("outcome", Variables.stringValue(reaction.outcome(), true));
    variables.put("hospitalised", reaction.hospitalised());
    return variables;
  }

  private static String text(LocalDate date) {
    return date == null ? null : date.toString();
  }
}
