package io.aftercare.reporting;

import io.aftercare.adversereaction.AdverseReactionSettings;
import io.aftercare.customer.Market;
import io.aftercare.sla.ClockRollups;
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
      load(jdbc, cases);
      System.out.printf("loaded %,d cases in %.0f s%n", cases, (System.nanoTime() - start) / 1e9);
      // the clocks were loaded without the application: their daily roll-ups are built as the migration does
      start = System.nanoTime();
      int days = ClockRollups.rebuild(dataSource.getConnection());
      jdbc.sql("analyze sla_clock_day").update();
      System.out.printf("rolled up the finished clocks into %,d rows in %.1f s%n", days, (System.nanoTime() - start) / 1e9);
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
   * A year of cases ending now: 60 % complaints, 3 % adverse reactions, 17 % returns, the rest
   * enquiries and care calls; cases of the last three days (and a few stuck older ones) still
   * open; clocks met mostly on time, some late, some cancelled; escalations on late clocks; two
   * messages per case; a third of the cases answered a satisfaction survey.
   */
  private static void load(JdbcClient jdbc, int cases) {
    jdbc.sql("truncate table satisfaction, callback_attempt, survey, callback, regulatory_report, adverse_reaction,"
        + " complaint_attachment, return_request, complaint, escalation, sla_event, sla_clock, notification,"
        + " report_task, report_process, case_file, batch, product_registration, product, customer cascade").update();
    String[] steps = {
        "select setseed(0.42)",
        """
        insert into customer (id, name, market, locale, currency, tier, created_at)
        select g, 'Customer ' || g, (array['CN','CN','CN','EU','US'])[1 + g % 5],
               case when g % 5 < 3 then 'zh-CN' else 'en' end, (array['CNY','CNY','CNY','EUR','USD'])[1 + g % 5],
               (array['HIGH','MEDIUM','LOW'])[1 + g % 3], now()
        from generate_series(1, 50000) g""",
        """
        insert into product (sku, name, category)
        select 'B-SKU-' || g, 'Benchmark product ' || g,
               (array['SKINCARE','MAKEUP','SUN_PROTECTION','HAIR_COLOURING','HAIRCARE','FRAGRANCE','BODY_CARE'])[1 + g % 7]
        from generate_series(1, 40) g""",
        """
        insert into batch (sku, lot_number, manufactured_on, expires_on)
        select 'B-SKU-' || p, 'L' || p || '-' || l, date '2025-01-01', date '2028-01-01'
        from generate_series(1, 40) p, generate_series(1, 10) l""",
        "drop table if exists bench_case",
        """
        create unlogged table bench_case as
        select i, 'AC-B-' || lpad(i::text, 9, '0') as case_number, c as customer_id,
               (array['CN','CN','CN','EU','US'])[1 + c % 5] as market,
               (array['PHONE','WEB','WECHAT','APP','STORE','SOCIAL','EMAIL'])[1 + floor(random() * 7)::int] as channel,
               opened_at, kind, (opened_at > now() - interval '3 days' or random() < 0.002) as open,
               1 + floor(random() * 40)::int as product, 1 + floor(random() * 10)::int as lot
        from (select i, 1 + floor(random() * 50000)::int as c, now() - random() * interval '365 days' as opened_at,
                     case when r < 0.60 then 'complaint' when r < 0.63 then 'adverse' when r < 0.80 then 'return'
                          else 'enquiry' end as kind
              from (select i, random() as r from generate_series(1, {cases}) i) s) t""".replace("{cases}", String.valueOf(cases)),
        """
        insert into case_file (case_number, customer_id, market, channel, opened_at)
        select case_number, customer_id, market, channel, opened_at from bench_case""",
        """
        insert into complaint (case_number, customer_id, intake_channel, sku, lot_number, purchase_channel, purchase_date,
               description, repeat_customer, repeat_batch, category, severity, team, reopened, received_at, closed_at)
        select case_number, customer_id, channel, 'B-SKU-' || product, 'L' || product || '-' || lot, 'ONLINE',
               cast(opened_at as date) - 10, 'synthetic', random() < 0.08, random() < 0.03,
               (array['SHADE_MISMATCH','IRRITATION_ALLERGY','EFFICACY','PACKAGING_DAMAGE','LOGISTICS',
                      'COUNTERFEIT_SUSPICION','SERVICE_ATTITUDE','OTHER'])[1 + floor(random() * 8)::int],
               1 + floor(random() * 3)::int, (array['agent','agent','agent','safety','supervisor'])[1 + floor(random() * 5)::int],
               case when random() < 0.04 then 1 else 0 end, opened_at,
               case when open then null else opened_at + interval '1 day' end
        from bench_case where kind = 'complaint'""",
        """
        insert into adverse_reaction (case_number, report_number, customer_id, sku, lot_number, market, aware_date,
               seriousness, received_at)
        select case_number, 'AR-B-' || i, customer_id, 'B-SKU-' || product, 'L' || product || '-' || lot, market,
               cast(opened_at as date), (array['general','general','general','serious','social_impact'])[1 + floor(random() * 5)::int],
               opened_at
        from bench_case where kind = 'adverse'""",
        // clocks: complaints have three, adverse reactions two, the others one
        """
        insert into sla_clock (case_number, target, market, state, started_at, due_at, warn_at, breached_at, ended_at,
               paused_seconds, elapsed_seconds)
        select case_number, target, market, state, opened_at, opened_at + target_seconds * interval '1 second',
               opened_at + target_seconds * 0.75 * interval '1 second',
               case when state = 'CANCELLED' then null
                    when state = 'MET' and elapsed > target_seconds then opened_at + target_seconds * interval '1 second'
                    when state = 'RUNNING' and now() > opened_at + target_seconds * interval '1 second'
                         then opened_at + target_seconds * interval '1 second' end,
               case when state = 'RUNNING' then null else opened_at + elapsed * interval '1 second' end,
               0, case when state = 'MET' then elapsed end
        from (select b.case_number, b.market, b.opened_at, t.target, t.target_seconds,
                     case when b.open and t.last then 'RUNNING' when random() < 0.02 then 'CANCELLED' else 'MET' end as state,
                     floor(t.target_seconds * (0.1 + random() * 1.05))::bigint as elapsed
              from bench_case b join (values
                  ('complaint', 'complaint.acknowledge', 900, false), ('complaint', 'complaint.confirm', 3600, false),
                  ('complaint', 'complaint.resolve.general', 86400, true),
                  ('adverse', 'adverse.internal', 86400, false), ('adverse', 'adverse.regulatory.CN.general', 2592000, true),
                  ('return', 'return.review', 86400, false), ('return', 'return.refund', 604800, true),
                  ('enquiry', 'enquiry.answer', 86400, true)) as t(kind, target, target_seconds, last)
                on t.kind = b.kind) c""",
        """
        insert into report_process (process_instance_id, case_number, process_key, process_name, market, channel,
               started_at, ended_at, state, stage, stage_since)
        select 'P' || i, case_number, p.key, p.name, market, channel, opened_at,
               case when open then null else opened_at + interval '2 days' end,
               case when open then 'ACTIVE' else 'COMPLETED' end,
               case when open then p.stage end, case when open then opened_at end
        from bench_case b join (values
            ('complaint', 'complaintHandling', 'Complaint handling', 'Resolve'),
            ('adverse', 'adverseReactionReport', 'Adverse-reaction report', 'Assess'),
            ('return', 'returnExchange', 'Return / exchange', 'Receive parcel'),
            ('enquiry', 'generalEnquiry', 'General enquiry', 'Answer enquiry')) as p(kind, key, name, stage)
          on p.kind = b.kind""",
        """
        insert into report_task (task_id, process_instance_id, case_number, process_key, task_key, name, stage, team,
               candidate_groups, assignee, market, channel, created_at, due_at, ended_at, end_reason, completed_by)
        select 'T' || i || '-' || n, 'P' || i, case_number, p.key, p.task_key, p.stage || ' ' || case_number, p.stage,
               p.team, p.team, null, market, channel, opened_at + n * interval '1 hour',
               opened_at + n * interval '1 hour' + interval '1 day',
               case when open and n = 2 then null else opened_at + (n + 1) * interval '1 hour' end,
               case when open and n = 2 then null else 'completed' end,
               case when open and n = 2 then null else p.team end
        from bench_case b join (values
            ('complaint', 'complaintHandling', 'Task_Resolve', 'Resolve', 'agent'),
            ('adverse', 'adverseReactionReport', 'Task_Assess', 'Assess', 'safety'),
            ('return', 'returnExchange', 'Task_ReceiveParcel', 'Receive parcel', 'returns'),
            ('enquiry', 'generalEnquiry', 'Task_Answer', 'Answer enquiry', 'agent')) as p(kind, key, task_key, stage, team)
          on p.kind = b.kind
        cross join generate_series(1, 2) n""",
        """
        insert into escalation (case_number, target, level, task_id, task_name, candidate_groups, occurred_at, team)
        select k.case_number, k.target, l, null, 'Synthetic task', 'agent', k.breached_at + (l - 2) * interval '1 hour',
               'agent'
        from sla_clock k cross join generate_series(1, 2) l where k.breached_at is not null""",
        // each case's first escalation at a level and team in its week, as Escalations.record marks it
        """
        update escalation e set first_of_week_utc = f.utc, first_of_week_local = f.local from (
          select x.id, row_number() over (partition by x.case_number, x.level, x.team,
                   date_trunc('week', x.occurred_at at time zone 'UTC') order by x.occurred_at, x.id) = 1 as utc,
                 row_number() over (partition by x.case_number, x.level, x.team,
                   date_trunc('week', x.occurred_at at time zone (case c.market when 'CN' then 'Asia/Shanghai'
                     when 'EU' then 'Europe/Paris' else 'America/New_York' end)) order by x.occurred_at, x.id) = 1 as local
          from escalation x join case_file c on c.case_number = x.case_number) f
        where f.id = e.id and (f.utc or f.local)""",
        """
        insert into notification (idempotency_key, case_number, audience, template, channel, recipient, language, body,
               state, attempts, next_attempt_at, created_at, sent_at)
        select 'bench-' || i || '-' || n, case_number, case when n = 2 and random() < 0.1 then 'INTERNAL' else 'CUSTOMER' end,
               'synthetic', case when random() < 0.5 then 'EMAIL' else 'SMS' end, 'someone@example.com', 'en', 'synthetic',
               s.state, 1, opened_at, opened_at + n * interval '1 minute',
               case when s.state = 'SENT' then opened_at + n * interval '1 minute' end
        from bench_case cross join generate_series(1, 2) n
        cross join lateral (select case when random() < 0.96 then 'SENT' when random() < 0.5 then 'PENDING' else 'FAILED' end
                            as state) s""",
        """
        insert into callback (id, case_number, customer_id, reason, state, attempts_made, created_at)
        select i, case_number, customer_id, case kind when 'return' then 'RETURN_COMPLETED'
               when 'adverse' then 'ADVERSE_FOLLOWUP' when 'complaint' then 'COMPLAINT_RESOLVED' else 'CARE_CALL' end,
               'ANSWERED', 1, opened_at + interval '3 days'
        from bench_case where i % 3 = 0 and not open""",
        """
        insert into satisfaction (case_number, callback_id, source, csat, nps, resolved, answered_at, team, category)
        select b.case_number, b.i, 'CALL', 1 + floor(random() * 5)::int,
               case when random() < 0.8 then floor(random() * 11)::int end, random() < 0.85,
               b.opened_at + interval '3 days',
               coalesce(k.team, case cb.reason when 'RETURN_COMPLETED' then 'returns' when 'ADVERSE_FOLLOWUP' then 'safety'
                                else 'agent' end),
               coalesce(case when k.case_number is not null then coalesce(k.category, 'UNTRIAGED') end, cb.reason)
        from bench_case b join callback cb on cb.id = b.i left join complaint k on k.case_number = b.case_number
        where b.i % 3 = 0 and not b.open""",
        "drop table bench_case",
        "vacuum analyze"
    };
    for (String step : steps) {
      long start = System.nanoTime();
      if (step.startsWith("select")) {
        jdbc.sql(step).query().singleValue();
      } else {
        jdbc.sql(step).update();
      }
      String first = step.strip().lines().findFirst().orElse("");
      System.out.printf("  %-70s %6.1f s%n", first.length() > 70 ? first.substring(0, 70) : first,
          (System.nanoTime() - start) / 1e9);
    }
  }
}
