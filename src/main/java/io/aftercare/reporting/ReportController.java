package io.aftercare.reporting;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aftercare.api.ApiExceptionHandler.FieldProblem;
import io.aftercare.api.InvalidRequestException;
import io.aftercare.api.NotFoundException;
import io.aftercare.customer.Market;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/reports/{name}}: a report as JSON, or CSV ({@code Accept: text/csv} or
 * {@code ?format=csv}), for the period {@code from}..{@code to} (days, both included; default the
 * last 30 days), a {@code market} and an intake {@code channel}. {@code GET
 * /api/reports/{name}/cases} lists the cases behind one figure.
 */
@RestController
@RequestMapping("/api/reports")
class ReportController {

  static final int DEFAULT_DAYS = 30;
  static final int MAX_DAYS = 400;
  private static final Set<String> FILTERS = Set.of("from", "to", "market", "channel", "format");
  private static final Set<String> CHANNELS = Set.of("PHONE", "WEB", "WECHAT", "APP", "STORE", "SOCIAL", "EMAIL");
  private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

  private final Reports reports;
  /** Like the application's mapper, but a row keeps its null figures: every row has every column, as in the CSV. */
  private final ObjectMapper json;

  ReportController(Reports reports, ObjectMapper json) {
    this.reports = reports;
    this.json = json.copy().setSerializationInclusion(JsonInclude.Include.ALWAYS);
  }

  /** The reports there are, with their columns' meaning left to the README. */
  @GetMapping
  Map<String, Object> index() {
    Map<String, Object> links = new LinkedHashMap<>();
    new TreeSet<>(reports.names()).forEach(name -> links.put(name, "/api/reports/" + name));
    return Map.of("reports", links, "filters", List.of("from", "to", "market", "channel", "format"));
  }

  @GetMapping("/{name}")
  ResponseEntity<?> report(@PathVariable String name, @RequestParam Map<String, String> params,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    requireReport(name);
    ReportFilter filter = filter(params);
    Report report = reports.report(name, filter);
    String format = params.get("format");
    boolean csv = "csv".equalsIgnoreCase(format)
        || (format == null && accept != null && accept.contains("text/csv") && !accept.contains("application/json"));
    if (!csv) {
      try {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(report));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("Report " + name + " could not be written as JSON", e);
      }
    }
    return ResponseEntity.ok().contentType(CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "-" + filter.from() + "-"
            + filter.to() + ".csv\"")
        .body(Csv.of(report));
  }

  @GetMapping("/{name}/cases")
  Report.Cases cases(@PathVariable String name, @RequestParam Map<String, String> params) {
    requireReport(name);
    ReportFilter filter = filter(params);
    Map<String, String> figure = new LinkedHashMap<>(params);
    FILTERS.forEach(figure::remove);
    Set<String> allowed = reports.figureFilters(name);
    List<FieldProblem> problems = new ArrayList<>();
    figure.forEach((key, value) -> {
      if (!allowed.contains(key)) {
        problems.add(new FieldProblem(key, "is not a filter of the " + name + " report's cases (one of "
            + String.join(", ", new TreeSet<>(allowed)) + ")"));
      } else if (!valid(key, value)) {
        problems.add(new FieldProblem(key, "is not valid: " + value));
      }
    });
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return reports.cases(name, filter, figure);
  }

  private static boolean valid(String key, String value) {
    try {
      Reports.figureValue(key, value);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private void requireReport(String name) {
    if (!reports.names().contains(name)) {
      throw new NotFoundException("report", name);
    }
  }

  /** The period, market and channel of a request, checked: each wrong one is named. */
  static ReportFilter filter(Map<String, String> params) {
    List<FieldProblem> problems = new ArrayList<>();
    Market market = null;
    if (params.get("market") != null && !params.get("market").isBlank()) {
      try {
        market = Market.valueOf(params.get("market").trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add(new FieldProblem("market", "must be one of " + Arrays.toString(Market.values())));
      }
    }
    String channel = null;
    if (params.get("channel") != null && !params.get("channel").isBlank()) {
      channel = params.get("channel").trim().toUpperCase(Locale.ROOT);
      if (!CHANNELS.contains(channel)) {
        problems.add(new FieldProblem("channel", "must be one of " + new TreeSet<>(CHANNELS)));
      }
    }
    String format = params.get("format");
    if (format != null && !format.equalsIgnoreCase("csv") && !format.equalsIgnoreCase("json")) {
      problems.add(new FieldProblem("format", "must be json or csv"));
    }
    Instant now = ClockUtil.getCurrentTime().toInstant();
    LocalDate today = LocalDate.ofInstant(now, ReportFilter.zoneOf(market));
    LocalDate to = date(params, "to", today, problems);
    LocalDate from = date(params, "from", (to == null ? today : to).minusDays(DEFAULT_DAYS - 1), problems);
    if (from != null && to != null) {
      if (from.isAfter(to)) {
        problems.add(new FieldProblem("from", "must not be after to (" + to + ")"));
      } else if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
        problems.add(new FieldProblem("from", "must be at most " + MAX_DAYS + " days before to"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return new ReportFilter(from, to, market, channel, now);
  }

  private static LocalDate date(Map<String, String> params, String name, LocalDate fallback,
      List<FieldProblem> problems) {
    String value = params.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (RuntimeException e) {
      problems.add(new FieldProblem(name, "must be a date like 2026-11-01"));
      return null;
    }
  }
}
