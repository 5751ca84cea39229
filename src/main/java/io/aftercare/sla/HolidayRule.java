package io.aftercare.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A public holiday that follows a rule, computed for any year instead of typed per year. The
 * forms, as written in calendars.yaml:
 * <ul>
 *   <li>{@code 12-25}: a fixed day;</li>
 *   <li>{@code 07-04 observed}: a fixed day that, on a Saturday, is observed on the Friday before
 *       and, on a Sunday, on the Monday after (US federal holidays, 5 U.S.C. 6103(b));</li>
 *   <li>{@code 12-26 next-weekday}: a fixed day that, on a weekend, moves to the next weekday not
 *       already a holiday (Ireland's public holidays);</li>
 *   <li>{@code easter+1}, {@code easter-2}: days from Western Easter Sunday (Easter Monday, Good Friday);</li>
 *   <li>{@code 3rd MONDAY of JANUARY}, {@code last MONDAY of MAY}: a weekday of a month;</li>
 *   <li>{@code 02-01 if FRIDAY else 1st MONDAY of FEBRUARY}: a fixed day on one weekday, else a
 *       weekday of the month (Ireland's St Brigid's Day since 2023).</li>
 * </ul>
 */
final class HolidayRule {

  private static final Pattern FIXED = Pattern.compile("(\\d{2}-\\d{2})(?: (observed|next-weekday))?");
  private static final Pattern EASTER = Pattern.compile("easter([+-]\\d+)?");
  private static final Pattern NTH = Pattern.compile("(1st|2nd|3rd|4th|5th|last) ([A-Z]+) of ([A-Z]+)");
  private static final Pattern EITHER = Pattern.compile("(\\d{2}-\\d{2}) if ([A-Z]+) else (.+)");

  private final String text;

  private HolidayRule(String text) {
    this.text = text;
  }

  /** Parses a rule; a rule that does not parse stops the start-up with the rule in the message. */
  static HolidayRule parse(String text) {
    HolidayRule rule = new HolidayRule(text.trim());
    rule.on(2024, Set.of());
    return rule;
  }

  /** The day the holiday falls on (or is observed on) in {@code year}, given the holidays found so far. */
  LocalDate on(int year, Set<LocalDate> taken) {
    Matcher m;
    if ((m = FIXED.matcher(text)).matches()) {
      LocalDate day = MonthDay.parse("--" + m.group(1)).atYear(year);
      if ("observed".equals(m.group(2))) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY ? day.minusDays(1)
            : day.getDayOfWeek() == DayOfWeek.SUNDAY ? day.plusDays(1) : day;
      }
      if ("next-weekday".equals(m.group(2))) {
        while (weekend(day) || taken.contains(day)) {
          day = day.plusDays(1);
        }
      }
      return day;
    }
    if ((m = EASTER.matcher(text)).matches()) {
      return easterSunday(year).plusDays(m.group(1) == null ? 0 : Integer.parseInt(m.group(1)));
    }
    if ((m = NTH.matcher(text)).matches()) {
      DayOfWeek weekday = DayOfWeek.valueOf(m.group(2));
      LocalDate first = LocalDate.of(year, Month.valueOf(m.group(3)), 1);
      return m.group(1).equals("last") ? first.with(TemporalAdjusters.lastInMonth(weekday))
          : first.with(TemporalAdjusters.dayOfWeekInMonth(m.group(1).charAt(0) - '0', weekday));
    }
    if ((m = EITHER.matcher(text)).matches()) {
      LocalDate day = MonthDay.parse("--" + m.group(1)).atYear(year);
      return day.getDayOfWeek() == DayOfWeek.valueOf(m.group(2)) ? day : new HolidayRule(m.group(3)).on(year, taken);
    }
    throw new IllegalArgumentException("calendar rule not understood: '" + text + "' (forms: 12-25, 07-04 observed,"
        + " 12-26 next-weekday, easter+1, 3rd MONDAY of JANUARY, last MONDAY of MAY,"
        + " 02-01 if FRIDAY else 1st MONDAY of FEBRUARY)");
  }

  /** Western (Gregorian) Easter Sunday: the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
  static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = (h + l - 7 * m + 114) % 31 + 1;
    return LocalDate.of(year, month, day);
  }

  private static boolean weekend(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  @Override
  public String toString() {
    return text.toLowerCase(Locale.ROOT);
  }
}
