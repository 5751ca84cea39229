package io.aftercare.reporting;

import io.aftercare.customer.Market;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * What a report covers: the days {@code from} to {@code to} (both included) in the market's time
 * zone (UTC when all markets are shown), one market or all, one intake channel or all.
 */
public record ReportFilter(LocalDate from, LocalDate to, Market market, String channel, Instant now) {

  /** Periods up to this many days are shown per day, longer ones per week. */
  static final int DAILY_UP_TO_DAYS = 62;

  public ZoneId zone() {
    return zoneOf(market);
  }

  /** Days are counted in the market's zone; for all markets in UTC. */
  static ZoneId zoneOf(Market market) {
    return market == null ? ZoneOffset.UTC : market.zone();
  }

  public Instant start() {
    return from.atStartOfDay(zone()).toInstant();
  }

  public Instant end() {
    return to.plusDays(1).atStartOfDay(zone()).toInstant();
  }

  /** {@code day} or {@code week}: the time buckets of the series. */
  public String bucket() {
    return ChronoUnit.DAYS.between(from, to) + 1 <= DAILY_UP_TO_DAYS ? "day" : "week";
  }

  /** The SQL name of the zone, for {@code at time zone}. */
  String zoneName() {
    return market == null ? "UTC" : market.zone().getId();
  }
}
