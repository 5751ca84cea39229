package io.aftercare.sla;

import io.aftercare.customer.Market;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The business calendars, from {@code aftercare.calendar} (calendars.yaml): one per market's
 * service team and one per EU country whose consumers' periods Aftercare counts. Holidays that
 * follow a rule are computed from it for every covered year; China's come per year from the State
 * Council's notice.
 */
@Component
public class Calendars {

  /** One year of holidays as published (China): dates or inclusive ranges {@code 2026-02-15/2026-02-23}. */
  public record Year(List<String> holidays, List<String> adjustedWorkingDays, String source, Boolean provisional) {}

  /**
   * One calendar: zone, working hours and days; {@code rules} (see {@link HolidayRule}) for the
   * years {@code covers} ({@code 2020/2035}), or published {@code years}.
   */
  public record Definition(ZoneId zone, LocalTime workStart, LocalTime workEnd, Set<DayOfWeek> workingDays,
      String covers, List<String> rules, Map<Integer, Year> years) {}

  /**
   * {@code markets}: the calendar of each market's service team; {@code consumerCountries}: per
   * market, the countries whose consumers' periods are counted in their own calendar;
   * {@code calendars}: every calendar by name.
   */
  @ConfigurationProperties("aftercare.calendar")
  public record Settings(Map<Market, String> markets, Map<Market, List<String>> consumerCountries,
      Map<String, Definition> calendars) {}

  private final Map<String, BusinessCalendar> calendars = new TreeMap<>();
  private final Map<Market, BusinessCalendar> markets = new EnumMap<>(Market.class);
  private final Map<Market, List<String>> consumerCountries = new EnumMap<>(Market.class);

  Calendars(Settings settings) {
    if (settings.calendars() != null) {
      settings.calendars().forEach((code, definition) -> calendars.put(code.toUpperCase(Locale.ROOT),
          build(code.toUpperCase(Locale.ROOT), definition)));
    }
    for (Market market : Market.values()) {
      String code = settings.markets() == null ? null : settings.markets().get(market);
      if (code == null || !calendars.containsKey(code)) {
        throw new IllegalArgumentException("aftercare.calendar.markets." + market + " must name a calendar of"
            + " aftercare.calendar.calendars " + calendars.keySet() + ", was " + code);
      }
      markets.put(market, calendars.get(code));
      List<String> countries = settings.consumerCountries() == null ? null : settings.consumerCountries().get(market);
      if (countries != null) {
        List<String> codes = countries.stream().map(c -> c.toUpperCase(Locale.ROOT)).sorted().toList();
        for (String country : codes) {
          if (!calendars.containsKey(country)) {
            throw new IllegalArgumentException("aftercare.calendar.consumer-countries." + market + " names " + country
                + ", which has no calendar in aftercare.calendar.calendars " + calendars.keySet());
          }
        }
        consumerCountries.put(market, codes);
      }
    }
  }

  /**
   * The calendar a consumer of the market in {@code country} counts their legal periods in, when
   * the market counts them per country (the EU) and the country is one of its consumer countries.
   */
  public Optional<BusinessCalendar> consumerCalendar(Market market, String country) {
    return country == null ? Optional.empty() : consumerCountries(market).contains(country.toUpperCase(Locale.ROOT))
        ? named(country) : Optional.empty();
  }

  /** The countries whose consumers of the market count periods in their own calendar, sorted; empty if none. */
  public List<String> consumerCountries(Market market) {
    return consumerCountries.getOrDefault(market, List.of());
  }

  /** The calendar of a market's service team (its working hours, its regulators' business days). */
  public BusinessCalendar of(Market market) {
    return markets.get(market);
  }

  /** A calendar by name (a market's, or an EU country's by ISO 3166-1 alpha-2 code). */
  public Optional<BusinessCalendar> named(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(calendars.get(code.toUpperCase(Locale.ROOT)));
  }

  /** Every calendar, by name. */
  public Map<String, BusinessCalendar> all() {
    return Map.copyOf(calendars);
  }

  /** Null when {@code calendar} covers {@code date}, else what is missing ("the CN calendar has no 2024 …"). */
  public static String coverageProblem(BusinessCalendar calendar, LocalDate date) {
    return calendar.covers(date) ? null : CalendarCoverageException.message(calendar.code(), date,
        calendar.firstYear(), calendar.lastYear());
  }

  private static BusinessCalendar build(String code, Definition d) {
    if (d.zone() == null || d.workStart() == null || d.workEnd() == null || d.workingDays() == null) {
      throw new IllegalArgumentException("aftercare.calendar.calendars." + code
          + " needs zone, work-start, work-end and working-days");
    }
    Set<LocalDate> holidays = new HashSet<>();
    Set<LocalDate> adjusted = new HashSet<>();
    Set<Integer> provisional = new LinkedHashSet<>();
    int first;
    int last;
    if (d.rules() != null && !d.rules().isEmpty()) {
      if (d.covers() == null || !d.covers().matches("\\d{4}/\\d{4}")) {
        throw new IllegalArgumentException("aftercare.calendar.calendars." + code + ".covers must be first/last year,"
            + " e.g. 2020/2035");
      }
      first = Integer.parseInt(d.covers().substring(0, 4));
      last = Integer.parseInt(d.covers().substring(5));
      List<HolidayRule> rules = d.rules().stream().map(HolidayRule::parse).toList();
      // the year before and after too: a holiday observed across the new year (1 Jan 2028 on a
      // Saturday is observed on Friday 31 December 2027)
      for (int year = first - 1; year <= last + 1; year++) {
        for (HolidayRule rule : rules) {
          holidays.add(rule.on(year, holidays));
        }
      }
    } else if (d.years() != null && !d.years().isEmpty()) {
      first = d.years().keySet().stream().min(Integer::compare).orElseThrow();
      last = d.years().keySet().stream().max(Integer::compare).orElseThrow();
      for (int year = first; year <= last; year++) {
        Year published = d.years().get(year);
        if (published == null) {
          throw new IllegalArgumentException("aftercare.calendar.calendars." + code + ".years has no " + year
              + " between " + first + " and " + last);
        }
        holidays.addAll(dates(published.holidays()));
        adjusted.addAll(dates(published.adjustedWorkingDays()));
        if (Boolean.TRUE.equals(published.provisional())) {
          provisional.add(year);
        }
      }
    } else {
      throw new IllegalArgumentException("aftercare.calendar.calendars." + code + " needs rules (with covers) or years");
    }
    return new BusinessCalendar(code, d.zone(), d.workStart(), d.workEnd(), d.workingDays(), holidays, adjusted,
        first, last, provisional);
  }

  static Set<LocalDate> dates(List<String> entries) {
    Set<LocalDate> dates = new HashSet<>();
    if (entries == null) {
      return dates;
    }
    for (String entry : entries) {
      String[] range = entry.trim().split("/");
      LocalDate first = LocalDate.parse(range[0].trim());
      LocalDate last = range.length > 1 ? LocalDate.parse(range[1].trim()) : first;
      if (last.isBefore(first)) {
        throw new IllegalArgumentException("calendar range ends before it starts: " + entry);
      }
      for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
        dates.add(d);
      }
    }
    return dates;
  }
}
