package io.aftercare.reporting;

import static io.aftercare.reporting.ReportSql.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Customer and staff messages created in the period, by channel and state. */
@Component
class NotificationReport implements ReportDefinition {

  static final List<String> COLUMNS = List.of("notificationChannel", "audience", "total", "sent",
      "pending", "failed");
  static final Source MESSAGES = new Source("notification x", "x.created_at", "c.market", "c.channel",
      Map.of("notificationChannel", "coalesce(x.channel, 'NONE') = :notificationChannel", "state", "x.state = :state",
          "audience", "x.audience = :audience"));

  private final ReportSql sql;

  NotificationReport(ReportSql sql) {
    this.sql = sql;
  }

  @Override
  public String name() {
    return "notifications";
  }

  @Override
  public Set<String> figureFilters() {
    return Set.of("notificationChannel", "state", "audience");
  }

  @Override
  public CaseSource caseSource(Map<String, String> figure) {
    return new CaseSource(MESSAGES, List.of());
  }

  /** Customer and staff messages created in the period, by channel and state. */
  @Override
  public Report run(ReportFilter filter) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> row : sql.query(MESSAGES, filter, "coalesce(x.channel, 'NONE') as channel, x.audience as audience,"
        + " count(*) as total, " + count("x.state = 'SENT'") + " as sent, " + count("x.state = 'PENDING'") + " as pending, "
        + count("x.state = 'FAILED'") + " as failed", null, "coalesce(x.channel, 'NONE'), x.audience", "1, 2")) {
      out.add(line(COLUMNS, row.get("channel"), row.get("audience"), number(row, "total"),
          number(row, "sent"), number(row, "pending"), number(row, "failed")));
    }
    return sql.report("notifications", filter, COLUMNS, out);
  }
}
