package io.aftercare.privacy;

import io.aftercare.customer.ContactMask;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything Aftercare holds about a person, and its anonymisation. Works on the tables as data:
 * a table of the application with a {@code customer_id} or {@code case_number} column holds data
 * about the person (found in the database's catalogue, so a new table is included without a
 * change here), and Camunda's history holds the person's cases by business key.
 */
@Service
public class CustomerData {

  /** The name an anonymised customer keeps when no legal hold needs initials. */
  public static final String ANONYMISED = "Anonymised";
  static final String ERASED_TEXT = "[anonymised]";

  /** What anonymisation did, and what it kept and why. */
  public record Outcome(long customerId, List<String> anonymised, List<Kept> kept) {}

  public record Kept(String what, String why) {}

  /** A legal hold: an adverse-reaction record kept until {@code until}. */
  public record Hold(String caseNumber, String market, LocalDate until) {}

  private final JdbcClient jdbc;
  private final DataSource dataSource;
  private final RetentionSettings retention;
  private volatile Map<String, String> personalTables;

  CustomerData(JdbcClient jdbc, DataSource dataSource, RetentionSettings retention) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
    this.retention = retention;
  }

  public boolean exists(long customerId) {
    return jdbc.sql("select count(*) from customer where id = ?").param(customerId).query(Long.class).single() > 0;
  }

  /** Every row about the person, table by table, and their cases in Camunda's history. */
  @Transactional(readOnly = true)
  public Map<String, Object> export(long customerId) {
    Map<String, Object> export = new LinkedHashMap<>();
    export.put("customer", rows("select * from customer where id = ?", customerId));
    for (Map.Entry<String, String> table : personalTables().entrySet()) {
      if (table.getKey().equals("customer")) {
        continue;
      }
      String where = table.getValue().equals("customer_id") ? "customer_id = ?"
          : "case_number in (select case_number from case_file where customer_id = ?)";
      export.put(table.getKey(), rows("select * from " + table.getKey() + " where " + where, customerId));
    }
    String cases = "select case_number from case_file where customer_id = ?";
    Map<String, Object> engine = new LinkedHashMap<>();
    engine.put("processes", rows("select ID_ as id, PROC_DEF_KEY_ as process, BUSINESS_KEY_ as case_number,"
        + " START_TIME_ as started_at, END_TIME_ as ended_at, STATE_ as state from ACT_HI_PROCINST"
        + " where BUSINESS_KEY_ in (" + cases + ")", customerId));
    engine.put("variables", rows("select v.PROC_INST_ID_ as process_instance, v.NAME_ as name, v.VAR_TYPE_ as type,"
        + " v.TEXT_ as text, v.LONG_ as number, v.DOUBLE_ as decimal, v.CREATE_TIME_ as created_at"
        + " from ACT_HI_VARINST v join ACT_HI_PROCINST p on p.ID_ = v.PROC_INST_ID_"
        + " where p.BUSINESS_KEY_ in (" + cases + ")", customerId));
    export.put("camunda", engine);
    return export;
  }

  public boolean isCustomers(String caseNumber, long customerId) {
    return jdbc.sql("select count(*) from case_file where case_number = ? and customer_id = ?")
        .params(caseNumber, customerId).query(Long.class).single() > 0;
  }

  /** The person's cases that are still open (a process of the case is running). */
  public List<String> openCases(long customerId) {
    return jdbc.sql("select distinct f.case_number from case_file f join ACT_RU_EXECUTION e"
            + " on e.BUSINESS_KEY_ = f.case_number and e.PARENT_ID_ is null where f.customer_id = ?"
            + " order by f.case_number")
        .param(customerId).query(String.class).list();
  }

  /** The adverse-reaction records that hold the person's identity (as initials) on {@code today}. */
  public List<Hold> holds(long customerId, LocalDate today) {
    return jdbc.sql("select a.case_number, a.market, a.aware_date, (select max(r.submitted_on)"
            + " from regulatory_report r where r.case_number = a.case_number) as last_submission"
            + " from adverse_reaction a where a.customer_id = ?")
        .param(customerId)
        .query((rs, n) -> {
          LocalDate from = rs.getObject("aware_date", LocalDate.class);
          LocalDate submitted = rs.getObject("last_submission", LocalDate.class);
          if (submitted != null && submitted.isAfter(from)) {
            from = submitted;
          }
          String market = rs.getString("market");
          return new Hold(rs.getString("case_number"), market, from.plus(retention.adverseReaction(market)));
        })
        .list().stream().filter(hold -> hold.until().isAfter(today)).toList();
  }

  /**
   * Anonymises the person's identifying data: name (initials while a legal hold needs them),
   * contact, consent, free texts, attachments, message recipients and texts. Figures stay
   * countable: cases, dates, products, categories, scores, clocks. The access log stays (it is
   * the record of who read the data). Idempotent.
   */
  @Transactional
  public Outcome anonymise(long customerId, Instant now) {
    LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
    List<Hold> holds = holds(customerId, today);
    String name = jdbc.sql("select name from customer where id = ?").param(customerId).query(String.class).single();
    boolean anonymisedBefore = jdbc.sql("select anonymised_at from customer where id = ?").param(customerId)
        .query(Timestamp.class).optional().isPresent();
    String kept = holds.isEmpty() ? ANONYMISED : anonymisedBefore ? name : Optional.ofNullable(ContactMask.initials(name)).orElse(ANONYMISED);
    jdbc.sql("update customer set name = ?, email = null, phone = null, consent_email = false, consent_sms = false,"
            + " consent_phone = false, preferred_channel = null, unsubscribe_token = null,"
            + " anonymised_at = coalesce(anonymised_at, ?) where id = ?")
        .params(kept, Timestamp.from(now), customerId).update();
    String cases = "(select case_number from case_file where customer_id = ?)";
    jdbc.sql("update complaint set description = ?, order_number = null where customer_id = ?")
        .params(ERASED_TEXT, customerId).update();
    jdbc.sql("delete from complaint_attachment where case_number in " + cases).param(customerId).update();
    jdbc.sql("update return_request set order_number = null, decision_note = null, inspection_note = null"
        + " where customer_id = ?").param(customerId).update();
    jdbc.sql("update satisfaction set comment = null where case_number in " + cases).param(customerId).update();
    jdbc.sql("update notification set recipient = null, subject = null, body = ? where case_number in " + cases)
        .params(ERASED_TEXT, customerId).update();
    // what was written in their cases in Camunda's history and the timeline: the free texts go
    String processes = "(select ID_ from ACT_HI_PROCINST where BUSINESS_KEY_ in " + cases + ")";
    for (String table : List.of("ACT_HI_VARINST", "ACT_HI_DETAIL")) {
      jdbc.sql("update " + table + " set TEXT_ = null, TEXT2_ = null where PROC_INST_ID_ in " + processes
          + " and NAME_ in (" + String.join(", ", FREE_TEXTS.stream().map(n -> "'" + n + "'").toList()) + ")")
          .param(customerId).update();
    }
    jdbc.sql("update report_task set outcome = null where case_number in " + cases).param(customerId).update();
    if (holds.isEmpty()) {
      // no hold names them any longer: the regulator's reports lose the initials as well
      jdbc.sql("select id, content from regulatory_report where case_number in " + cases).param(customerId)
          .query((rs, n) -> Map.entry(rs.getLong("id"), rs.getString("content"))).list()
          .forEach(report -> jdbc.sql("update regulatory_report set content = ? where id = ?")
              .params(withoutInitials(report.getValue()), report.getKey()).update());
    }
    List<Kept> keeps = new ArrayList<>();
    for (Hold hold : holds) {
      keeps.add(new Kept("adverse-reaction record " + hold.caseNumber() + " and its regulator's reports, the"
          + " consumer named by initials only", "legal hold until " + hold.until() + ": adverse-reaction records of "
          + hold.market() + " are kept " + retention.adverseReaction(hold.market()) + " (aftercare.retention.adverse-reaction)"));
    }
    keeps.add(new Kept("cases, dates, products, categories, clocks, scores",
        "anonymous once the person is: the reports count them"));
    keeps.add(new Kept("the access log's rows about the person", "the record of who read their data (GDPR art. 5(2))"));
    return new Outcome(customerId, List.of("name" + (holds.isEmpty() ? "" : " (initials kept)"), "e-mail", "phone",
        "consent", "complaint descriptions and order numbers", "attachments", "return notes and order numbers",
        "survey comments", "message recipients and texts", "texts in the history of their cases and the timeline"),
        keeps);
  }

  /**
   * Variables that hold what people wrote (the forms' text areas and the intake's texts): blanked
   * in Camunda's history of an anonymised customer's cases; codes, dates and figures stay.
   */
  static final List<String> FREE_TEXTS = List.of("description", "question", "answer", "contact", "customerName",
      "evidenceNote", "evidenceRequest", "resolutionNote", "reviewNote", "rejectionReason", "decisionNote",
      "inspectionNote", "assessmentNote", "signalNote", "comment", "orderNumber", "repeatNote", "openedAs");

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

  static String withoutInitials(String content) {
    try {
      com.fasterxml.jackson.databind.JsonNode report = JSON.readTree(content);
      if (report.get("consumer") instanceof com.fasterxml.jackson.databind.node.ObjectNode consumer) {
        consumer.putNull("initials");
      }
      return JSON.writeValueAsString(report);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("A regulator's report is not JSON", e);
    }
  }

  /** Anonymised customers whose name is initials and whom no legal hold needs any longer. */
  public List<Long> initialsNoLongerHeld(Instant now) {
    LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
    return jdbc.sql("select id from customer where anonymised_at is not null and name <> ?").param(ANONYMISED)
        .query(Long.class).list().stream().filter(id -> holds(id, today).isEmpty()).toList();
  }

  /** The customers of a market not yet anonymised, with no open case, whose last case closed before {@code cutoff}. */
  public List<Long> expired(String market, Instant cutoff) {
    return jdbc.sql("select c.id from customer c where c.market = ? and c.anonymised_at is null"
            + " and not exists (select 1 from case_file f join ACT_RU_EXECUTION e on e.BUSINESS_KEY_ = f.case_number"
            + " and e.PARENT_ID_ is null where f.customer_id = c.id)"
            + " and coalesce((select max(p.END_TIME_) from case_file f join ACT_HI_PROCINST p"
            + " on p.BUSINESS_KEY_ = f.case_number where f.customer_id = c.id),"
            + " (select max(f.opened_at) from case_file f where f.customer_id = c.id), c.created_at) < ?"
            + " order by c.id")
        .params(market, Timestamp.from(cutoff)).query(Long.class).list();
  }

  public Optional<Instant> lastCaseClosed(long customerId) {
    return jdbc.sql("select max(p.END_TIME_) from case_file f join ACT_HI_PROCINST p on p.BUSINESS_KEY_ = f.case_number"
            + " where f.customer_id = ?").param(customerId).query(Timestamp.class).optional().map(Timestamp::toInstant);
  }

  public String market(long customerId) {
    return jdbc.sql("select market from customer where id = ?").param(customerId).query(String.class).single();
  }

  /** Tables of the application about a person: table → the column that names them. */
  Map<String, String> personalTables() {
    Map<String, String> tables = personalTables;
    if (tables == null) {
      tables = new TreeMap<>();
      try (Connection connection = dataSource.getConnection()) {
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet columns = meta.getColumns(null, connection.getSchema(), "%", "%")) {
          while (columns.next()) {
            String table = columns.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
            String column = columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
            if (table.startsWith("act_") || table.startsWith("aftercare_schema")) {
              continue;
            }
            if (column.equals("customer_id") || (column.equals("case_number") && !tables.containsKey(table))) {
              tables.put(table, column);
            }
          }
        }
        tables.put("customer", "id");
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot read the database's tables", e);
      }
      personalTables = tables;
    }
    return tables;
  }

  private List<Map<String, Object>> rows(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(ROW).list();
  }

  private static final RowMapper<Map<String, Object>> ROW = (rs, n) -> {
    ResultSetMetaData meta = rs.getMetaData();
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      Object value = rs.getObject(i);
      if (value instanceof Clob clob) {
        value = clob.getSubString(1, (int) clob.length());
      } else if (value instanceof Timestamp timestamp) {
        value = timestamp.toInstant().toString();
      } else if (value instanceof java.sql.Date date) {
        value = date.toLocalDate().toString();
      } else if (value instanceof byte[]) {
        continue;
      }
      row.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), value);
    }
    return row;
  };
}
