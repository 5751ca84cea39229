package io.aftercare.returns;

import io.aftercare.api.ApiExceptionHandler.FieldProblem;
import io.aftercare.customer.CustomerService;
import io.aftercare.sla.Calendars;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The rules of a parcel's receipt, the same for the warehouse's scan
 * ({@code POST /api/returns/{rma}/receipt}) and the returns clerk's *Receive parcel* task form
 * (Tasklist, {@code /engine-rest}): received on a day of the customer's market that is neither in
 * the future nor before the purchase, inside the market's calendar (the settlement clock counts
 * from it); a known condition; a batch of at most 32 characters. Problems carry the API's field
 * names ({@code receivedOn}, {@code condition}, {@code batch}).
 */
@Component
class ParcelReceipts {

  private final CustomerService customers;
  private final Calendars calendars;

  ParcelReceipts(CustomerService customers, Calendars calendars) {
    this.customers = customers;
    this.calendars = calendars;
  }

  List<FieldProblem> problems(Returns.Return recorded, LocalDate receivedOn, String condition, String batch) {
    List<FieldProblem> problems = new ArrayList<>();
    var customer = customers.find(recorded.customerId());
    ZoneId zone = customer.map(c -> c.market().zone()).orElse(ZoneOffset.UTC);
    if (receivedOn == null) {
      problems.add(new FieldProblem("receivedOn", "is required"));
    } else {
      notAfterToday(problems, "receivedOn", receivedOn, zone);
      if (receivedOn.isBefore(recorded.purchaseDate())) {
        problems.add(new FieldProblem("receivedOn", "must not be before the purchase date " + recorded.purchaseDate()));
      }
      customer.map(c -> Calendars.coverageProblem(calendars.of(c.market()), receivedOn))
          .ifPresent(problem -> problems.add(new FieldProblem("receivedOn", problem)));
    }
    List<String> conditions = Arrays.stream(ReturnsController.Condition.values()).map(c -> c.json()).toList();
    if (condition == null || !conditions.contains(condition)) {
      problems.add(new FieldProblem("condition", "must be one of " + String.join(", ", conditions)));
    }
    if (batch != null && batch.length() > 32) {
      problems.add(new FieldProblem("batch", "must be at most 32 characters (has " + batch.length() + ")"));
    }
    return problems;
  }

  /** A day of the market (its "today" may be ahead of the server's) that is not in the future. */
  static void notAfterToday(List<FieldProblem> problems, String field, LocalDate date, ZoneId zone) {
    // the engine's clock: a process test that moves it moves "today" too
    LocalDate today = LocalDate.ofInstant(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant(), zone);
    if (date != null && date.isAfter(today)) {
      problems.add(new FieldProblem(field, "must be a date in the past or today (" + today + " in " + zone + ")"));
    }
  }
}
