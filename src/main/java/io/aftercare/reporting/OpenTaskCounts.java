package io.aftercare.reporting;

import io.aftercare.process.BeforeCommit;
import io.aftercare.process.Databases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Open tasks counted as they come and go ({@code open_task_count}): per set of candidate groups the
 * task is offered to, process and quarter hour of its due date, how many tasks are open, and per
 * set of groups and process how many in all. Tasklist's counts of the teams' filters read these
 * few rows instead of counting every open task ({@link SharedFilterQueries}): a count took 80–120 ms
 * for a group with 50,000 open tasks and grew with them (README, TaskListBenchmark).
 * <p>
 * Kept from the same history events as {@code report_task}, in the engine's transaction
 * ({@link ReportingHistory}): a task counts under the groups and due date its {@code report_task}
 * row holds, from its creation to its end, and moves when they change. Written just before the
 * transaction commits ({@link BeforeCommit}): every new task of a team lands on the team's total.
 */
@Component
public class OpenTaskCounts {

  /** The row that counts every open task of a set of groups and a process, whatever its due date. */
  static final long ALL = Long.MIN_VALUE;
  /** Due dates are counted per quarter hour: every time zone's midnight falls on one. */
  static final long SLOT_SECONDS = 900;

  /** A row of the table: the sorted candidate groups (comma-separated, empty for none), process and due slot. */
  record Key(String groups, String process, long slot) {
    static final Comparator<Key> ORDER = Comparator.comparing(Key::groups).thenComparing(Key::process)
        .thenComparingLong(Key::slot);
  }

  private final JdbcClient jdbc;
  private volatile Boolean postgres;

  OpenTaskCounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The quarter hour a due instant falls in. */
  static long slot(Instant due) {
    return Math.floorDiv(due.getEpochSecond(), SLOT_SECONDS);
  }

  /** The groups as a row names them: distinct, sorted, comma-separated. */
  static String groups(Collection<String> groups) {
    return groups == null ? "" : new TreeSet<>(groups).stream().filter(g -> g != null && !g.isBlank())
        .collect(Collectors.joining(","));
  }

  /** The groups as {@code report_task} keeps them ("agent,supervisor"; null for none). */
  static Set<String> groups(String list) {
    return list == null || list.isBlank() ? Set.of()
        : Arrays.stream(list.split(",")).map(String::trim).filter(g -> !g.isEmpty()).collect(Collectors.toSet());
  }

  /** A task counted ({@code sign} 1) or no longer counted (-1) under its groups, process and due date (or none). */
  void count(Collection<String> groups, String process, Instant due, int sign) {
    if (process == null) {
      return;
    }
    String key = groups(groups);
    Map<Key, Long> pending = BeforeCommit.changes(this, BeforeCommit.OPEN_TASKS, () -> new TreeMap<>(Key.ORDER),
        this::write);
    Map<Key, Long> changes = pending != null ? pending : new TreeMap<>(Key.ORDER);
    changes.merge(new Key(key, process, ALL), (long) sign, Long::sum);
    if (due != null) {
      changes.merge(new Key(key, process, slot(due)), (long) sign, Long::sum);
    }
    if (pending == null) {
      write(changes);
    }
  }

