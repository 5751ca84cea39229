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
  private final AdverseReactions reactions;
  private final Calendars calendars;
  private final AccessLog log;
  private final OnBehalf onBehalf;
  private final AdverseReactionIntake reactionIntake;

  AdverseReactionController(RuntimeService runtime, AdverseReactions reactions, Calendars calendars, AccessLog log,
      OnBehalf onBehalf, AdverseReactionIntake reactionIntake) {
    this.reactionIntake = reactionIntake;
    this.log = log;
    this.onBehalf = onBehalf;
    this.runtime = runtime;
    this.reactions = reactions;
    this.calendars = calendars;
  }

  @PostMapping("/api/adverse-reactions")
  @Transactional
  ResponseEntity<Created> report(@Valid @RequestBody AdverseReactionRequest request) {
    Map<String, Object> variables = reactionIntake.register(request);
    String caseNumber = (String) variables.get(CaseVariables.CASE_NUMBER);
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

  /**
   * The report as the safety officer prints it (or saves it as PDF) and attaches it to the
   * submission: laid out after the market's form, in Chinese and English (AdverseReactionReportPage).
   */
  @GetMapping(value = "/api/adverse-reactions/{caseNumber}/reports/{id}.html", produces = MediaType.TEXT_HTML_VALUE)
  String printable(@PathVariable("caseNumber") String caseOrReportNumber, @PathVariable long id, Principal user) {
    String caseNumber = AdverseReactions.caseNumberOf(caseOrReportNumber);
    AdverseReactions.Report report = reactions.reports(caseNumber).stream().filter(r -> r.id() == id).findFirst()
        .orElseThrow(() -> new NotFoundException("report", caseNumber + "/" + id));
    Optional<AdverseReactions.Reaction> reaction = reactions.find(caseNumber);
    log.record(user.getName(), reaction.map(AdverseReactions.Reaction::customerId).orElse(null),
        caseNumber, AccessLog.Data.HEALTH, "printable report " + report.type(), AccessLog.Door.REPORT);
    return AdverseReactionReportPage.render(report, reaction.map(AdverseReactions.Reaction::market).orElse(null));
  }

  private static String text(LocalDate date) {
    return date == null ? null : date.toString();
  }
}
