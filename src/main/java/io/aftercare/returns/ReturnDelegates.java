package io.aftercare.returns;

import io.aftercare.customer.ContactMask;
import static io.aftercare.returns.ReturnProcess.*;

import io.aftercare.customer.Customer;
import io.aftercare.customer.CustomerService;
import io.aftercare.customer.Market;
import io.aftercare.process.CaseVariables;
import io.aftercare.process.InputParameters;
import io.aftercare.product.ProductCatalogue;
import io.aftercare.sla.BusinessCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The return process's steps on its records: register the request, record eligibility, decision,
 * parcel, inspection and outcome, and settle through the payment gateway or the fulfilment service.
 */
@Configuration
class ReturnDelegates {

  private final Returns returns;
  private final CustomerService customers;
  private final ProductCatalogue catalogue;
  private final ReturnSettings settings;
  private final PartnerClient partners;
  private final ReturnPeriods periods;
  private final ParcelReceipts receipts;

  ReturnDelegates(Returns returns, CustomerService customers, ProductCatalogue catalogue, ReturnSettings settings,
      PartnerClient partners, ReturnPeriods periods, ParcelReceipts receipts) {
    this.periods = periods;
    this.receipts = receipts;
    this.returns = returns;
    this.customers = customers;
    this.catalogue = catalogue;
    this.settings = settings;
    this.partners = partners;
  }

  /**
   * Records the request — from the API ({@code origin} direct) or from a complaint's exchange or
   * refund — and sets what the eligibility decision and the tasks read: RMA number, reason,
   * requested settlement, days since delivery, customer and product labels.
   */
  @Bean("registerReturn")
  JavaDelegate registerReturn() {
    return execution -> {
      Instant now = ClockUtil.getCurrentTime().toInstant();
      String caseNumber = CaseVariables.caseNumber(execution);
      Long customerId = CaseVariables.customerId(execution);
      Customer customer = customerId == null ? null : customers.find(customerId).orElse(null);
      if (customer == null) {
        throw new IllegalArgumentException("A return needs the id of a known customer ('customerId'), got " + customerId);
      }
      Market market = customer.market();
      boolean fromComplaint = ORIGIN.get(execution) == null;
      String origin = fromComplaint ? "complaint" : ORIGIN.get(execution);
      // from a complaint, the reason is the complaint-return-reason decision's (Task_DecideReason)
      String reason = REASON.required(execution);
      String requested = fromComplaint ? COMPLAINT_RESOLUTION.get(execution) : REQUESTED_SETTLEMENT.get(execution);
      String sku = CaseVariables.SKU.required(execution).toUpperCase(Locale.ROOT);
      LocalDate purchaseDate = CaseVariables.PURCHASE_DATE.get(execution);
      if (purchaseDate == null) {
        throw new IllegalArgumentException("A return needs 'purchaseDate'");
      }
      Returns.Return recorded = returns.register(new Returns.Registration(caseNumber, customer.id(), origin, sku,
          CaseVariables.BATCH.get(execution), CaseVariables.ORDER_NUMBER.get(execution), CaseVariables.PURCHASE_CHANNEL.required(execution).toLowerCase(),
          purchaseDate, DELIVERED_ON.get(execution), reason,
          Boolean.TRUE.equals(OPENED.get(execution)), SEAL_CONFIRMED.get(execution),
          Boolean.TRUE.equals(EXPIRED.get(execution)), requested.toLowerCase(),
          now.atZone(market.zone()).toLocalDate()), now);

      execution.setProcessBusinessKey(caseNumber);
      execution.setVariable(CaseVariables.CASE_NUMBER, caseNumber);
      execution.setVariable(CaseVariables.MARKET, market.name());
      RMA_NUMBER.set(execution, recorded.rmaNumber());
      ORIGIN.set(execution, recorded.origin());
      REASON.set(execution, recorded.reason());
      REQUESTED_SETTLEMENT.set(execution, recorded.requested());
      CaseVariables.PURCHASE_CHANNEL.set(execution, recorded.purchaseChannel());
      DAYS_SINCE_DELIVERY.set(execution, recorded.daysSinceDelivery());
      PERIOD_DAY.set(execution, periods.periodDay(customer, recorded.deliveredOn() != null
          ? recorded.deliveredOn() : recorded.purchaseDate(), now.atZone(market.zone()).toLocalDate()));
      OPENED.set(execution, recorded.opened());
      SEAL_CONFIRMED.set(execution, recorded.sealConfirmed());
      EXPIRED.set(execution, recorded.expired());
      CaseVariables.CUSTOMER_NAME.set(execution, ContactMask.name(customer.name()));
      CaseVariables.CUSTOMER_TIER.set(execution, customer.tier().name());
      CaseVariables.PRODUCT.set(execution, catalogue.find(sku).map(p -> p.sku() + " " + p.name()).orElse(sku));
      RETURN_ADDRESS.set(execution, settings.returnAddress(market));
    };
  }

