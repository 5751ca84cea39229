package io.aftercare.adversereaction;

import io.aftercare.process.OnBehalf;
import static io.aftercare.adversereaction.AdverseReactionProcess.*;

import io.aftercare.api.ApiExceptionHandler.FieldProblem;
import io.aftercare.api.CaseStateException;
import io.aftercare.api.InvalidRequestException;
import io.aftercare.api.NotFoundException;
import io.aftercare.casefile.CaseIntake;
import io.aftercare.casefile.IntakeChannel;
import io.aftercare.casefile.CaseNumbers;
import io.aftercare.customer.Customer;
import io.aftercare.customer.CustomerLocale;
import io.aftercare.customer.CustomerService;
import io.aftercare.customer.Market;
import io.aftercare.customer.ContactMask;
import io.aftercare.privacy.AccessLog;
import io.aftercare.process.CaseVariables;
import java.security.Principal;
import org.camunda.bpm.engine.variable.Variables;
import io.aftercare.process.Messages;
import io.aftercare.product.Product;
import io.aftercare.product.ProductCatalogue;
import io.aftercare.sla.Calendars;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Adverse reactions reported directly (not through a complaint), new medical information for a
 * follow-up report, and the generated reports: JSON for systems, a printable page for the portal.
 */
@Validated
@RestController
class AdverseReactionController {

  record CustomerPart(Long id, @Size(max = 200) String name, @Email @Size(max = 254) String email,
      @Pattern(regexp = "\\+?[0-9 -]{6,20}", message = "must be a phone number, e.g. +8613800000001") String phone,
      Market market, CustomerLocale locale, @Min(0) @Max(130) Integer age,
      @Pattern(regexp = "female|male|other", message = "must be one of female, male, other") String sex) {

    @AssertTrue(message = "must give an id, or a name, an e-mail or phone, a market and a locale")
    public boolean isIdentified() {
      return id != null || (name != null && !name.isBlank() && market != null && locale != null
          && ((email != null && !email.isBlank()) || (phone != null && !phone.isBlank())));
    }
  }

  record ProductPart(@NotBlank @Size(max = 32) String sku, @Size(max = 32) String batch) {}

  record ReactionPart(@NotNull @PastOrPresent LocalDate awareDate, @PastOrPresent LocalDate firstUseDate,
      @NotNull @PastOrPresent LocalDate onsetDate, @PastOrPresent LocalDate stoppedUseDate,
      @NotBlank @Size(max = 2000) String symptoms, @NotBlank @Size(max = 200) String bodyArea,
      @Size(max = 1000) String allergyHistory, @NotNull Boolean medicalTreatment, @NotNull Boolean hospitalised,
      @Size(max = 1000) String outcome) {}

  record AdverseReactionRequest(@Pattern(regexp = CaseNumbers.PATTERN, message = CaseNumbers.PATTERN_MESSAGE) String caseNumber,
      @NotNull @Valid CustomerPart customer, @NotNull @Valid ProductPart product,
      @NotNull @Valid ReactionPart reaction, IntakeChannel channel,
      @Pattern(regexp = CaseNumbers.PATTERN, message = CaseNumbers.PATTERN_MESSAGE) String relatedCaseNumber) {}

  record Created(String caseNumber, String reportNumber) {}

  record FollowUpRequest(@NotNull @PastOrPresent LocalDate awareDate, @NotBlank @Size(max = 2000) String information) {}

  private final RuntimeService runtime;
  private final CustomerService customers;
  private final ProductCatalogue catalogue;
  private final CaseIntake intake;
  private final AdverseReactions reactions;
  private final Calendars calendars;
  private final AccessLog log;
  private final OnBehalf onBehalf;

  AdverseReactionController(RuntimeService runtime, CustomerService customers, ProductCatalogue catalogue,
      CaseIntake intake, AdverseReactions reactions, Calendars calendars, AccessLog log, OnBehalf onBehalf) {
    this.log = log;
    this.onBehalf = onBehalf;
    this.runtime = runtime;
    this.customers = customers;
    this.catalogue = catalogue;
    this.intake = intake;
    this.reactions = reactions;
    this.calendars = calendars;
  }

  @PostMapping("/api/adverse-reactions")
  @Transactional
  ResponseEntity<Created> report(@Valid @RequestBody AdverseReactionRequest request) {
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
    onBehalf.run(() -> runtime.createProcessInstanceByKey(KEY).businessKey(caseNumber).setVariables(variables).execute());
    return ResponseEntity.created(URI.create("/api/cases/" + caseNumber))
        .body(new Created(caseNumber, AdverseReactions.reportNumber(caseNumber)));
  }

