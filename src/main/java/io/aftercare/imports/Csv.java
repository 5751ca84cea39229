package io.aftercare.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a CSV file (RFC 4180: comma-separated, fields with commas, quotes or line breaks in double
 * quotes, a doubled quote for a quote; UTF-8, with or without a byte-order mark) whose first line
 * names the columns. Each record keeps the number of the line it starts on, counting the header as
 * line 1, so that a problem can be shown at the line a spreadsheet shows.
 */
public final class Csv {

  /** One record: its line number and its values by column name (blank values are null). */
  public record Row(int line, Map<String, String> values) {
    public String get(String column) {
      return values.get(column);
    }
  }

  /** The columns of the header and the records below it. */
  public record Table(List<String> columns, List<Row> rows) {}

  /** A file that is not CSV at all (an unterminated quote, no header). */
  public static final class Malformed extends RuntimeException {
    private final int line;

    Malformed(int line, String message) {
      super(message);
      this.line = line;
    }

    public int line() {
      return line;
    }
  }

  private Csv() {}

  public static Table read(String text) {
    String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<List<String>> records = new ArrayList<>();
    List<Integer> startLines = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean fieldStarted = false;
    int line = 1;
    int recordLine = 1;
    int quoteLine = 1;
    for (int i = 0; i < content.length(); i++) {
      char c = content.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < content.length() && content.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
      } else if (c == '"' && field.isEmpty() && !fieldStarted) {
        quoted = true;
        fieldStarted = true;
        quoteLine = line;
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
        fieldStarted = false;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < content.length() && content.charAt(i + 1) == '\n') {
          i++;
        }
        record.add(field.toString());
        field.setLength(0);
        fieldStarted = false;
        addRecord(records, startLines, record, recordLine);
        record = new ArrayList<>();
        line++;
        recordLine = line;
      } else {
        field.append(c);
        fieldStarted = true;
      }
    }
    if (quoted) {
      throw new Malformed(quoteLine, "a quoted field opened on line " + quoteLine + " is never closed");
    }
    if (fieldStarted || !field.isEmpty() || !record.isEmpty()) {
      record.add(field.toString());
      addRecord(records, startLines, record, recordLine);
    }
    if (records.isEmpty()) {
      throw new Malformed(1, "the file is empty: its first line must name the columns");
    }
    List<String> columns = records.get(0).stream().map(s -> s.trim().toLowerCase()).toList();
    List<Row> rows = new ArrayList<>(records.size() - 1);
    for (int r = 1; r < records.size(); r++) {
      List<String> values = records.get(r);
      Map<String, String> byColumn = new LinkedHashMap<>();
      for (int c = 0; c < columns.size(); c++) {
        String value = c < values.size() ? values.get(c).trim() : "";
        byColumn.put(columns.get(c), value.isEmpty() ? null : value);
      }
      if (values.size() > columns.size()) {
        byColumn.put(EXTRA, String.valueOf(values.size()));
      }
      rows.add(new Row(startLines.get(r), byColumn));
    }
    return new Table(columns, rows);
  }

  /** Set on a row with more values than the header has columns (the value: how many it has). */
  public static final String EXTRA = "\u0000extra";

  private static void addRecord(List<List<String>> records, List<Integer> startLines, List<String> record,
      int line) {
    // an empty line, or one of commas only (as spreadsheets write formatted empty rows)
    boolean blank = record.stream().allMatch(String::isBlank);
    if (!blank) {
      records.add(record);
      startLines.add(line);
    }
  }
}
