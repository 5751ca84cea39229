package io.aftercare.sla;

import io.aftercare.customer.Market;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** The business calendar of each market, from {@code aftercare.calendar} (see calendars.yaml). */
@Component
public class Calendars {

  /**
   * A market's working hours and days; holidays and adjusted working days as ISO dates or
   * inclusive ranges {@code 2026-02-15/2026-02-23}.
   */
  public record MarketCalendar(LocalTime workStart, LocalTime workEnd, Set<DayOfWeek> workingDays,
      List<String> holidays, List<String> adjustedWorkingDays) {}

  @ConfigurationProperties("aftercare.calendar")
  public record Settings(Map<Market, MarketCalendar> markets) {}

  private final Map<Market, BusinessCalendar> calendars = new EnumMap<>(Market.class);

  Calendars(Settings settings) {
    for (Market market : Market.values()) {
      MarketCalendar config = settings.markets() == null ? null : settings.markets().get(market);
      if (config == null) {
        throw new IllegalArgumentException("aftercare.calendar.markets." + market + " is missing");
      }
      calendars.put(market, new BusinessCalendar(market.zone(), config.workStart(), config.workEnd(),
          config.workingDays(), dates(config.holidays()), dates(config.adjustedWorkingDays())));
    }
  }

  public BusinessCalendar of(Market market) {
    return calendars.get(market);
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
