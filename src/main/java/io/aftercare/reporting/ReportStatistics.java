package io.aftercare.reporting;

import io.aftercare.customer.Market;
import io.aftercare.process.Databases;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL's statistics on the days and weeks the reports count by. A report groups a year of
 * cases by {@code cast(started_at at time zone 'UTC' as date)}; without statistics on that
 * expression PostgreSQL guesses a group per row, sorts the whole year and aggregates one process
 * at a time (volumes over a year of 1,000,000 cases: 1.1 s for the processes alone). With them it
 * knows a year has 365 days and counts them in a hash table on both cores (0.26 s). Created for
 * every zone a report counts days in (UTC and each market's), from the same expressions the
 * reports use ({@link ReportSql#postgresDay}, {@link ReportSql#postgresWeek}), when missing; the
 * tables are analysed once when they are. H2 has no such statistics and needs none.
 */
@Component
class ReportStatistics {

  private static final Logger LOG = LoggerFactory.getLogger(ReportStatistics.class);

  /** The tables and instants the reports bucket by day or week, and other expressions they group by. */
  private record Grouped(String table, String column, boolean days, List<String> more) {}

  private static final List<Grouped> GROUPED = List.of(
      new Grouped("report_process", "started_at", true, List.of()),
      new Grouped("complaint", "received_at", true, List.of("coalesce(category, 'UNTRIAGED')", "intake_channel")),
      new Grouped("escalation", "occurred_at", false, List.of()));

  private final JdbcClient jdbc;

  ReportStatistics(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @EventListener(ApplicationReadyEvent.class)
  void onStart() {
    try {
      create(jdbc);
    } catch (DataAccessException e) {
      // two nodes starting at once: the other one's statistics stand
      LOG.warn("Could not create the reports' statistics: {}", e.getMessage());
    }
  }

  /** Creates what is missing (PostgreSQL only) and analyses the tables it created statistics for. */
  static void create(JdbcClient jdbc) {
    if (!Databases.isPostgres(jdbc)) {
      return;
    }
    List<String> zones = new ArrayList<>(List.of("UTC"));
    for (Market market : Market.values()) {
      zones.add(market.zone().getId());
    }
    for (Grouped grouped : GROUPED) {
      boolean created = false;
      for (String zone : zones) {
        String name = grouped.table() + "_by_day_" + zone.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "_");
        boolean exists = jdbc.sql("select count(*) from pg_statistic_ext where stxname = ?").param(name)
            .query(Long.class).single() > 0;
        if (exists) {
          continue;
        }
        List<String> expressions = new ArrayList<>();
        if (grouped.days()) {
          expressions.add(ReportSql.postgresDay(grouped.column(), zone));
        }
        expressions.add(ReportSql.postgresWeek(grouped.column(), zone));
        expressions.addAll(grouped.more());
        jdbc.sql("create statistics if not exists " + name + " on (" + String.join("), (", expressions) + ") from "
            + grouped.table()).update();
        created = true;
      }
      if (created) {
        jdbc.sql("analyze " + grouped.table()).update();
      }
    }
  }
}
