package io.aftercare.adversereaction;

import static io.aftercare.adversereaction.AdverseReactionProcess.*;

import io.aftercare.customer.ContactMask;
import io.aftercare.process.CaseVariables;
import io.aftercare.process.InputParameters;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The adverse-reaction report's steps on its records: register the reaction, record what the
 * officer entered, generate the regulator's report, check the batch for a signal.
 */
@Configuration
class AdverseReactionDelegates {

  private final AdverseReactions reactions;
  private final AdverseReactionSettings settings;

  AdverseReactionDelegates(AdverseReactions reactions, AdverseReactionSettings settings) {
    this.reactions = reactions;
    this.settings = settings;
  }

  /**
   * Records the reaction of the case (from the API or a complaint): product, batch, market and the
   * day the company became aware (the regulatory clock runs from it); details given already are kept.
   */
  @Bean("registerAdverseReaction")
  JavaDelegate registerAdverseReaction() {
    return execution -> {
      Instant now = ClockUtil.getCurrentTime().toInstant();
      java.time.ZoneId zone = CaseVariables.market(execution).zone();
      // the day the company became aware, in the market's calendar: given, or when the complaint came in
      Object given = AWARE_DATE.get(execution);
      Object received = given != null ? given : COMPLAINT_RECEIVED_AT.get(execution);
      LocalDate aware = received instanceof Date date ? date.toInstant().atZone(zone).toLocalDate()
          : received != null ? CaseVariables.day(received) : now.atZone(zone).toLocalDate();
      String caseNumber = CaseVariables.caseNumber(execution);
      Long customerId = CaseVariables.customerId(execution);
      if (customerId == null) {
        throw new IllegalArgumentException("An adverse reaction needs 'customerId'");
      }
      AdverseReactions.Reaction reaction = reactions.register(caseNumber, customerId,
          CaseVariables.SKU.get(execution), CaseVariables.BATCH.get(execution),
          CaseVariables.market(execution), aware, now);
      execution.setProcessBusinessKey(caseNumber);
      REPORT_NUMBER.set(execution, reaction.reportNumber());
      CaseVariables.PRODUCT.set(execution, reactions.productLabel(reaction.sku()));
      CaseVariables.CUSTOMER_NAME.set(execution, ContactMask.name(reactions.customerName(customerId)));
      AWARE_DATE.set(execution, aware);
      if (execution.hasVariable("symptoms") || execution.hasVariable("onsetDate")) {
        reactions.recordDetails(caseNumber, execution.getVariables());
      }
      execution.removeVariables(HEALTH_DETAILS);
    };
  }

  /** Input parameter {@code stage}: {@code details}, {@code assessment} or {@code submission}. */
  @Bean("recordAdverseReaction")
  JavaDelegate recordAdverseReaction() {
    return execution -> {
      String caseNumber = CaseVariables.caseNumber(execution);
      switch (InputParameters.required(execution, "recordAdverseReaction", "stage")) {
        case "details" -> reactions.recordDetails(caseNumber, execution.getVariables());
        case "assessment" -> reactions.recordAssessment(caseNumber, SERIOUSNESS.get(execution),
            AdverseReactions.criteria(execution.getVariables()), CAUSALITY.get(execution),
            FOLLOW_UP_CLOCK.get(execution));
        case "submission" -> reactions.recordSubmission(((Number) REPORT_ID.get(execution)).longValue(),
            CaseVariables.day(SUBMITTED_ON.get(execution)),
            SUBMISSION_REFERENCE.get(execution));
        default -> throw new IllegalArgumentException("recordAdverseReaction: unknown stage on "
            + execution.getCurrentActivityId());
      }
      // health details a form sent back are in adverse_reaction now (or were already): none stays
      execution.removeVariables(HEALTH_DETAILS);
    };
  }

  /** Generates the report (input parameter {@code reportType}: INITIAL, FOLLOW_UP, FINAL). */
  @Bean("adverseReport")
  JavaDelegate adverseReport() {
    return execution -> {
      String caseNumber = CaseVariables.caseNumber(execution);
      Instant now = ClockUtil.getCurrentTime().toInstant();
      long id = reactions.generateReport(caseNumber,
          InputParameters.required(execution, "adverseReport", "reportType"),
          now.atZone(CaseVariables.market(execution).zone()).toLocalDate(), now);
      REPORT_ID.set(execution, id);
      // a path, not an address: the officer opens it from Tasklist at whatever address they reached
      // it by, with the Tasklist login (WebappSessionAuthenticationFilter)
      REPORT_URL.set(execution, "/api/adverse-reactions/" + caseNumber + "/reports/" + id + ".html");
    };
  }

  /** Sets {@code batchSignal} when the batch has the configured number of reports within the window. */
  @Bean("batchSignal")
  JavaDelegate batchSignal() {
    return (DelegateExecution execution) -> {
      long reports = reactions.reportsOnBatch(CaseVariables.SKU.get(execution),
          CaseVariables.BATCH.get(execution), ClockUtil.getCurrentTime().toInstant());
      BATCH_REPORTS.set(execution, reports);
      BATCH_SIGNAL.set(execution, reactions.isSignal(reports));
    };
  }
}
