package io.aftercare.adversereaction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aftercare.customer.ContactMask;
import io.aftercare.customer.Customer;
import io.aftercare.customer.CustomerService;
import io.aftercare.customer.Market;
import io.aftercare.process.CaseVariables;
import io.aftercare.product.Product;
import io.aftercare.product.ProductCatalogue;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adverse-reaction records and the reports to the regulators. Runs in the caller's transaction
 * (the engine's, from a process step).
 */
@Service
public class AdverseReactions {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A reaction as recorded. */
  public record Reaction(String caseNumber, String reportNumber, long customerId, String sku, String lotNumber,
      Market market, Integer age, String sex, LocalDate awareDate, LocalDate firstUseDate, LocalDate onsetDate,
      LocalDate stoppedUseDate, String symptoms, String bodyArea, String allergyHistory, boolean medicalTreatment,
      boolean hospitalised, String outcome, String reporter, String seriousness, String criteria,
      String causality) {}

  /** A generated report and its submission. */
  public record Report(long id, String caseNumber, String type, Map<String, Object> content, Instant generatedAt,
      LocalDate submittedOn, String reference) {}

  private final JdbcClient jdbc;
  private final CustomerService customers;
  private final ProductCatalogue catalogue;
  private final AdverseReactionSettings settings;

  AdverseReactions(JdbcClient jdbc, CustomerService customers, ProductCatalogue catalogue,
      AdverseReactionSettings settings) {
    this.jdbc = jdbc;
    this.customers = customers;
    this.catalogue = catalogue;
    this.settings = settings;
  }

  /** The company report number of a case: AC-2026-000123 is reported as AR-2026-000123. */
  public static String reportNumber(String caseNumber) {
    return "AR" + caseNumber.substring(caseNumber.indexOf('-'));
  }

  /**
   * The case of a case number or of a company report number (AR-2026-000123 → AC-2026-000123): a
   * safety officer looks a report up by the number the regulator knows it by.
   */
  public static String caseNumberOf(String caseOrReportNumber) {
    return caseOrReportNumber.startsWith("AR-") ? "AC" + caseOrReportNumber.substring(2) : caseOrReportNumber;
  }

  /** Records the reaction of a case (once: a case that has one keeps it) and returns it. */
  @Transactional
  public Reaction register(String caseNumber, long customerId, String sku, String lotNumber, Market market,
      LocalDate awareDate, Instant now) {
    if (find(caseNumber).isEmpty()) {
      jdbc.sql("insert into adverse_reaction (case_number, report_number, customer_id, sku, lot_number, market,"
              + " aware_date, reporter, received_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(caseNumber, reportNumber(caseNumber), customerId, sku, blank(lotNumber), market.name(), awareDate,
              settings.reporter(), Timestamp.from(now))
          .update();
    }
    return find(caseNumber).orElseThrow();
  }

  /** How tasks name the product: SKU and name. */
  public String productLabel(String sku) {
    return catalogue.find(sku).map(p -> p.sku() + " " + p.name()).orElse(sku);
  }

  public String customerName(long customerId) {
    return customers.find(customerId).map(Customer::name).orElse(null);
  }

  /**
   * The case details the safety officer completed (or the API gave): each detail given replaces the
   * recorded one, a detail not given keeps it (a form shows the recorded details and sends them back).
   */
  public void recordDetails(String caseNumber, Map<String, Object> details) {
    jdbc.sql("update adverse_reaction set age = coalesce(?, age), sex = coalesce(?, sex),"
            + " first_use_date = coalesce(?, first_use_date), onset_date = coalesce(?, onset_date),"
            + " stopped_use_date = coalesce(?, stopped_use_date), symptoms = coalesce(?, symptoms),"
            + " body_area = coalesce(?, body_area), allergy_history = coalesce(?, allergy_history),"
            + " medical_treatment = coalesce(?, medical_treatment), hospitalised = coalesce(?, hospitalised),"
            + " outcome = coalesce(?, outcome) where case_number = ?")
        .params(details.get("age") == null ? null : ((Number) details.get("age")).intValue(), details.get("sex"),
            CaseVariables.day(details.get("firstUseDate")), CaseVariables.day(details.get("onsetDate")),
            CaseVariables.day(details.get("stoppedUseDate")), details.get("symptoms"), details.get("bodyArea"),
            details.get("allergyHistory"), details.get("medicalTreatment"), details.get("hospitalised"),
            details.get("outcome"), caseNumber)
        .update();
  }

  public void recordAssessment(String caseNumber, String seriousness, List<String> criteria, String causality,
      String followUpClock) {
    jdbc.sql("update adverse_reaction set seriousness = ?, criteria = ?, causality = ?, follow_up_clock = ?"
            + " where case_number = ?")
        .params(seriousness, String.join(",", criteria), causality, followUpClock, caseNumber).update();
  }

  /** The SLA target follow-up reports of a reported reaction count by; empty when it was not reported. */
  public Optional<String> followUpClock(String caseNumber) {
    return jdbc.sql("select follow_up_clock from adverse_reaction where case_number = ?").param(caseNumber)
        .query(String.class).optional()
        // recorded before follow-ups had targets of their own, when they shared the initial report's
        .map(target -> target.replaceFirst("^adverse\\.regulatory\\.", "adverse.followup."));
  }

  /** The day the initial report went to the regulator; empty while it has not. */
  public Optional<LocalDate> initialSubmission(String caseNumber) {
    return jdbc.sql("select submitted_on from regulatory_report where case_number = ? and report_type = 'INITIAL'"
            + " and submitted_on is not null")
        .param(caseNumber).query(LocalDate.class).optional();
  }

  /**
   * Why new medical information received on {@code receivedOn} calls for no follow-up report; empty
   * when it calls for one. The reaction must have been assessed as reportable, and the information
   * must come within the market's window after the initial report's submission.
   */
  public Optional<String> followUpRefusal(Reaction reaction, LocalDate receivedOn) {
    String caseNumber = reaction.caseNumber();
    if (reaction.seriousness() == null) {
      return Optional.of(caseNumber + " is not assessed yet: add the new information to its case details");
    }
    if (followUpClock(caseNumber).isEmpty()) {
      return Optional.of(caseNumber + " was not reported to a regulator: there is nothing to follow up");
    }
    Period window = settings.followUpWindow().get(reaction.market());
    Optional<LocalDate> submitted = initialSubmission(caseNumber);
    if (!withinFollowUpWindow(window, submitted.orElse(null), receivedOn)) {
      return Optional.of("New information received on " + receivedOn + " is more than " + window
          + " after the initial report was submitted (" + submitted.get() + "): " + reaction.market()
          + " asks for no follow-up report");
    }
    return Optional.empty();
  }

  /**
   * Whether information received on {@code receivedOn} is within a follow-up window counted from the
   * initial report's submission. Before the initial report is submitted it always is (the window has
   * not begun; the officer may put it in the initial report as well); without a window, always.
   */
  static boolean withinFollowUpWindow(Period window, LocalDate initialSubmittedOn, LocalDate receivedOn) {
    return window == null || initialSubmittedOn == null || !receivedOn.isAfter(initialSubmittedOn.plus(window));
  }

  /**
   * Adds new medical information to the recorded outcome and names the clock of the follow-up
   * report it calls for: the follow-up target and the report's number ({@code …:F2} for the second
   * follow-up, as its report is numbered), so that every report has a clock of its own. The
   * reaction's row is locked until the caller's transaction ends, so that two follow-ups arriving
   * together are numbered one after the other.
   */
  @Transactional
  public String openFollowUp(String caseNumber, LocalDate receivedOn, String information) {
    String target = followUpClock(caseNumber).orElseThrow(() ->
        new IllegalStateException(caseNumber + " was not reported to a regulator"));
    jdbc.sql("select case_number from adverse_reaction where case_number = ? for update").param(caseNumber)
        .query(String.class).single();
    jdbc.sql("update adverse_reaction set outcome = coalesce(outcome || ' | ', '') || ? where case_number = ?")
        .params("Follow-up " + receivedOn + ": " + information, caseNumber).update();
    return target + ":F" + (count(caseNumber, "FOLLOW_UP") + 1);
  }

  /** Reports on the same batch within the signal window, this one included. */
  public long reportsOnBatch(String sku, String lotNumber, Instant now) {
    if (lotNumber == null || lotNumber.isBlank()) {
      return 0;
    }
    return jdbc.sql("select count(*) from adverse_reaction where sku = ? and lot_number = ? and received_at >= ?")
        .params(sku, lotNumber, Timestamp.from(now.atOffset(ZoneOffset.UTC).minus(settings.batchWindow()).toInstant()))
        .query(Long.class).single();
  }

  public boolean isSignal(long reports) {
    return reports >= settings.batchThreshold();
  }

  /** Generates the report of the given type with the regulator's fields, stores it, returns its id. */
  public long generateReport(String caseNumber, String type, LocalDate today, Instant now) {
    Reaction reaction = find(caseNumber).orElseThrow(() -> new IllegalStateException("No adverse reaction " + caseNumber));
    Customer customer = customers.find(reaction.customerId()).orElseThrow();
    Product product = catalogue.find(reaction.sku()).orElseThrow();
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("reportType", type);
    report.put("companyReportNumber", reaction.reportNumber()
        + ("INITIAL".equals(type) ? "" : "-" + type.charAt(0) + (count(caseNumber, type) + 1)));
    report.put("caseNumber", caseNumber);
    report.put("regulator", regulator(reaction.market()));
    report.put("dateReceived", reaction.awareDate().toString());
    report.put("dateSent", today.toString());
    report.put("reporter", reaction.reporter());
    Map<String, Object> consumer = new LinkedHashMap<>();
    consumer.put("initials", ContactMask.initials(customer.name()));
    consumer.put("age", reaction.age());
    consumer.put("sex", reaction.sex());
    consumer.put("country", country(reaction.market()));
    consumer.put("allergyHistory", reaction.allergyHistory());
    report.put("consumer", consumer);
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("name", product.name());
    item.put("category", product.category().name());
    Optional<Product.Registration> registration = product.registrations().stream()
        .filter(r -> r.market() == reaction.market()).findFirst();
    item.put("registrationKind", registration.map(r -> r.kind().name()).orElse(null));
    item.put("registrationNumber", registration.map(Product.Registration::number).orElse(null));
    item.put("batch", reaction.lotNumber());
    report.put("product", item);
    Map<String, Object> exposure = new LinkedHashMap<>();
    exposure.put("firstUseDate", text(reaction.firstUseDate()));
    exposure.put("stoppedUseDate", text(reaction.stoppedUseDate()));
    report.put("exposure", exposure);
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("onsetDate", text(reaction.onsetDate()));
    event.put("symptoms", reaction.symptoms());
    event.put("bodyArea", reaction.bodyArea());
    event.put("medicalTreatment", reaction.medicalTreatment());
    event.put("hospitalised", reaction.hospitalised());
    event.put("outcome", reaction.outcome());
    report.put("reaction", event);
    Map<String, Object> seriousness = new LinkedHashMap<>();
    seriousness.put("class", reaction.seriousness());
    seriousness.put("criteria", reaction.criteria() == null || reaction.criteria().isBlank()
        ? List.of() : List.of(reaction.criteria().split(",")));
    report.put("seriousness", seriousness);
    report.put("causality", reaction.causality());
    org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
    try {
      jdbc.sql("insert into regulatory_report (case_number, report_type, content, generated_at) values (?, ?, ?, ?)")
          .params(caseNumber, type, JSON.writeValueAsString(report), Timestamp.from(now)).update(key, "id");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return key.getKey().longValue();
  }

  public void recordSubmission(long reportId, LocalDate submittedOn, String reference) {
    jdbc.sql("update regulatory_report set submitted_on = ?, reference = ? where id = ?")
        .params(submittedOn, reference, reportId).update();
  }

  public Optional<Reaction> find(String caseNumber) {
    return jdbc.sql("select * from adverse_reaction where case_number = ?").param(caseNumber)
        .query(AdverseReactions::reaction).optional();
  }

  public List<Report> reports(String caseNumber) {
    return jdbc.sql("select id, case_number, report_type, content, generated_at, submitted_on, reference"
            + " from regulatory_report where case_number = ? order by generated_at, id")
        .param(caseNumber)
        .query((rs, n) -> new Report(rs.getLong("id"), rs.getString("case_number"), rs.getString("report_type"),
            content(rs.getString("content")), rs.getTimestamp("generated_at").toInstant(),
            rs.getObject("submitted_on", LocalDate.class), rs.getString("reference")))
        .list();
  }

  private long count(String caseNumber, String type) {
    return jdbc.sql("select count(*) from regulatory_report where case_number = ? and report_type = ?")
        .params(caseNumber, type).query(Long.class).single();
  }

  static String regulator(Market market) {
    return switch (market) {
      case CN -> "NMPA (National Medical Products Administration)";
      case EU -> "EU competent authority (SUE, Regulation (EC) No 1223/2009, Art. 23)";
      case US -> "FDA (MoCRA serious adverse event report)";
    };
  }

  static String country(Market market) {
    return switch (market) {
      case CN -> "China";
      case EU -> "European Union";
      case US -> "United States";
    };
  }

  private static Reaction reaction(ResultSet rs, int n) throws SQLException {
    return new Reaction(rs.getString("case_number"), rs.getString("report_number"), rs.getLong("customer_id"),
        rs.getString("sku"), rs.getString("lot_number"), Market.valueOf(rs.getString("market")),
        (Integer) rs.getObject("age", Integer.class), rs.getString("sex"),
        rs.getObject("aware_date", LocalDate.class), rs.getObject("first_use_date", LocalDate.class),
        rs.getObject("onset_date", LocalDate.class), rs.getObject("stopped_use_date", LocalDate.class),
        rs.getString("symptoms"), rs.getString("body_area"), rs.getString("allergy_history"),
        rs.getBoolean("medical_treatment"), rs.getBoolean("hospitalised"), rs.getString("outcome"),
        rs.getString("reporter"), rs.getString("seriousness"), rs.getString("criteria"), rs.getString("causality"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> content(String json) {
    try {
      return JSON.readValue(json, Map.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }


  private static String text(LocalDate date) {
    return date == null ? null : date.toString();
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  static List<String> criteria(Map<String, Object> variables) {
    List<String> criteria = new ArrayList<>();
    for (String criterion : AdverseReactionProcess.CRITERIA) {
      if (Boolean.TRUE.equals(variables.get(criterion))) {
        criteria.add(criterion);
      }
    }
    return criteria;
  }
}
