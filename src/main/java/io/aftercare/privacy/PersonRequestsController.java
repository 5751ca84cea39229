package io.aftercare.privacy;

import io.aftercare.api.CaseStateException;
import io.aftercare.api.NotFoundException;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's requests (GDPR arts. 15, 17 and 20; PIPL arts. 45 and 47), answered by the
 * data-protection officer: everything held about them, and its erasure as far as no legal
 * obligation keeps it. And the retention job's dry run and an immediate run.
 */
@RestController
class PersonRequestsController {

  private static final Logger LOG = LoggerFactory.getLogger(PersonRequestsController.class);

  private final CustomerData data;
  private final AccessLog log;
  private final RetentionJob retention;

  PersonRequestsController(CustomerData data, AccessLog log, RetentionJob retention) {
    this.data = data;
    this.log = log;
    this.retention = retention;
  }

  @GetMapping("/api/customers/{id}/export")
  Map<String, Object> export(@PathVariable long id, Principal user) {
    known(id);
    log.record(user.getName(), id, null, AccessLog.Data.EXPORT, "access or portability request", AccessLog.Door.API);
    return data.export(id);
  }

  /** Anonymises the person now; 409 while a case of theirs is open (it still needs their contact). */
  @PostMapping("/api/customers/{id}/erasure")
  CustomerData.Outcome erase(@PathVariable long id, Principal user) {
    known(id);
    List<String> open = data.openCases(id);
    if (!open.isEmpty()) {
      throw new CaseStateException("Customer " + id + " has open cases (" + String.join(", ", open)
          + "): close them before erasing, or erase after they end");
    }
    CustomerData.Outcome outcome = data.anonymise(id, ClockUtil.getCurrentTime().toInstant());
    LOG.info("Customer {} anonymised on request, by {}", id, user.getName());
    return outcome;
  }

  @GetMapping("/api/privacy/retention")
  List<RetentionJob.Step> dryRun() {
    return retention.run(ClockUtil.getCurrentTime().toInstant(), true);
  }

  /** Runs the retention job now; 409 while a run (the daily one, another request) is under way. */
  @PostMapping("/api/privacy/retention")
  List<RetentionJob.Step> runNow() {
    return retention.runLeased(ClockUtil.getCurrentTime().toInstant())
        .orElseThrow(() -> new CaseStateException("A retention run is under way; try again when it has ended"));
  }

  private void known(long id) {
    if (!data.exists(id)) {
      throw new NotFoundException("customer", String.valueOf(id));
    }
  }
}
