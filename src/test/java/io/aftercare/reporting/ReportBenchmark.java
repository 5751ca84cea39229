package io.aftercare.reporting;

import io.aftercare.adversereaction.AdverseReactionSettings;
import io.aftercare.customer.Market;
import io.aftercare.support.SyntheticYear;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reports' speed on a year of synthetic history in PostgreSQL: loads at least a million cases
 * (with their clocks, complaints, tasks, escalations, messages and answers) into a database of its
 * own, then runs every report many times and prints p50 / p95 latency. A benchmark, not a test:
 * it asserts nothing and is not part of the build. Run it as the README says:
 *
 * <pre>./mvnw -q test-compile exec:java@benchmark [-Dbenchmark.cases=1000000] [-Dbenchmark.runs=30]</pre>
 *
 * The database ({@code benchmark.url}, default {@code aftercare_bench} on 127.0.0.1) is created
 * when missing and loaded once; a later run reuses it unless {@code -Dbenchmark.reload=true}.
 */
public final class ReportBenchmark {

  private ReportBenchmark() {}

  public static void main(String[] args) throws Exception {
    io.aftercare.support.BenchmarkDatabase db = io.aftercare.support.BenchmarkDatabase.of("aftercare_bench").created();
    String server = db.server();
    String database = db.database();
    String user = db.user();
    String password = db.password();
    int cases = Integer.getInteger("benchmark.cases", 1_000_000);
    int runs = Integer.getInteger("benchmark.runs", 30);
    boolean reload = Boolean.getBoolean("benchmark.reload");

    SingleConnectionDataSource dataSource = new SingleConnectionDataSource(server + database, user, password, true);
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
        .table("aftercare_schema_history").baselineOnMigrate(true).baselineVersion("0").load().migrate();
    JdbcClient jdbc = JdbcClient.create(dataSource);

    long loaded = jdbc.sql("select count(*) from case_file").query(Long.class).single();
    if (reload || loaded < cases) {
      long start = System.nanoTime();
      load(dataSource, cases);
      System.out.printf("loaded %,d cases in %.0f s%n", cases, (System.nanoTime() - start) / 1e9);
    }
    printSizes(jdbc);

    // as the application does at start: statistics on the days and weeks the reports count by
    ReportStatistics.create(jdbc);
    Reports reports = Reports.all(jdbc, new AdverseReactionSettings(0, null, null, null));
    // as in the application: each report in one read-only transaction
    TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    transaction.setReadOnly(true);
    transaction.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Map<String, ReportFilter> filters = new LinkedHashMap<>();
    filters.put("last 30 days", new ReportFilter(today.minusDays(29), today, null, null, Instant.now()));
    filters.put("30 days, CN, WECHAT", new ReportFilter(today.minusDays(29), today, Market.CN, "WECHAT", Instant.now()));
    filters.put("last 90 days", new ReportFilter(today.minusDays(89), today, null, null, Instant.now()));
    filters.put("whole year", new ReportFilter(today.minusDays(364), today, null, null, Instant.now()));

    System.out.printf("%n%-16s %-22s %8s %8s %8s  (%d runs after 3 warm-ups; ms)%n", "report", "filter", "p50", "p95",
        "max", runs);
    // -Dbenchmark.reports=service-levels,safety runs only those
    List<String> names = List.of(System.getProperty("benchmark.reports",
        "service-levels,backlog,escalations,volumes,satisfaction,safety,notifications").split(","));
    for (String name : names) {
      for (Map.Entry<String, ReportFilter> filter : filters.entrySet()) {
        measure(name, filter.getKey(), runs,
            () -> transaction.executeWithoutResult(status -> reports.report(name, filter.getValue())));
      }
    }
    ReportFilter month = filters.get("last 30 days");
    measure("cases behind", "breached clocks, 30 d", runs,
        () -> transaction.executeWithoutResult(status -> reports.cases("service-levels", month,
            Map.of("target", "complaint.resolve.general", "status", "met-late"))));
    measure("cases behind", "overdue tasks (backlog)", runs,
        () -> transaction.executeWithoutResult(status -> reports.cases("backlog", month,
            Map.of("kind", "task", "team", "agent", "overdue", "true"))));
    dataSource.destroy();
  }

  private static void measure(String name, String filter, int runs, Runnable report) {
    for (int i = 0; i < 3; i++) {
      report.run();
    }
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      report.run();
      millis.add((System.nanoTime() - start) / 1e6);
    }
    millis.sort(Double::compare);
    System.out.printf("%-16s %-22s %8.1f %8.1f %8.1f%n", name, filter, percentile(millis, 0.50),
        percentile(millis, 0.95), millis.get(millis.size() - 1));
  }

  /** Nearest-rank percentile. */
  private static double percentile(List<Double> sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  private static void printSizes(JdbcClient jdbc) {
    for (String table : List.of("case_file", "complaint", "adverse_reaction", "sla_clock", "sla_clock_day", "escalation",
        "notification", "satisfaction", "report_process", "report_task")) {
      System.out.printf("%-18s %,12d rows%n", table,
          jdbc.sql("select count(*) from " + table).query(Long.class).single());
    }
  }

  /**
   * A year of cases ending now ({@link SyntheticYear}, the last three days' still open) for 50,000
   * customers and a catalogue of 40 products with 10 batches each.
   */
  private static void load(SingleConnectionDataSource dataSource, int cases) throws java.sql.SQLException {
    JdbcClient jdbc = JdbcClient.create(dataSource);
    jdbc.sql("truncate table satisfaction, callback_attempt, survey, callback, regulatory_report, adverse_reaction,"
        + " complaint_attachment, return_request, complaint, escalation, sla_event, sla_clock, notification,"
        + " report_task, report_process, case_file, batch, product_registration, product, customer cascade").update();
    jdbc.sql("""
        insert into product (sku, name, category)
        select 'B-SKU-' || g, 'Benchmark product ' || g,
               (array['SKINCARE','MAKEUP','SUN_PROTECTION','HAIR_COLOURING','HAIRCARE','FRAGRANCE','BODY_CARE'])[1 + g % 7]
        from generate_series(1, 40) g""").update();
    jdbc.sql("""
        insert into batch (sku, lot_number, manufactured_on, expires_on)
        select 'B-SKU-' || p, 'L' || p || '-' || l, date '2025-01-01', date '2028-01-01'
        from generate_series(1, 40) p, generate_series(1, 10) l""").update();
    SyntheticYear.add(dataSource, cases, 50_000, SyntheticYear.Ending.OPEN_RECENT);
  }
}
