package io.aftercare.support;

import io.aftercare.sla.ClockRollups;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A year of synthetic cases in the application's tables, written by SQL in the shapes the
 * application writes them, for the benchmarks that need a database of a brand's size:
 * {@code ReportBenchmark} (a year ending now, the last three days' cases still open) and
 * {@code IntakeBenchmark} (closed cases of the year before its own, in the database the running
 * application uses). Cases are spread as in real life: 60 % complaints, 3 % adverse reactions,
 * 17 % returns, the rest enquiries and care calls, over the customers and the batches already in
 * the database; complaints have three clocks, adverse reactions two, the others one; clocks are
 * met mostly on time, some late, some cancelled; late clocks escalate; two messages a case; a
 * third of the closed cases answered a satisfaction survey.
 *
 * <p>Case numbers are {@code AC-B-<9 digits>}, numbered on from the synthetic cases already
 * there, so a database can be grown in steps. Camunda's tables are not touched: the synthetic
 * cases have no process instances (their reporting rows name made-up ones), which is why only a
 * year of {@link Ending#OPEN_RECENT open} cases may be loaded where no application runs.
 */
public final class SyntheticYear {

  /** How the year ends. */
  public enum Ending {
    /** The year ends now; the last three days' cases (and a few stuck older ones) are still open. */
    OPEN_RECENT,
    /**
     * Every case is closed and was opened in the year before the last three days: nothing is left
     * for a running application to work on (no running clock, no pending message).
     */
    CLOSED
  }

  private SyntheticYear() {}

  /** How many synthetic cases the database holds. */
  public static long count(JdbcClient jdbc) {
    return jdbc.sql("select count(*) from case_file where case_number like 'AC-B-%'").query(Long.class).single();
  }

  /**
   * Adds {@code cases} cases and {@code customers} customers (who, with the customers already
   * there, are the cases' customers), then rolls the finished clocks up into their days as the
   * migration does, and analyzes. Needs at least one batch in the catalogue.
   */
  public static void add(DataSource dataSource, int cases, int customers, Ending ending) throws SQLException {
    JdbcClient jdbc = JdbcClient.create(dataSource);
    long first = count(jdbc) + 1;
    long firstCustomer = jdbc.sql("select count(*) from customer where name like 'Customer Y%'").query(Long.class)
        .single() + 1;
    boolean open = ending == Ending.OPEN_RECENT;
    String[] steps = {
        "select setseed(0.42)",
        """
        insert into customer (name, market, locale, currency, tier, email, phone, created_at)
        select 'Customer Y' || g, m.market, case m.market when 'CN' then 'zh-CN' else 'en' end,
               case m.market when 'CN' then 'CNY' when 'EU' then 'EUR' else 'USD' end,
               (array['HIGH','MEDIUM','LOW'])[1 + g % 3],
               case when m.market <> 'CN' then 'year' || g || '@example.org' end,
               case when m.market = 'CN' then '+86137' || lpad(g::text, 8, '0') end,
               now() - interval '400 days'
        from generate_series({firstCustomer}, {firstCustomer} + {customers} - 1) g
        cross join lateral (select (array['CN','CN','CN','EU','US'])[1 + g % 5] as market) m""",
        "drop table if exists bench_customer, bench_lot, bench_case",
        "create unlogged table bench_customer as select row_number() over (order by id) as n, id, market from customer"
            + " where anonymised_at is null",
        "create unlogged table bench_lot as select row_number() over (order by sku, lot_number) as n, sku, lot_number"
            + " from batch",
        "create unique index on bench_customer (n)",
        "create unique index on bench_lot (n)",
        """
        create unlogged table bench_case as
        select i, 'AC-B-' || lpad(i::text, 9, '0') as case_number, c.id as customer_id, c.market,
               (array['PHONE','WEB','WECHAT','APP','STORE','SOCIAL','EMAIL'])[1 + floor(random() * 7)::int] as channel,
               opened_at, kind, {open} and (opened_at > now() - interval '3 days' or random() < 0.002) as open,
               l.sku, l.lot_number
        from (select i, {start} - random() * interval '365 days' as opened_at,
                     1 + floor(random() * (select count(*) from bench_customer))::bigint as customer,
                     1 + floor(random() * (select count(*) from bench_lot))::bigint as lot,
                     case when r < 0.60 then 'complaint' when r < 0.63 then 'adverse' when r < 0.80 then 'return'
                          else 'enquiry' end as kind
              from (select i, random() as r from generate_series({first}, {last}) i) s) t
        join bench_customer c on c.n = t.customer
        join bench_lot l on l.n = t.lot
        order by i""",
        // the cases are written in the order of their numbers, as the application writes them (the
        // reports' plans depend on it: a case file found by number is then one of its neighbours)
        "create index on bench_case (case_number)",
        """
        insert into case_file (case_number, customer_id, market, channel, opened_at)
        select case_number, customer_id, market, channel, opened_at from bench_case""",
        """
        insert into complaint (case_number, customer_id, intake_channel, sku, lot_number, purchase_channel, purchase_date,
               description, repeat_customer, repeat_batch, category, severity, team, reopened, received_at, closed_at)
        select case_number, customer_id, channel, sku, lot_number, 'ONLINE',
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
        select case_number, 'AR-B-' || i, customer_id, sku, lot_number, market,
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
        from sla_clock k join bench_case b on b.case_number = k.case_number
        cross join generate_series(1, 2) l where k.breached_at is not null""",
        // each case's first escalation at a level and team in its week, as Escalations.record marks it
        """
        update escalation e set first_of_week_utc = f.utc, first_of_week_local = f.local from (
          select x.id, row_number() over (partition by x.case_number, x.level, x.team,
                   date_trunc('week', x.occurred_at at time zone 'UTC') order by x.occurred_at, x.id) = 1 as utc,
                 row_number() over (partition by x.case_number, x.level, x.team,
                   date_trunc('week', x.occurred_at at time zone (case b.market when 'CN' then 'Asia/Shanghai'
                     when 'EU' then 'Europe/Paris' else 'America/New_York' end)) order by x.occurred_at, x.id) = 1 as local
          from escalation x join bench_case b on b.case_number = x.case_number) f
        where f.id = e.id and (f.utc or f.local)""",
        """
        insert into notification (idempotency_key, case_number, audience, template, channel, recipient, language, body,
               state, attempts, next_attempt_at, created_at, sent_at)
        select 'bench-' || i || '-' || n, case_number, case when n = 2 and random() < 0.1 then 'INTERNAL' else 'CUSTOMER' end,
               'synthetic', case when random() < 0.5 then 'EMAIL' else 'SMS' end, 'someone@example.com', 'en', 'synthetic',
               s.state, 1, opened_at, opened_at + n * interval '1 minute',
               case when s.state = 'SENT' then opened_at + n * interval '1 minute' end
        from bench_case cross join generate_series(1, 2) n
        cross join lateral (select case when random() < 0.96 then 'SENT' when {open} and random() < 0.5 then 'PENDING'
                                        else 'FAILED' end as state) s""",
        """
        insert into callback (case_number, customer_id, reason, state, attempts_made, created_at)
        select case_number, customer_id, case kind when 'return' then 'RETURN_COMPLETED'
               when 'adverse' then 'ADVERSE_FOLLOWUP' when 'complaint' then 'COMPLAINT_RESOLVED' else 'CARE_CALL' end,
               'ANSWERED', 1, opened_at + interval '3 days'
        from bench_case where i % 3 = 0 and not open""",
        """
        insert into satisfaction (case_number, callback_id, source, csat, nps, resolved, answered_at, team, category)
        select b.case_number, cb.id, 'CALL', 1 + floor(random() * 5)::int,
               case when random() < 0.8 then floor(random() * 11)::int end, random() < 0.85,
               b.opened_at + interval '3 days',
               coalesce(k.team, case cb.reason when 'RETURN_COMPLETED' then 'returns' when 'ADVERSE_FOLLOWUP' then 'safety'
                                else 'agent' end),
               coalesce(case when k.case_number is not null then coalesce(k.category, 'UNTRIAGED') end, cb.reason)
        from bench_case b join callback cb on cb.case_number = b.case_number
        left join complaint k on k.case_number = b.case_number
        where b.i % 3 = 0 and not b.open""",
        "drop table bench_customer, bench_lot, bench_case",
        "vacuum analyze"
    };
    for (String template : steps) {
      String step = template.replace("{firstCustomer}", String.valueOf(firstCustomer))
          .replace("{first}", String.valueOf(first)).replace("{last}", String.valueOf(first + cases - 1))
          .replace("{customers}", String.valueOf(customers)).replace("{open}", String.valueOf(open))
          .replace("{start}", open ? "now()" : "now() - interval '3 days'");
      long start = System.nanoTime();
      if (step.startsWith("select")) {
        jdbc.sql(step).query().singleValue();
      } else {
        jdbc.sql(step).update();
      }
      String line = step.strip().lines().findFirst().orElse("");
      System.out.printf(Locale.ROOT, "  %-70s %6.1f s%n", line.length() > 70 ? line.substring(0, 70) : line,
          (System.nanoTime() - start) / 1e9);
    }
    // the clocks were written without the application: their daily roll-ups are built as the migration does
    long start = System.nanoTime();
    try (Connection connection = dataSource.getConnection()) {
      int days = ClockRollups.rebuild(connection);
      System.out.printf(Locale.ROOT, "rolled up the finished clocks into %,d rows in %.1f s%n", days,
          (System.nanoTime() - start) / 1e9);
    }
    jdbc.sql("analyze sla_clock_day").update();
  }
}
