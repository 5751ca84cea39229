package io.aftercare.reporting;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One report of {@code /api/reports/{name}}: its figures for a period, market and channel, and
 * where the cases behind a figure are read. A new report is a new component implementing this;
 * {@link Reports} finds it.
 */
interface ReportDefinition {

  /** Where a figure's cases are read: the source and the conditions every list of the report has. */
  record CaseSource(ReportSql.Source source, List<String> conditions) {}

  /** The name in {@code /api/reports/{name}}. */
  String name();

  /** The figure filters the report's case list accepts. */
  Set<String> figureFilters();

  /** The report's figures (called inside {@link Reports}' read-only transaction). */
  Report run(ReportFilter filter);

  /** The rows behind a figure with these values. */
  CaseSource caseSource(Map<String, String> figure);
}
