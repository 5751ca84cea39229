package io.aftercare.notification;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The due dates a message may quote as {@code {{due.<target>}}}: the case's SLA clocks, provided
 * by the SLA package (which sends its escalations through this one), so that notification does
 * not depend on it.
 */
public interface CaseDueDates {

  /** A clock's due time and the zone of the team it counts for. */
  record Due(String target, Instant dueAt, ZoneId zone) {}

  List<Due> of(String caseNumber);
}