  /**
   * New medical information on a reported reaction: a follow-up report with its own clock, counted
   * from the day the information was received ({@code awareDate}), its own task and escalation.
   */
  @PostMapping("/api/adverse-reactions/{caseNumber}/follow-up")
  @Transactional
  ResponseEntity<Void> followUp(@PathVariable @Pattern(regexp = CaseNumbers.PATTERN, message = CaseNumbers.PATTERN_MESSAGE)
      String caseNumber, @Valid @RequestBody FollowUpRequest request) {
    AdverseReactions.Reaction reaction = reactions.find(caseNumber)
        .orElseThrow(() -> new NotFoundException("adverse reaction", caseNumber));
    if (request.awareDate().isBefore(reaction.awareDate())) {
      throw new InvalidRequestException(List.of(new FieldProblem("awareDate",
          "must not be before the reaction became known (" + reaction.awareDate() + ")")));
    }
    String uncovered = Calendars.coverageProblem(calendars.of(reaction.market()), request.awareDate());
    if (uncovered != null) {
      throw new InvalidRequestException(List.of(new FieldProblem("awareDate", uncovered)));
    }
    reactions.followUpRefusal(reaction, request.awareDate()).ifPresent(reason -> {
      throw new CaseStateException(reason);
    });
    String clock = reactions.openFollowUp(caseNumber, request.awareDate(), request.information());
    Map<String, Object> variables = new HashMap<>();
    variables.put(CaseVariables.CASE_NUMBER, caseNumber);
    variables.put(CaseVariables.MARKET, reaction.market().name());
    variables.put(CaseVariables.CUSTOMER_ID, reaction.customerId());
    REPORT_NUMBER.put(variables, reaction.reportNumber());
    FOLLOW_UP_CLOCK.put(variables, clock);
    FOLLOW_UP_AWARE_DATE.put(variables, request.awareDate());
    SERIOUSNESS.put(variables, reaction.seriousness());
    onBehalf.run(() -> runtime.createMessageCorrelation(Messages.ADVERSE_REACTION_FOLLOW_UP)
        .processInstanceBusinessKey(caseNumber).setVariables(variables).correlateStartMessage());
    return ResponseEntity.status(HttpStatus.ACCEPTED).build();
  }

  /** The regulator's reports of a case, by its case number or its report number (AR-…). */
  @GetMapping("/api/adverse-reactions/{caseOrReportNumber}/reports")
  List<AdverseReactions.Report> reports(@PathVariable @Pattern(regexp = CaseNumbers.PATTERN,
      message = "must look like AC-2026-000123 or AR-2026-000123") String caseOrReportNumber, Principal user) {
    String caseNumber = AdverseReactions.caseNumberOf(caseOrReportNumber);
    AdverseReactions.Reaction reaction = reactions.find(caseNumber)
        .orElseThrow(() -> new NotFoundException("adverse reaction", caseNumber));
    log.record(user.getName(), reaction.customerId(), caseNumber, AccessLog.Data.HEALTH, "regulator's reports",
        AccessLog.Door.API);
    return reactions.reports(caseNumber);
  }

  @GetMapping(value = "/api/adverse-reactions/{caseNumber}/reports/{id}.html", produces = MediaType.TEXT_HTML_VALUE)
  String printable(@PathVariable("caseNumber") String caseOrReportNumber, @PathVariable long id, Principal user) {
    String caseNumber = AdverseReactions.caseNumberOf(caseOrReportNumber);
    AdverseReactions.Report report = reactions.reports(caseNumber).stream().filter(r -> r.id() == id).findFirst()
        .orElseThrow(() -> new NotFoundException("report", caseNumber + "/" + id));
    log.record(user.getName(), reactions.find(caseNumber).map(AdverseReactions.Reaction::customerId).orElse(null),
        caseNumber, AccessLog.Data.HEALTH, "printable report " + report.type(), AccessLog.Door.REPORT);
    StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
        .append(escape(report.content().get("companyReportNumber"))).append("</title><style>")
        .append("body{font-family:sans-serif;max-width:50rem;margin:2rem auto}td,th{border:1px solid #999;")
        .append("padding:.3rem .6rem;text-align:left;vertical-align:top}table{border-collapse:collapse;width:100%}")
        .append("</style></head><body><h1>Cosmetic adverse reaction report · 化妆品不良反应报告</h1><table>");
    rows(html, "", report.content());
    html.append("</table><p>Submitted on: ").append(escape(report.submittedOn())).append(" · reference: ")
        .append(escape(report.reference())).append("</p></body></html>");
    return html.toString();
  }

  @SuppressWarnings("unchecked")
  private static void rows(StringBuilder html, String prefix, Map<String, Object> values) {
    values.forEach((key, value) -> {
      if (value instanceof Map<?, ?> nested) {
        rows(html, prefix + key + ".", (Map<String, Object>) nested);
      } else {
        html.append("<tr><th>").append(escape(prefix + key)).append("</th><td>")
            .append(escape(value instanceof List<?> list ? String.join(", ", list.stream().map(String::valueOf).toList())
                : value)).append("</td></tr>");
      }
    });
  }

  private static String escape(Object value) {
    return value == null ? "—" : HtmlUtils.htmlEscape(value.toString());
  }


  private static String text(LocalDate date) {
    return date == null ? null : date.toString();
  }
}
