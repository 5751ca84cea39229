package io.aftercare.returns;

import io.aftercare.process.OnBehalf;
import static io.aftercare.returns.ReturnProcess.*;

import com.fasterxml.jackson.annotation.JsonValue;
import io.aftercare.api.ApiExceptionHandler.FieldProblem;
import io.aftercare.api.CaseStateException;
import io.aftercare.api.InvalidRequestException;
import io.aftercare.api.NotFoundException;
import io.aftercare.casefile.CaseIntake;
import io.aftercare.casefile.IntakeChannel;
import io.aftercare.casefile.CaseNumbers;
import io.aftercare.customer.Customer;
import io.aftercare.customer.CustomerReference;
import io.aftercare.customer.Orders;
import io.aftercare.customer.CustomerService;
import io.aftercare.customer.Market;
import io.aftercare.process.CaseVariables;
import io.aftercare.product.ProductCatalogue;
import io.aftercare.sla.Calendars;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Returns and exchanges requested by a channel (web shop, store, phone), the warehouse's parcel
 * scan, and a return's record for back-office systems.
 */
@Validated
@RestController
class ReturnsController {

  static final String RMA_PATTERN = "RMA-[0-9]{4}-[0-9]{6}(-[0-9]{1,3})?";

  /** Lower-case names in JSON, as the eligibility decision reads them. */
  interface LowerCase {
    String name();

    @JsonValue
    default String json() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  enum PurchaseChannel implements LowerCase { ONLINE, STORE }

  enum Reason implements LowerCase { QUALITY_DEFECT, ADVERSE_REACTION, WRONG_ITEM, DAMAGED_IN_TRANSIT, CHANGED_MIND }

  enum Settlement implements LowerCase { REFUND, EXCHANGE }

  enum Condition implements LowerCase { SEALED, OPENED, USED, DAMAGED, EMPTY }

  record ProductPart(@NotBlank @Size(max = 32) String sku, @Size(max = 32) String batch) {}

  record PurchasePart(@NotBlank @Size(max = 64) String orderNumber, @NotNull PurchaseChannel channel,
      // may be left out when orderNumber names an order the shop sent: its days are taken
      LocalDate date, LocalDate deliveredOn) {}

  record ReturnRequest(@Pattern(regexp = CaseNumbers.PATTERN, message = CaseNumbers.PATTERN_MESSAGE) String caseNumber,
      @NotNull @Valid CustomerReference customer, @NotNull @Valid ProductPart product,
      @NotNull @Valid PurchasePart purchase, @NotNull Reason reason, @NotNull Boolean opened,
      Boolean sealConfirmedAtPurchase, Boolean expired, @NotNull Settlement requested, IntakeChannel channel,
      @Pattern(regexp = CaseNumbers.PATTERN, message = CaseNumbers.PATTERN_MESSAGE) String relatedCaseNumber) {}

  record Created(String caseNumber, String rmaNumber) {}

  /** The warehouse's scan of a returned parcel. */
  record ParcelReceipt(@NotNull LocalDate receivedOn, @NotNull Condition condition,
      @Size(max = 32) String batch) {}

  private final RuntimeService runtime;
  private final OnBehalf onBehalf;
  private final TaskService tasks;
  private final CustomerService customers;
  private final ProductCatalogue catalogue;
  private final CaseIntake intake;
  private final Orders orders;
  private final ParcelReceipts receipts;
  private final Returns returns;
  private final ReturnPeriods periods;
  private final Calendars calendars;

  ReturnsController(RuntimeService runtime, TaskService tasks, CustomerService customers, ProductCatalogue catalogue,
      CaseIntake intake, Returns returns, ReturnPeriods periods, Calendars calendars, OnBehalf onBehalf, Orders orders, ParcelReceipts receipts) {
    this.orders = orders;
    this.receipts = receipts;
    this.onBehalf = onBehalf;
    this.periods = periods;
    this.calendars = calendars;
    this.runtime = runtime;
    this.tasks = tasks;
    this.customers = customers;
    this.catalogue = catalogue;
    this.intake = intake;
    this.returns = returns;
  }

