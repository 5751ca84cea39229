package io.aftercare.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The brand's service-level targets by name ({@code aftercare.sla.targets}), each with its amount
 * and how it is counted, plus when to warn (share of the target) and when to escalate to the
 * manager (after the due date), and the task priority at breach. Computes due dates, warning dates and pause shifts.
 */
@ConfigurationProperties("aftercare.sla")
public record SlaPolicy(Double warnAt, Duration escalateAfter, Integer breachPriority,
    Map<String, Target> targets) {

  /** How a target's amount is counted. */
  public enum Basis {
    /** Wall-clock time: {@code PT15M} is fifteen minutes, nights and Sundays included. */
    CALENDAR,
    /** Whole days: the end of the N-th day after the start date (regulatory "within N days"). */
    CALENDAR_DAYS,
    /** Working time only: the market's working hours on its working days. */
    WORKING_HOURS,
    /** The same time of day N working days later, within working hours. */
    WORKING_DAYS,
    /** The end of the N-th business day (Monday to Friday less public holidays). */
    BUSINESS_DAYS,
    /**
     * Whole days as the law counts a period: the end of the N-th day, moved to the end of the
     * next business day when that day is a Saturday, Sunday or public holiday (Reg. 1182/71 art. 3(4)).
     */
    PERIOD_DAYS
  }

  /**
   * One target: amount (ISO-8601, {@code PT1H}, {@code P15D}), basis, optional own warn share and
   * escalation, and optionally {@code notBeforeStart}: for a clock counted from an earlier day
   * (its {@code from}) and started only after it would have been due, the time it leaves from its
   * start instead, counted by the same basis. The refund after an EU withdrawal counts from the
   * withdrawal, but the trader may withhold it until the goods are back (Directive 2011/83/EU art.
   * 13(3)): a parcel that comes back after the 14 days still leaves this much to refund it.
   */
  public record Target(Duration duration, Basis basis, Double warnAt, Duration escalateAfter,
      Duration notBeforeStart) {}

  public SlaPolicy {
    warnAt = warnAt == null ? 0.75 : warnAt;
    escalateAfter = escalateAfter == null ? Duration.ofHours(4) : escalateAfter;
    breachPriority = breachPriority == null ? 80 : breachPriority;
    targets = targets == null ? Map.of() : Map.copyOf(targets);
    for (Map.Entry<String, Target> entry : targets.entrySet()) {
      Target target = entry.getValue();
      if (target.duration() == null || target.basis() == null) {
        throw new IllegalArgumentException("aftercare.sla.targets." + entry.getKey() + " needs duration and basis");
      }
    }
    if (warnAt <= 0 || warnAt >= 1) {
      throw new IllegalArgumentException("aftercare.sla.warn-at must be between 0 and 1, was " + warnAt);
    }
  }

  /**
   * The target a clock counts by: the clock's name, or for a name {@code target:instance} (one of
   * several clocks of a target on a case, e.g. {@code adverse.followup.US.serious:F2}) the part before ':'.
   */
  public Target target(String name) {
    Target target = targets.get(name);
    if (target == null && name.indexOf(':') > 0) {
      target = targets.get(name.substring(0, name.indexOf(':')));
    }
    if (target == null) {
      throw new IllegalArgumentException("No SLA target '" + name + "' in aftercare.sla.targets; known: "
          + new java.util.TreeSet<>(targets.keySet()));
    }
    return target;
  }

  public Instant due(String name, BusinessCalendar calendar, Instant start) {
    Target target = target(name);
    return add(target.basis(), calendar, start, target.duration());
  }

  /**
   * The due time of a clock counted from {@code from} but started at {@code startedAt}: {@link #due}
   * from {@code from}; when that had passed at {@code startedAt} and the target has a
   * {@code notBeforeStart}, that much after {@code startedAt}.
   */
  public Instant due(String name, BusinessCalendar calendar, Instant from, Instant startedAt) {
    Instant due = due(name, calendar, from);
    Duration least = target(name).notBeforeStart();
    return least == null || !startedAt.isAfter(due) ? due : add(target(name).basis(), calendar, startedAt, least);
  }

  private static Instant add(Basis basis, BusinessCalendar calendar, Instant start, Duration amount) {
    return switch (basis) {
      case CALENDAR -> calendar.addCalendarTime(start, amount);
      case CALENDAR_DAYS -> calendar.addCalendarDays(start, (int) amount.toDays());
      case WORKING_HOURS -> calendar.addWorkingHours(start, amount);
      case WORKING_DAYS -> calendar.addWorkingDays(start, (int) amount.toDays());
      case BUSINESS_DAYS -> calendar.addBusinessDays(start, (int) amount.toDays());
      case PERIOD_DAYS -> calendar.addPeriodDays(start, (int) amount.toDays());
    };
  }

  /** When the assignee is warned: the target's warn share of the way from start to due. */
  public Instant warn(String name, BusinessCalendar calendar, Instant start, Instant due) {
    Target target = target(name);
    double share = target.warnAt() == null ? warnAt : target.warnAt();
    if (counted(target) == Basis.CALENDAR) {
      return start.plus(scale(java.time.Duration.between(start, due), share));
    }
    return calendar.addWorkingHours(start, scale(calendar.workingTimeBetween(start, due), share));
  }

  /** When the manager hears of a breach that is still open. */
  public Instant escalation(String name, Instant due) {
    Target target = target(name);
    return due.plus(target.escalateAfter() == null ? escalateAfter : target.escalateAfter());
  }

  /**
   * Moves an instant (a due date, a timer) by the time a clock was paused, counted as the clock
   * counts: wall-clock time for calendar targets, working time for working targets.
   */
  public Instant shift(String name, BusinessCalendar calendar, Instant instant, Instant pausedAt,
      Instant resumedAt) {
    if (counted(target(name)) == Basis.CALENDAR) {
      return instant.plus(java.time.Duration.between(pausedAt, resumedAt));
    }
    Duration paused = calendar.workingTimeBetween(pausedAt, resumedAt);
    return paused.isZero() ? instant : calendar.addWorkingHours(instant, paused);
  }

  /** Calendar targets count wall-clock time; all others count working time. */
  private static Basis counted(Target target) {
    return target.basis() == Basis.CALENDAR || target.basis() == Basis.CALENDAR_DAYS
        || target.basis() == Basis.PERIOD_DAYS ? Basis.CALENDAR : Basis.WORKING_HOURS;
  }

  private static Duration scale(Duration duration, double share) {
    return Duration.ofMillis(Math.round(duration.toMillis() * share));
  }
}
