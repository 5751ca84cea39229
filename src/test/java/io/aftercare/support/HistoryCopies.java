package io.aftercare.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Camunda's history of a brand's year, for a benchmark's database: copies of the history the
 * application wrote for the process instances of one process (every {@code ACT_HI_*} row of their
 * root instance), until the history holds a given number of process instances. A copy is the
 * original with every instance-scoped id suffixed ({@code -y<stamp>-<n>}: process, execution,
 * activity, task, variable, job, decision instances; an id too long for that is replaced by its
 * MD5 first), its times moved back into the year before
 * (copy {@code n} of {@code k} by 3 days plus {@code n / k} of a year) and, where the original
 * is still running, ended (a day after it started; the process instance COMPLETED, the task
 * completed). Binary values are not copied (their reference is left empty). Definitions, users,
 * groups and activity ids are the originals'. Only for a benchmark's own database, with the
 * application stopped: nothing reads these rows but Cockpit's history and the history cleanup,
 * which removes them by their end time as it would the originals.
 */
public final class HistoryCopies {

  /** Columns that hold the id of something that belongs to one process instance. */
  private static final Set<String> INSTANCE_IDS = Set.of("id_", "parent_act_inst_id_", "root_proc_inst_id_",
      "proc_inst_id_", "execution_id_", "task_id_", "call_proc_inst_id_", "act_inst_id_", "var_inst_id_",
      "dec_inst_id_", "root_dec_inst_id_", "job_id_", "process_instance_id_", "super_process_instance_id_",
      "cause_incident_id_", "root_cause_incident_id_", "operation_id_", "parent_task_id_", "ext_task_id_",
      "business_key_");
  /** References to binary values and removal times: left empty in a copy. */
  private static final Set<String> EMPTIED = Set.of("bytearray_id_", "job_exception_stack_id_", "error_details_id_",
      "removal_time_");

  private record Column(String name, String type) {}

  private HistoryCopies() {}

  /** Process instances in Camunda's history. */
  public static long instances(JdbcClient jdbc) {
    return jdbc.sql("select count(*) from act_hi_procinst").query(Long.class).single();
  }

  /**
   * Copies the history of {@code processKey}'s instances (not copies themselves) until the history
   * holds {@code target} process instances; nothing when it does already.
   *
   * @return the copies of each original made
   */
  public static int fill(DataSource dataSource, String processKey, long target) {
    JdbcClient jdbc = JdbcClient.create(dataSource);
    long missing = target - instances(jdbc);
    List<String> originals = jdbc.sql("select id_ from act_hi_procinst where proc_def_key_ = ?"
        + " and id_ = root_proc_inst_id_ and id_ not like '%-y%'").param(processKey).query(String.class).list();
    if (missing <= 0 || originals.isEmpty()) {
      return 0;
    }
    int copies = (int) ((missing + originals.size() - 1) / originals.size());
    String stamp = "-y" + System.currentTimeMillis() / 1000 + "-";
    jdbc.sql("drop table if exists history_original").update();
    jdbc.sql("create unlogged table history_original as select id_ as original from act_hi_procinst"
        + " where proc_def_key_ = ? and id_ = root_proc_inst_id_ and id_ not like '%-y%'").param(processKey).update();
    jdbc.sql("create unique index on history_original (original)").update();
    jdbc.sql("analyze history_original").update();
    List<String> tables = jdbc.sql("select table_name from information_schema.columns where table_schema = current_schema()"
        + " and table_name like 'act\\_hi\\_%' and column_name = 'root_proc_inst_id_' order by table_name")
        .query(String.class).list();
    // a few copies a statement: each a transaction of its own, minutes rather than an hour long
    int step = Math.max(1, copies / 10);
    for (String table : tables) {
      String insert = insert(jdbc, table, stamp, copies);
      long start = System.nanoTime();
      long rows = 0;
      for (int from = 1; from <= copies; from += step) {
        rows += jdbc.sql(insert).params(from, Math.min(copies, from + step - 1)).update();
      }
      System.out.printf(Locale.ROOT, "  %-22s %,12d rows %7.1f s%n", table, rows, (System.nanoTime() - start) / 1e9);
    }
    jdbc.sql("drop table history_original").update();
    jdbc.sql("vacuum analyze").update();
    return copies;
  }

  /** {@code insert … select} of a table's copies {@code ?} to {@code ?} of the originals' rows. */
  private static String insert(JdbcClient jdbc, String table, String stamp, int copies) {
    List<Column> columns = jdbc.sql("select column_name, data_type from information_schema.columns"
            + " where table_schema = current_schema() and table_name = ? order by ordinal_position")
        .param(table).query((rs, n) -> new Column(rs.getString(1), rs.getString(2))).list();
    String shift = "(interval '3 days' + n * interval '365 days' / " + copies + ")";
    List<String> names = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (Column column : columns) {
      String c = column.name();
      String value;
      if (INSTANCE_IDS.contains(c)) {
        // ids are at most 64 characters: a long one is replaced by its hash
        value = "case when length(" + c + ") <= " + (64 - stamp.length() - String.valueOf(copies).length()) + " then "
            + c + " else md5(" + c + ") end || '" + stamp + "' || n";
      } else if (EMPTIED.contains(c)) {
        value = "null";
      } else if ("end_time_".equals(c) && has(columns, "start_time_")) {
        value = "coalesce(end_time_, start_time_ + interval '1 day') - " + shift;
      } else if (column.type().startsWith("timestamp")) {
        value = c + " - " + shift;
      } else if ("duration_".equals(c) && has(columns, "start_time_")) {
        value = "coalesce(duration_, 86400000)";
      } else if ("state_".equals(c) && "act_hi_procinst".equals(table)) {
        value = "'COMPLETED'";
      } else if ("delete_reason_".equals(c) && "act_hi_taskinst".equals(table)) {
        value = "coalesce(delete_reason_, 'completed')";
      } else if ("task_state_".equals(c)) {
        value = "'Completed'";
      } else {
        value = c;
      }
      names.add(c);
      values.add(value);
    }
    return "insert into " + table + " (" + String.join(", ", names) + ") select " + String.join(", ", values)
        + " from " + table + " t join history_original o on o.original = t.root_proc_inst_id_"
        + " cross join generate_series(?, ?) n";
  }

  private static boolean has(List<Column> columns, String name) {
    return columns.stream().anyMatch(c -> c.name().equals(name));
  }
}
