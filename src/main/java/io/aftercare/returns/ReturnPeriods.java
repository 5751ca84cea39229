package io.aftercare.returns;

import io.aftercare.customer.Customer;
import io.aftercare.customer.Market;
import io.aftercare.sla.BusinessCalendar;
import io.aftercare.sla.Calendars;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Counts a return period as the customer's law counts it. In the EU a period whose last day is a
 * Saturday, Sunday or public holiday of the consumer's country ends with the next working day
 * (Regulation (EEC, Euratom) No 1182/71 art. 3(4), applied to the 14-day withdrawal by Directive
 * 2011/83/EU recital 41), so an EU customer's request is counted in their country's calendar.
 * Elsewhere the days since delivery are counted as they are.
 */
@Component
public class ReturnPeriods {

  private final Calendars calendars;

  ReturnPeriods(Calendars calendars) {
    this.calendars = calendars;
  }

  /** The calendar that counts the customer's periods: their country's, for an EU customer. */
  public Optional<BusinessCalendar> calendarOf(Market market, String country) {
    return calendars.consumerCalendar(market, country);
  }

  /**
   * The day of the period a request on {@code requestedOn} counts as, from the day after
   * {@code deliveredOn}: the days since delivery, except that days after a last day on a weekend
   * or holiday still count as that last day ({@link BusinessCalendar#periodDay}).
   */
  public long periodDay(Customer customer, LocalDate deliveredOn, LocalDate requestedOn) {
    return calendarOf(customer.market(), customer.country())
        .map(calendar -> calendar.periodDay(deliveredOn, requestedOn))
        .orElseGet(() -> Returns.daysSinceDelivery(deliveredOn, requestedOn));
  }

  /** Null when an EU customer's country has a calendar, else what the field must say. */
  public String countryProblem(Market market, String country) {
    java.util.List<String> countries = calendars.consumerCountries(market);
    if (countries.isEmpty()) {
      return null;
    }
    if (country == null) {
      return "must be given for an " + market + " customer (ISO 3166-1 alpha-2, e.g. " + countries.get(0)
          + "): return periods end on a working day of the consumer's country";
    }
    return calendarOf(market, country).isPresent() ? null
        : "has no calendar in Aftercare (" + market + " countries with one: " + String.join(", ", countries) + ")";
  }
}
