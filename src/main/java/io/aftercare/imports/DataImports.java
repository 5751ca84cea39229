package io.aftercare.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs CSV imports in the background, one at a time per node, and keeps each one's progress and
 * problems in {@code data_import}, so that any node answers how far an import is. A file is read
 * and every line checked before anything is written; a file with any problem imports nothing (fix
 * the lines and send the whole file again: the upserts make that safe); a clean file is written in
 * one transaction.
 */
@Service
public class DataImports {

  private static final Logger LOG = LoggerFactory.getLogger(DataImports.class);
  /** An import whose node stopped reporting progress this long ago is shown as interrupted. */
  private static final Duration SILENT = Duration.ofMinutes(5);

  /** What is known of an import. */
  public record Status(String id, String kind, String status, String phase, String fileName, String createdBy,
      Instant createdAt, Instant finishedAt, int linesTotal, int linesDone, int imported, int problemCount,
      List<ImportKind.LineProblem> problems) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, ImportKind<?>> kinds;
  private final JdbcClient jdbc;
  private final TransactionTemplate writing;
  private final TransactionTemplate reporting;
  private final ExecutorService worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
      new ArrayBlockingQueue<>(10), r -> {
        Thread thread = new Thread(r, "csv-import");
        thread.setDaemon(true);
        return thread;
      });

  DataImports(List<ImportKind<?>> kinds, JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.kinds = kinds.stream().collect(Collectors.toMap(k -> k.spec().name(), Function.identity()));
    this.jdbc = jdbc;
    this.writing = new TransactionTemplate(transactions);
    this.reporting = new TransactionTemplate(transactions);
    this.reporting.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public java.util.Collection<ImportKind<?>> kinds() {
    return kinds.values();
  }

  public Optional<ImportKind<?>> kind(String name) {
    return Optional.ofNullable(kinds.get(name));
  }

  /** An import queued on this node: its id, and its run to wait for. */
  public record Started(String id, java.util.concurrent.Future<?> run) {

    /** Waits up to {@code timeout} for the run to end; false when it is still going. */
    public boolean awaitEnd(java.time.Duration timeout) throws InterruptedException {
      try {
        run.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return true;
      } catch (java.util.concurrent.TimeoutException stillRunning) {
        return false;
      } catch (java.util.concurrent.ExecutionException failed) {
        return true;
      }
    }
  }

  /** Queues the file's import; empty when this node has too many queued. */
  public Optional<Started> start(ImportKind<?> kind, String fileName, String text, String user) {
    String id = UUID.randomUUID().toString();
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.sql("insert into data_import (id, kind, status, phase, file_name, created_by, created_at, updated_at)"
            + " values (?, ?, 'RUNNING', 'READING', ?, ?, ?, ?)")
        .params(id, kind.spec().name(), fileName == null ? null : fileName.substring(0, Math.min(200, fileName.length())),
            user.substring(0, Math.min(64, user.length())), now, now).update();
    try {
      return Optional.of(new Started(id, worker.submit(() -> run(id, kind, text))));
    } catch (RejectedExecutionException busy) {
      jdbc.sql("delete from data_import where id = ?").param(id).update();
      return Optional.empty();
    }
  }

  public Optional<Status> find(String id) {
    return jdbc.sql("select * from data_import where id = ?").param(id).query(this::status).optional();
  }

  private Status status(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    String status = rs.getString("status");
    Instant updated = rs.getTimestamp("updated_at").toInstant();
    boolean silent = "RUNNING".equals(status) && updated.isBefore(Instant.now().minus(SILENT));
    Timestamp finished = rs.getTimestamp("finished_at");
    String problems = rs.getString("problems");
    return new Status(rs.getString("id"), rs.getString("kind"), silent ? "INTERRUPTED" : status,
        rs.getString("phase"), rs.getString("file_name"), rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant(), finished == null ? null : finished.toInstant(),
        rs.getInt("lines_total"), rs.getInt("lines_done"), rs.getInt("imported"),
        problems == null ? 0 : read(problems).count(), problems == null ? List.of() : read(problems).kept());
  }

  /** The latest imports of these kinds, newest first, without their problems. */
  public List<Status> recent(Set<String> kindNames, int limit) {
    if (kindNames.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select * from data_import where kind in (:kinds) order by created_at desc")
        .param("kinds", kindNames).query(this::status).stream().limit(limit)
        .map(s -> new Status(s.id(), s.kind(), s.status(), s.phase(), s.fileName(), s.createdBy(), s.createdAt(),
            s.finishedAt(), s.linesTotal(), s.linesDone(), s.imported(), s.problemCount(), null))
        .toList();
  }

  private <T> void run(String id, ImportKind<T> kind, String text) {
    try {
      ImportKind.Problems problems = new ImportKind.Problems();
      Csv.Table table;
      try {
        table = Csv.read(text);
      } catch (Csv.Malformed e) {
        problems.add(e.line(), null, e.getMessage());
        finish(id, "REJECTED", 0, 0, problems);
        return;
      }
      int total = table.rows().size();
      progress(id, "CHECKING", total, 0);
      checkColumns(kind, table.columns(), problems);
      if (!problems.isEmpty()) {
        finish(id, "REJECTED", total, 0, problems);
        return;
      }
      List<ImportKind.Line<T>> lines = new ArrayList<>(total);
      for (Csv.Row row : table.rows()) {
        if (row.values().containsKey(Csv.EXTRA)) {
          problems.add(row.line(), null, "has " + row.get(Csv.EXTRA) + " values, the header names "
              + table.columns().size() + " columns");
          continue;
        }
        T record = kind.parse(row, problems);
        if (record != null) {
          lines.add(new ImportKind.Line<>(row.line(), record));
        }
      }
      // across lines and against the database, for the lines that could be read
      kind.check(lines, problems);
      if (!problems.isEmpty()) {
        finish(id, "REJECTED", total, 0, problems);
        return;
      }
      progress(id, "WRITING", total, 0);
      Integer imported = writing.execute(tx -> kind.write(lines, done -> progress(id, "WRITING", total, done)));
      finish(id, "IMPORTED", total, imported == null ? 0 : imported, problems);
      LOG.info("Import {} of {}: {} lines, {} records written", id, kind.spec().name(), total, imported);
    } catch (org.springframework.dao.DuplicateKeyException | org.springframework.dao.ConcurrencyFailureException raced) {
      // another request wrote the same records at the same moment: nothing was imported
      LOG.warn("Import {} of {} met a concurrent change: {}", id, kind.spec().name(), raced.getMessage());
      ImportKind.Problems conflict = new ImportKind.Problems();
      conflict.add(0, null, "another request changed the same records at the same moment; nothing was imported:"
          + " send the file again");
      finish(id, "CONFLICT", 0, 0, conflict);
    } catch (RuntimeException e) {
      LOG.error("Import {} of {} failed", id, kind.spec().name(), e);
      ImportKind.Problems failure = new ImportKind.Problems();
      failure.add(0, null, "the import failed and wrote nothing: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())));
      finish(id, "FAILED", 0, 0, failure);
    }
  }

  private static void checkColumns(ImportKind<?> kind, List<String> columns, ImportKind.Problems problems) {
    Set<String> seen = new HashSet<>();
    for (String column : columns) {
      if (!seen.add(column)) {
        problems.add(1, column, "is named twice in the header");
      } else if (!kind.spec().requiredColumns().contains(column) && !kind.spec().optionalColumns().contains(column)) {
        problems.add(1, column, "is not a column of " + kind.spec().name() + " (columns: "
            + String.join(", ", kind.spec().requiredColumns()) + "; optional: " + String.join(", ", kind.spec().optionalColumns()) + ")");
      }
    }
    for (String required : kind.spec().requiredColumns()) {
      if (!seen.contains(required)) {
        problems.add(1, required, "is missing from the header");
      }
    }
  }

  private void progress(String id, String phase, int total, int done) {
    reporting.executeWithoutResult(tx -> jdbc.sql(
            "update data_import set phase = ?, lines_total = ?, lines_done = ?, updated_at = ? where id = ?")
        .params(phase, total, done, Timestamp.from(Instant.now()), id).update());
  }

  private void finish(String id, String status, int total, int imported, ImportKind.Problems problems) {
    String json;
    try {
      json = problems.isEmpty() ? null
          : JSON.writeValueAsString(Map.of("count", problems.count(), "kept", problems.kept()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    Timestamp now = Timestamp.from(Instant.now());
    reporting.executeWithoutResult(tx -> jdbc.sql("update data_import set status = ?, phase = null, lines_total = ?,"
            + " lines_done = ?, imported = ?, problems = ?, updated_at = ?, finished_at = ? where id = ?")
        .params(status, total, "IMPORTED".equals(status) ? total : 0, imported, json, now, now, id).update());
  }

  private record Stored(int count, List<ImportKind.LineProblem> kept) {}

  private static Stored read(String json) {
    try {
      return JSON.readValue(json, new TypeReference<Stored>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String firstLine(String message) {
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }

  @PreDestroy
  void stop() {
    worker.shutdownNow();
  }
}
