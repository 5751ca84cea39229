package io.aftercare.casefile;

import io.aftercare.api.NotFoundException;
import io.aftercare.notification.Outbox;
import io.aftercare.sla.Escalations;
import io.aftercare.sla.SlaClocks;
import jakarta.validation.constraints.Pattern;
import java.sql.Timestamp;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/cases/{caseNumber}}: the case with its clocks, escalations and notifications (its
 * timeline is the reporting package's {@code CaseTimelineController}).
 */
@Validated
@RestController
@RequestMapping("/api/cases")
class CaseController {

  private final JdbcClient jdbc;
  private final SlaClocks clocks;
  private final Escalations escalations;
  private final Outbox outbox;

  CaseController(JdbcClient jdbc, SlaClocks clocks, Escalations escalations, Outbox outbox) {
    this.jdbc = jdbc;
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
}
