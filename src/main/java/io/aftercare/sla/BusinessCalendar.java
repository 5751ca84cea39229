package io.aftercare.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * One calendar (a market's service team, or an EU country's consumer periods): its zone, working
 * hours, working days, public holidays, adjusted working days (weekend days that are worked, such
 * as China's 调休 days) and the years it covers. Immutable.
 *
 * <p>Working days are the service team's days; business days are the regulators' and the law's
 * days (Monday to Friday, less public holidays, plus adjusted working days). Asking about a day
 * outside the covered years throws {@link CalendarCoverageException}: an unknown year is never
 * counted as if it had no holidays.
 */
public final class BusinessCalendar {

  private static final int SEARCH_LIMIT_DAYS = 366;

  private final String code;
  private final ZoneId zone;
  private final LocalTime workStart;
  private final LocalTime workEnd;
  private final Set<DayOfWeek> workingDays;
  private final Set<LocalDate> holidays;
  private final Set<LocalDate> adjustedWorkingDays;
  private final int firstYear;
  private final int lastYear;
  private final Set<Integer> provisionalYears;

  public BusinessCalendar(String code, ZoneId zone, LocalTime workStart, LocalTime workEnd,
      Set<DayOfWeek> workingDays, Set<LocalDate> holidays, Set<LocalDate> adjustedWorkingDays, int firstYear,
      int lastYear, Set<Integer> provisionalYears) {
    if (!workEnd.isAfter(workStart)) {
      throw new IllegalArgumentException("working hours must end after they start: " + workStart + "-" + workEnd);
    }
    if (workingDays.isEmpty()) {
      throw new IllegalArgumentException("a calendar needs at least one working day");
    }
    if (lastYear < firstYear) {
      throw new IllegalArgumentException("calendar " + code + " covers no year: " + firstYear + "-" + lastYear);
    }
    this.code = code;
    this.zone = zone;
    this.workStart = workStart;
    this.workEnd = workEnd;
    this.workingDays = Set.copyOf(workingDays);
    this.holidays = Set.copyOf(holidays);
    this.adjustedWorkingDays = Set.copyOf(adjustedWorkingDays);
    this.firstYear = firstYear;
    this.lastYear = lastYear;
    this.provisionalYears = Set.copyOf(provisionalYears);
  }

  /** The calendar's name in calendars.yaml: {@code CN}, {@code US}, or an EU country ({@code FR}, {@code DE}, …). */
  public String code() {
    return code;
  }

  public int firstYear() {
    return firstYear;
  }

  public int lastYear() {
    return lastYear;
  }

  /** Years whose holidays are not yet official (China's next year before the State Council's notice). */
  public Set<Integer> provisionalYears() {
    return provisionalYears;
  }

  public boolean covers(LocalDate date) {
    return date.getYear() >= firstYear && date.getYear() <= lastYear;
  }

  /** Throws {@link CalendarCoverageException} for a day outside the covered years. */
  public void requireCovered(LocalDate date) {
    if (!covers(date)) {
      throw new CalendarCoverageException(code, date, firstYear, lastYear);
    }
  }

  public ZoneId zone() {
    return zone;
  }

  public boolean isWorkingDay(LocalDate date) {
    requireCovered(date);
    if (holidays.contains(date)) {
      return false;
    }
    return adjustedWorkingDays.contains(date) || workingDays.contains(date.getDayOfWeek());
  }

  public boolean isBusinessDay(LocalDate date) {
    requireCovered(date);
    if (holidays.contains(date)) {
      return false;
    }
    return adjustedWorkingDays.contains(date)
        || (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY);
  }

  public Instant addCalendarTime(Instant from, Duration amount) {
    return from.plus(amount);
  }

  /** End of the day that is {@code days} calendar days after {@code from}'s date (regulatory days). */
  public Instant addCalendarDays(Instant from, int days) {
    return endOfDay(from.atZone(zone).toLocalDate().plusDays(days));
  }

  /**
   * The last day of a period of {@code days} days counted from the day after {@code start}, moved
   * to the next business day when it is a Saturday, Sunday or public holiday (Regulation (EEC,
   * Euratom) No 1182/71 art. 3(4)).
   */
  public LocalDate periodEnd(LocalDate start, int days) {
    LocalDate last = start.plusDays(days);
    while (!isBusinessDay(last)) {
      last = last.plusDays(1);
    }
    return last;
  }

  /**
   * The shortest period from {@code start} that {@code day} still lies in: the days since
   * {@code start}, less the Saturdays, Sundays and holidays immediately before {@code day}, since
   * a period ending on one of them runs on to the next business day. So for every length N,
   * {@code periodDay(start, day) <= N} exactly when {@code day} is not after
   * {@link #periodEnd periodEnd(start, N)}: a rule table compares it with its day limits (14, 730)
   * as it would compare plain days.
   */
  public long periodDay(LocalDate start, LocalDate day) {
    long n = java.time.temporal.ChronoUnit.DAYS.between(start, day);
    long counted = n;
    for (LocalDate before = day.minusDays(1); counted > 0 && !isBusinessDay(before); before = before.minusDays(1)) {
      counted--;
    }
    return counted;
  }

  /** End of the last day of a period of {@code days} days from {@code from}'s date ({@link #periodEnd}). */
  public Instant addPeriodDays(Instant from, int days) {
    return endOfDay(periodEnd(from.atZone(zone).toLocalDate(), days));
  }

  /** Adds working time: only the working hours of working days count. */
  public Instant addWorkingHours(Instant from, Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("cannot add negative working time " + amount);
    }
    ZonedDateTime at = nextWorkingMoment(from.atZone(zone));
    Duration remaining = amount;
    for (int guard = 0; guard < SEARCH_LIMIT_DAYS * 10; guard++) {
      ZonedDateTime closing = at.toLocalDate().atTime(workEnd).atZone(zone);
      Duration available = Duration.between(at, closing);
      if (remaining.compareTo(available) <= 0) {
        return at.plus(remaining).toInstant();
      }
      remaining = remaining.minus(available);
      at = nextWorkingMoment(closing.plusNanos(1));
    }
    throw new IllegalStateException("no working time found within " + SEARCH_LIMIT_DAYS * 10 + " days");
  }

  /**
   * The same time of day on the {@code days}-th working day after {@code from}'s date, kept within
   * that day's working hours (a Friday-evening start plus one working day is Monday at closing).
   */
  public Instant addWorkingDays(Instant from, int days) {
    ZonedDateTime start = from.atZone(zone);
    LocalDate date = nthDay(start.toLocalDate(), days, true);
    LocalTime time = start.toLocalTime();
    if (time.isBefore(workStart)) {
      time = workStart;
    } else if (time.isAfter(workEnd)) {
      time = workEnd;
    }
    return date.atTime(time).atZone(zone).toInstant();
  }

  /** End of the {@code days}-th business day after {@code from}'s date (regulatory deadlines). */
  public Instant addBusinessDays(Instant from, int days) {
    return endOfDay(nthDay(from.atZone(zone).toLocalDate(), days, false));
  }

  /** Working time between two instants (zero when {@code to} is not after {@code from}). */
  public Duration workingTimeBetween(Instant from, Instant to) {
    Duration total = Duration.ZERO;
    if (!to.isAfter(from)) {
      return total;
    }
    LocalDate day = from.atZone(zone).toLocalDate();
    LocalDate last = to.atZone(zone).toLocalDate();
    for (; !day.isAfter(last); day = day.plusDays(1)) {
      if (!isWorkingDay(day)) {
        continue;
      }
      Instant open = day.atTime(workStart).atZone(zone).toInstant();
      Instant close = day.atTime(workEnd).atZone(zone).toInstant();
      Instant start = from.isAfter(open) ? from : open;
      Instant end = to.isBefore(close) ? to : close;
      if (end.isAfter(start)) {
        total = total.plus(Duration.between(start, end));
      }
    }
    return total;
  }

  private ZonedDateTime nextWorkingMoment(ZonedDateTime at) {
    ZonedDateTime candidate = at;
    for (int guard = 0; guard < SEARCH_LIMIT_DAYS; guard++) {
      LocalDate date = candidate.toLocalDate();
      if (isWorkingDay(date)) {
        LocalTime time = candidate.toLocalTime();
        if (time.isBefore(workStart)) {
          return date.atTime(workStart).atZone(zone);
        }
        if (time.isBefore(workEnd)) {
          return candidate;
        }
      }
      candidate = date.plusDays(1).atTime(workStart).atZone(zone);
    }
    throw new IllegalStateException("no working day within " + SEARCH_LIMIT_DAYS + " days of " + at);
  }

  private LocalDate nthDay(LocalDate from, int days, boolean working) {
    if (days < 0) {
      throw new IllegalArgumentException("cannot add negative days " + days);
    }
    LocalDate date = from;
    int counted = 0;
    for (int guard = 0; counted < days; guard++) {
      if (guard > SEARCH_LIMIT_DAYS * 5) {
        throw new IllegalStateException("no " + days + " working days found after " + from);
      }
      date = date.plusDays(1);
      if (working ? isWorkingDay(date) : isBusinessDay(date)) {
        counted++;
      }
    }
    return date;
  }

  private Instant endOfDay(LocalDate date) {
    return date.atTime(LocalTime.of(23, 59, 59)).atZone(zone).toInstant();
  }
}