  @PostMapping("/api/returns")
  @Transactional
  ResponseEntity<Created> request(@Valid @RequestBody ReturnRequest given) {
    // an order the shop sent gives the days of purchase and delivery and the batch the caller left out
    // for a customer known by id only: a caller not yet identified learns nothing of an order by its number
    java.util.Optional<Orders.Order> order = given.customer().id() == null ? java.util.Optional.empty()
        : orders.find(given.purchase().orderNumber());
    ReturnRequest request = order.map(o -> withOrder(given, o)).orElse(given);
    List<FieldProblem> problems = new ArrayList<>(customers.checkReference(request.customer().id()));
    problems.addAll(catalogue.checkReference(request.product().sku(), request.product().batch()));
    order.ifPresent(o -> problems.addAll(Orders.problemsOfNaming(o, request.customer().id(), request.product().sku())));
    if (request.purchase().date() == null) {
      problems.add(new FieldProblem("purchase.date", Orders.DATE_OR_ORDER));
      throw new InvalidRequestException(problems);
    }
    List<FieldProblem> caseProblems = intake.problems(request.caseNumber(),
        request.customer() == null ? null : request.customer().id(), request.relatedCaseNumber());
    problems.addAll(caseProblems);
    if (caseProblems.stream().noneMatch(p -> p.field().equals("caseNumber")) && request.caseNumber() != null) {
      returns.findOpen(request.caseNumber()).ifPresent(open ->
          problems.add(new FieldProblem("caseNumber", "has an open return already: " + open.rmaNumber())));
    }
    PurchasePart purchase = request.purchase();
    // dates are days of the customer's market: its "today" may be ahead of the server's
    ZoneId zone = request.customer().id() != null
        ? customers.find(request.customer().id()).map(c -> c.market().zone()).orElse(ZoneOffset.UTC)
        : request.customer().market() != null ? request.customer().market().zone() : ZoneOffset.UTC;
    ParcelReceipts.notAfterToday(problems, "purchase.date", purchase.date(), zone);
    ParcelReceipts.notAfterToday(problems, "purchase.deliveredOn", purchase.deliveredOn(), zone);
    if (purchase.deliveredOn() != null && purchase.deliveredOn().isBefore(purchase.date())) {
      problems.add(new FieldProblem("purchase.deliveredOn", "must not be before purchase.date"));
    }
    if (purchase.deliveredOn() == null && purchase.channel() == PurchaseChannel.ONLINE) {
      problems.add(new FieldProblem("purchase.deliveredOn",
          "must be given for online purchases: return periods run from the day after delivery"));
    }
    // an EU customer's periods count in their country's calendar, which must cover the delivery
    Customer known = request.customer().id() == null ? null : customers.find(request.customer().id()).orElse(null);
    Market market = known != null ? known.market() : request.customer().market();
    String country = known != null && known.country() != null ? known.country() : request.customer().country();
    if (market != null && (known != null || request.customer().id() == null)) {
      String countryProblem = periods.countryProblem(market, country);
      if (countryProblem != null) {
        problems.add(new FieldProblem("customer.country", countryProblem));
      }
      LocalDate delivered = purchase.deliveredOn() != null ? purchase.deliveredOn() : purchase.date();
      periods.calendarOf(market, country).map(calendar -> Calendars.coverageProblem(calendar, delivered))
          .ifPresent(problem -> problems.add(new FieldProblem(
              purchase.deliveredOn() != null ? "purchase.deliveredOn" : "purchase.date", problem)));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    CustomerReference c = request.customer();
    Customer customer = customers.findOrRegister(c.id(), c.name(), c.email(), c.phone(), c.market(), c.locale(),
        c.country());
    String caseNumber = intake.openOrJoin(request.caseNumber(), "caseNumber", customer.id(), null, request.channel(),
        request.relatedCaseNumber());
    Map<String, Object> variables = new HashMap<>();
    variables.put(CaseVariables.CASE_NUMBER, caseNumber);
    variables.put(CaseVariables.CUSTOMER_ID, customer.id());
    variables.put(CaseVariables.MARKET, customer.market().name());
    ORIGIN.put(variables, "direct");
    CaseVariables.SKU.put(variables, request.product().sku().trim().toUpperCase(Locale.ROOT));
    CaseVariables.BATCH.put(variables, request.product().batch());
    CaseVariables.ORDER_NUMBER.put(variables, purchase.orderNumber());
    CaseVariables.PURCHASE_CHANNEL.put(variables, purchase.channel().json());
    CaseVariables.PURCHASE_DATE.put(variables, purchase.date());
    variables.put("deliveredOn", purchase.deliveredOn() == null ? null : purchase.deliveredOn().toString());
    REASON.put(variables, request.reason().json());
    OPENED.put(variables, request.opened());
    SEAL_CONFIRMED.put(variables, request.sealConfirmedAtPurchase());
    EXPIRED.put(variables, Boolean.TRUE.equals(request.expired()));
    REQUESTED_SETTLEMENT.put(variables, request.requested().json());
    ProcessInstanceWithVariables started = onBehalf.call(() -> runtime.createProcessInstanceByKey(KEY)
        .businessKey(caseNumber).setVariables(variables).executeWithVariablesInReturn());
    return ResponseEntity.created(URI.create("/api/cases/" + caseNumber))
        .body(new Created(caseNumber, RMA_NUMBER.get(started.getVariables())));
  }

  private static ReturnRequest withOrder(ReturnRequest r, Orders.Order order) {
    PurchasePart p = r.purchase();
    PurchasePart purchase = new PurchasePart(p.orderNumber(), p.channel(), p.date() != null ? p.date() : order.orderedOn(),
        p.deliveredOn() != null ? p.deliveredOn() : order.deliveredOn());
    ProductPart product = r.product().batch() != null && !r.product().batch().isBlank() ? r.product()
        : new ProductPart(r.product().sku(), order.batchOf(r.product().sku().trim().toUpperCase(Locale.ROOT)).orElse(null));
    return new ReturnRequest(r.caseNumber(), r.customer(), product, purchase, r.reason(), r.opened(),
        r.sealConfirmedAtPurchase(), r.expired(), r.requested(), r.channel(), r.relatedCaseNumber());
  }

  @PostMapping("/api/returns/{rmaNumber}/receipt")
  @Transactional
  ResponseEntity<Void> receipt(@PathVariable @Pattern(regexp = RMA_PATTERN, message = "must be an RMA number like RMA-2026-000123")
      String rmaNumber, @Valid @RequestBody ParcelReceipt receipt) {
    returns.lock(rmaNumber);
    Returns.Return recorded = returns.find(rmaNumber).orElseThrow(() -> new NotFoundException("return", rmaNumber));
    Task parcel = tasks.createTaskQuery().processInstanceBusinessKey(recorded.caseNumber())
        .processDefinitionKey(KEY).taskDefinitionKey(PARCEL_TASK).processVariableValueEquals(RMA_NUMBER.name(), rmaNumber)
        .singleResult();
    if (parcel == null) {
      throw new CaseStateException(rmaNumber + " is not waiting for a parcel" + stage(recorded));
    }
    List<FieldProblem> problems = receipts.problems(recorded, receipt.receivedOn(), receipt.condition().json(),
        receipt.batch());
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    Map<String, Object> variables = new HashMap<>();
    RECEIVED_ON.put(variables, receipt.receivedOn());
    RECEIVED_CONDITION.put(variables, receipt.condition().json());
    RECEIVED_BATCH.put(variables, receipt.batch());
    tasks.complete(parcel.getId(), variables);
    return ResponseEntity.status(HttpStatus.ACCEPTED).build();
  }

  /** Why a return waits for no parcel, for the 409 answer. */
  private static String stage(Returns.Return recorded) {
    if (recorded.outcome() != null) {
      return " (the return is " + recorded.outcome().replace('_', ' ') + ")";
    }
    if (recorded.receivedOn() != null) {
      return " (received on " + recorded.receivedOn() + ")";
    }
    return Boolean.TRUE.equals(recorded.approved()) ? "" : " (not approved yet)";
  }



  @GetMapping("/api/returns/{rmaNumber}")
  Returns.Return get(@PathVariable @Pattern(regexp = RMA_PATTERN, message = "must be an RMA number like RMA-2026-000123")
      String rmaNumber) {
    return returns.find(rmaNumber).orElseThrow(() -> new NotFoundException("return", rmaNumber));
  }
}