  /**
   * The parcel task's values checked by the warehouse scan's rules ({@link ParcelReceipts}), so a
   * form submission (Tasklist, {@code /engine-rest}) is refused as the API refuses it: 400 naming
   * the form's fields, the task still open.
   */
  private void checkReceipt(org.camunda.bpm.engine.delegate.DelegateExecution execution, String rma) {
    Returns.Return recorded = returns.find(rma).orElseThrow();
    java.util.List<io.aftercare.api.ApiExceptionHandler.FieldProblem> problems = new java.util.ArrayList<>();
    java.time.LocalDate receivedOn = null;
    try {
      receivedOn = RECEIVED_ON.get(execution);
    } catch (RuntimeException notADay) {
      problems.add(new io.aftercare.api.ApiExceptionHandler.FieldProblem(RECEIVED_ON.name(),
          "must be a date such as 2026-11-30"));
    }
    java.util.Map<String, String> formKeys = java.util.Map.of("receivedOn", RECEIVED_ON.name(),
        "condition", RECEIVED_CONDITION.name(), "batch", RECEIVED_BATCH.name());
    for (var problem : receipts.problems(recorded, receivedOn, RECEIVED_CONDITION.get(execution),
        RECEIVED_BATCH.get(execution))) {
      if (receivedOn != null || !problem.field().equals("receivedOn")) {
        problems.add(new io.aftercare.api.ApiExceptionHandler.FieldProblem(formKeys.get(problem.field()),
            problem.message()));
      }
    }
    if (!problems.isEmpty()) {
      throw new io.aftercare.api.InvalidRequestException(problems);
    }
  }

  /**
   * What the customer is told of an automatic decision: the decision's sentence in the customer's
   * language (the rules' own {@code eligibilityBasis} is the clerk's, in English, and never sent).
   * Empty where a clerk reviews: the clerk writes it (starting from {@link ReturnsOnForms}).
   */
  private String customerNote(DelegateExecution execution) {
    Long customerId = CaseVariables.customerId(execution);
    boolean chinese = customerId != null && customers.find(customerId)
        .map(c -> c.locale() == io.aftercare.customer.CustomerLocale.ZH_CN).orElse(false);
    String note = (chinese ? CUSTOMER_NOTE_ZH : CUSTOMER_NOTE_EN).get(execution);
    return note == null || note.isBlank() ? null : note;
  }

  /**
   * Input parameter {@code stage}: {@code eligibility}, {@code decision}, {@code receipt},
   * {@code inspection}, {@code cancelled} or {@code closed}.
   */
  @Bean("recordReturn")
  JavaDelegate recordReturn() {
    return execution -> {
      String rma = RMA_NUMBER.required(execution);
      switch (InputParameters.required(execution, "recordReturn", "stage")) {
        case "eligibility" -> {
          returns.recordEligibility(rma, bool(execution, "eligible"),
              ELIGIBILITY_BASIS.get(execution), REVIEW_NEEDED.required(execution));
          DECISION_NOTE.set(execution, customerNote(execution));
          execution.removeVariable(CUSTOMER_NOTE_ZH.name());
          execution.removeVariable(CUSTOMER_NOTE_EN.name());
        }
        case "decision" -> {
          boolean approved = APPROVED.required(execution);
          String settlement = SETTLEMENT.required(execution);
          // a clerk's decision names the clerk; an automatic one the decision that made it
          String user = REVIEW_NEEDED.required(execution) ? currentUser(execution) : null;
          returns.recordDecision(rma, approved, settlement, SHIPPING_PAID_BY.required(execution),
              DECISION_NOTE.get(execution), user != null ? user : DECISION);
          SETTLEMENT_CLOCK.set(execution, settlementClock(settlement, REFUND_CLOCK.get(execution),
              EXCHANGE_CLOCK.get(execution)));
          if (!approved) {
            RETURN_OUTCOME.set(execution, "rejected");
          }
        }
        case "receipt" -> {
          checkReceipt(execution, rma);
          returns.recordReceipt(rma, RECEIVED_ON.get(execution),
              RECEIVED_CONDITION.required(execution), RECEIVED_BATCH.get(execution));
          if (INSPECTED_BATCH.get(execution) == null) {
            INSPECTED_BATCH.set(execution, RECEIVED_BATCH.get(execution));
          }
          settlementCounting(execution, rma);
        }
        case "inspection" -> {
          boolean matches = CONDITION_MATCHES.required(execution);
          returns.recordInspection(rma, matches, INSPECTED_BATCH.get(execution), INSPECTION_NOTE.get(execution));
          if (!matches) {
            RETURN_OUTCOME.set(execution, "returned_to_customer");
          }
        }
        case "cancelled" -> RETURN_OUTCOME.set(execution, "cancelled");
        case "closed" -> returns.close(rma, RETURN_OUTCOME.required(execution), ClockUtil.getCurrentTime().toInstant());
        default -> throw new IllegalArgumentException("recordReturn: unknown stage on " + execution.getCurrentActivityId());
      }
    };
  }