  /**
   * Open tasks offered to at least one of {@code groups}, of the processes {@code processes} (null:
   * every process), due before the start of quarter hour {@code beforeSlot} (null: whatever their
   * due date, with or without one).
   */
  public long offered(Collection<String> groups, Set<String> processes, Long beforeSlot) {
    Set<String> wanted = Set.copyOf(groups);
    String sql = beforeSlot == null
        ? "select candidate_groups, process_key, tasks from open_task_count where due_slot = ?"
        : "select candidate_groups, process_key, sum(tasks) from open_task_count where due_slot > ? and due_slot < ?"
            + " group by candidate_groups, process_key";
    Object[] params = beforeSlot == null ? new Object[] {ALL} : new Object[] {ALL, beforeSlot};
    return jdbc.sql(sql).params(params)
        .query((rs, n) -> (processes == null || processes.contains(rs.getString(2)))
            && groups(rs.getString(1)).stream().anyMatch(wanted::contains) ? rs.getLong(3) : 0L)
        .list().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * Adds a transaction's changes, in the keys' order: on PostgreSQL in one statement (a task's
   * total and its quarter hour, every task of the transaction), on H2 a statement per row. A
   * quarter hour whose tasks are all done goes, so that the due-date counts read only the quarter
   * hours that still have tasks.
   */
  private void write(Map<Key, Long> changes) {
    List<Map.Entry<Key, Long>> rows = changes.entrySet().stream().filter(change -> change.getValue() != 0).toList();
    if (rows.isEmpty()) {
      return;
    }
    if (postgres()) {
      List<Object> params = new ArrayList<>();
      rows.forEach(row -> params.addAll(List.of(row.getKey().groups(), row.getKey().process(), row.getKey().slot(),
          row.getValue())));
      jdbc.sql("insert into open_task_count (candidate_groups, process_key, due_slot, tasks) values "
              + String.join(", ", Collections.nCopies(rows.size(), "(?, ?, ?, ?)"))
              + " on conflict (candidate_groups, process_key, due_slot) do update"
              + " set tasks = open_task_count.tasks + excluded.tasks")
          .params(params).update();
    } else {
      String merge = "merge into open_task_count t using (select cast(? as varchar) as candidate_groups,"
          + " cast(? as varchar) as process_key, cast(? as bigint) as due_slot, cast(? as bigint) as tasks) s"
          + " on (t.candidate_groups = s.candidate_groups and t.process_key = s.process_key"
          + " and t.due_slot = s.due_slot)"
          + " when matched then update set tasks = t.tasks + s.tasks"
          + " when not matched then insert (candidate_groups, process_key, due_slot, tasks)"
          + " values (s.candidate_groups, s.process_key, s.due_slot, s.tasks)";
      rows.forEach(row -> Databases.addUp(jdbc, false, merge, row.getKey().groups(), row.getKey().process(),
          row.getKey().slot(), row.getValue()));
    }
    List<Key> emptied = rows.stream().filter(row -> row.getValue() < 0 && row.getKey().slot() != ALL)
        .map(Map.Entry::getKey).toList();
    if (!emptied.isEmpty()) {
      List<Object> params = new ArrayList<>();
      emptied.forEach(key -> params.addAll(List.of(key.groups(), key.process(), key.slot())));
      jdbc.sql("delete from open_task_count where tasks = 0 and (candidate_groups, process_key, due_slot) in ("
              + String.join(", ", Collections.nCopies(emptied.size(), "(?, ?, ?)")) + ")")
          .params(params).update();
    }
  }

  private boolean postgres() {
    if (postgres == null) {
      postgres = Databases.isPostgres(jdbc);
    }
    return postgres;
  }

  /**
   * Counts every open task of {@code report_task} again, as the history events would have: the
   * migration that introduced the counts fills them this way. Returns the rows written.
   */
  public static int rebuild(Connection connection) throws SQLException {
    Map<Key, Long> counts = new HashMap<>();
    try (Statement statement = connection.createStatement()) {
      statement.execute("delete from open_task_count");
      try (ResultSet rows = statement.executeQuery("select candidate_groups, process_key, due_at from report_task"
          + " where ended_at is null and process_key is not null")) {
        while (rows.next()) {
          String groups = groups(groups(rows.getString(1)));
          java.sql.Timestamp due = rows.getTimestamp(3);
          counts.merge(new Key(groups, rows.getString(2), ALL), 1L, Long::sum);
          if (due != null) {
            counts.merge(new Key(groups, rows.getString(2), slot(due.toInstant())), 1L, Long::sum);
          }
        }
      }
    }
    try (PreparedStatement insert = connection.prepareStatement(
        "insert into open_task_count (candidate_groups, process_key, due_slot, tasks) values (?, ?, ?, ?)")) {
      for (Map.Entry<Key, Long> count : counts.entrySet()) {
        insert.setString(1, count.getKey().groups());
        insert.setString(2, count.getKey().process());
        insert.setLong(3, count.getKey().slot());
        insert.setLong(4, count.getValue());
        insert.addBatch();
      }
      insert.executeBatch();
    }
    return counts.size();
  }
}
