package io.aftercare.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One report as a table: the same columns and rows in JSON and CSV. A row's {@code null} is a
 * figure that does not apply (a median of no met clocks, a rate of nothing).
 */
public record Report(String report, LocalDate from, LocalDate to, String market, String channel,
    String bucket, Instant generatedAt, List<String> columns, List<Map<String, Object>> rows) {

  /** The cases behind a figure, newest first; {@code truncated} when there are more than listed. */
  public record Cases(String report, List<CaseRef> cases, boolean truncated) {}

  public record CaseRef(String caseNumber, Instant openedAt, String market, String channel) {}
}