  /**
   * The clock a settlement runs by, as the eligibility decision names it for each settlement (a
   * refund after an EU withdrawal: the 14 days of Directive 2011/83/EU art. 13(1)); the clerk may
   * change the settlement, so both are decided. Instances of older diagram versions lack the
   * outputs: the brand's targets then.
   */
  static String settlementClock(String settlement, String refundClock, String exchangeClock) {
    if (!"refund".equals(settlement)) {
      return exchangeClock != null ? exchangeClock : "return.replacement";
    }
    return refundClock != null ? refundClock : "return.refund";
  }

  /**
   * What the settlement clock counts from and in which calendar: the refund after an EU withdrawal
   * from the day the consumer told the brand (the request), in the consumer's country's calendar;
   * every other settlement from the parcel's receipt, in the market's calendar.
   */
  private void settlementCounting(DelegateExecution execution, String rma) {
    LocalDate from = RECEIVED_ON.get(execution);
    String calendar = null;
    if (WITHDRAWAL_REFUND.equals(SETTLEMENT_CLOCK.get(execution))) {
      Returns.Return r = returns.find(rma).orElseThrow(() -> new IllegalStateException("No return " + rma));
      Customer customer = customers.find(r.customerId()).orElseThrow();
      BusinessCalendar counting = periods.calendarOf(customer.market(), customer.country()).orElseThrow(() ->
          new IllegalStateException("EU customer " + customer.id() + " of " + rma + " has no country calendar"));
      calendar = counting.code();
      from = r.requestedAt().atZone(counting.zone()).toLocalDate();
    }
    SETTLEMENT_FROM.set(execution, from);
    SETTLEMENT_CALENDAR.set(execution, calendar);
  }

  /** Refunds the order line through the payment gateway, once per RMA number. */
  @Bean("refundPayment")
  JavaDelegate refundPayment() {
    return execution -> {
      String rma = RMA_NUMBER.required(execution);
      String reference = partners.post("payment", settings.payment(), "/refunds", rma, order(execution, rma), "refundId");
      returns.recordRefund(rma, reference);
      REFUND_REFERENCE.set(execution, reference);
      RETURN_OUTCOME.set(execution, "refunded");
    };
  }

  /** Ships a replacement through the fulfilment service, once per RMA number. */
  @Bean("shipReplacement")
  JavaDelegate shipReplacement() {
    return execution -> {
      String rma = RMA_NUMBER.required(execution);
      String reference = partners.post("fulfilment", settings.fulfilment(), "/shipments", rma, order(execution, rma),
          "shipmentId");
      returns.recordShipment(rma, reference);
      SHIPMENT_REFERENCE.set(execution, reference);
      RETURN_OUTCOME.set(execution, "replaced");
    };
  }

  private Map<String, Object> order(DelegateExecution execution, String rma) {
    Returns.Return r = returns.find(rma).orElseThrow(() -> new IllegalStateException("No return " + rma));
    Market market = CaseVariables.market(execution);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("rmaNumber", rma);
    body.put("caseNumber", r.caseNumber());
    body.put("orderNumber", r.orderNumber());
    body.put("customerId", r.customerId());
    body.put("market", market.name());
    body.put("currency", market.currency());
    body.put("sku", r.sku());
    body.put("quantity", 1);
    body.put("reason", r.reason());
    return body;
  }

  private static boolean bool(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    if (value == null) {
      throw new IllegalArgumentException("The return process needs '" + name + "' (true or false)");
    }
    return value instanceof Boolean b ? b : Boolean.parseBoolean(value.toString());
  }

  private static String text(DelegateExecution execution, String name) {
    return CaseVariables.text(execution, name);
  }

  private static String required(DelegateExecution execution, String name) {
    return CaseVariables.required(execution, name, "The return process");
  }

  private static String currentUser(DelegateExecution execution) {
    Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }
}
