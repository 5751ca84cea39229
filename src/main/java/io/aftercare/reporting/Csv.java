package io.aftercare.reporting;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A report as CSV (RFC 4180): the JSON's columns as the header, one line per row, empty for null. */
final class Csv {

  private Csv() {}

  static String of(Report report) {
    StringBuilder out = new StringBuilder();
    line(out, report.columns().stream().map(c -> (Object) c).toList());
    for (Map<String, Object> row : report.rows()) {
      line(out, report.columns().stream().map(row::get).toList());
    }
    return out.toString();
  }

  private static void line(StringBuilder out, List<Object> values) {
    out.append(values.stream().map(Csv::field).collect(Collectors.joining(","))).append("\r\n");
  }

  private static String field(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
