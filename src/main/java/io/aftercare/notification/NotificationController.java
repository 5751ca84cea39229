package io.aftercare.notification;

import io.aftercare.api.CaseStateException;
import io.aftercare.api.NotFoundException;
import java.security.Principal;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/notifications/{id}/requeue}, for supervisors: a message that failed for good
 * (the case view lists it with its id and error) is sent again from its first attempt. Only one
 * that failed while sending — it was never sent, so it is not sent twice; a message that never
 * had a channel (no consent, no contact) answers 409 with why.
 */
@RestController
class NotificationController {

  private final Outbox outbox;

  NotificationController(Outbox outbox) {
    this.outbox = outbox;
  }

  @PostMapping("/api/notifications/{id}/requeue")
  ResponseEntity<Map<String, Object>> requeue(@PathVariable long id, Principal user) {
    Notification message = outbox.find(id).orElseThrow(() -> new NotFoundException("notification", String.valueOf(id)));
    if (message.state() != Notification.State.FAILED) {
      throw new CaseStateException("Notification " + id + " is " + message.state() + ", not FAILED: nothing to re-queue");
    }
    if (!outbox.requeue(id, user.getName(), ClockUtil.getCurrentTime().toInstant())) {
      throw new CaseStateException("Notification " + id + " never reached a channel (" + message.lastError()
          + "): sending it again would fail the same way");
    }
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", id, "state", "PENDING",
        "caseNumber", message.caseNumber() == null ? "" : message.caseNumber()));
  }
}
