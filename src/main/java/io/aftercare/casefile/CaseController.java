package io.aftercare.casefile;

import io.aftercare.api.NotFoundException;
import io.aftercare.notification.Outbox;
import io.aftercare.sla.Escalations;
import io.aftercare.sla.SlaClocks;
import jakarta.validation.constraints.Pattern;
import java.sql.Timestamp;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/cases/{caseNumber}}: the case with its clocks, escalations and notifications;
 * {@code GET /api/cases/{caseNumber}/timeline}: everything that happened on it, in order.
 */
@Validated
@RestController
@RequestMapping("/api/cases")
class CaseController {

  private final JdbcClient jdbc;
  private final SlaClocks clocks;
  private final Escalations escalations;
  private final Outbox outbox;

  private final CaseTimeline timeline;
  private final CaseFiles caseFiles;

  CaseController(JdbcClient jdbc, SlaClocks clocks, Escalations escalations, Outbox outbox, CaseTimeline timeline,
      CaseFiles caseFiles) {
    this.jdbc = jdbc;
    this.timeline = timeline;
    this.caseFiles = caseFiles;
    this.clocks = clocks;
    this.escalations = escalations;
    this.outbox = outbox;
  }

  @GetMapping("/{caseNumber}")
  CaseView get(@PathVariable @Pattern(regexp = CaseNumbers.PATTERN,
      message = CaseNumbers.PATTERN_MESSAGE) String caseNumber) {
    record Row(Timestamp openedAt, Long customerId) {}
    Row row = jdbc.sql("select opened_at, customer_id from case_file where case_number = ?").param(caseNumber)
        .query((rs, n) -> new Row(rs.getTimestamp("opened_at"), (Long) rs.getObject("customer_id", Long.class)))
        .optional().orElseThrow(() -> new NotFoundException("case", caseNumber));
    return new CaseView(caseNumber, row.openedAt().toInstant(), row.customerId(),
        clocks.forCase(caseNumber).stream().map(clock -> CaseView.Clock.of(clock, ClockUtil.getCurrentTime().toInstant())).toList(),
        escalations.forCase(caseNumber),
        outbox.forCase(caseNumber).stream().map(CaseView.Message::of).toList());
  }

  @GetMapping("/{caseNumber}/timeline")
  Map<String, Object> timeline(@PathVariable @Pattern(regexp = CaseNumbers.PATTERN,
      message = CaseNumbers.PATTERN_MESSAGE) String caseNumber) {
    if (!caseFiles.exists(caseNumber)) {
      throw new NotFoundException("case", caseNumber);
    }
    return Map.of("caseNumber", caseNumber, "entries", timeline.of(caseNumber));
  }
}
