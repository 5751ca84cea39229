package io.aftercare.privacy;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Enforces {@link RetentionSettings}: anonymises the customers whose last case closed longer ago
 * than their market's contact period and who have no open case (keeping initials while an
 * adverse-reaction record holds them), and drops the initials of those whose holds have ended.
 * Runs daily on one node of a cluster (a lease in {@code scheduled_run}); a dry run lists what a
 * run would do.
 */
@Component
class RetentionJob {

  private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);
  static final String NAME = "retention";

  /** What a run does, or would do, to one customer. */
  record Step(long customerId, String market, String action, Instant lastCaseClosed) {}

  private final CustomerData data;
  private final RetentionSettings settings;
  private final JdbcClient jdbc;
  private final String node = ManagementFactory.getRuntimeMXBean().getName();

  RetentionJob(CustomerData data, RetentionSettings settings, JdbcClient jdbc) {
    this.data = data;
    this.settings = settings;
    this.jdbc = jdbc;
  }

  @Scheduled(cron = "${aftercare.retention.cron:0 30 2 * * *}")
  void daily() {
    runLeased(ClockUtil.getCurrentTime().toInstant())
        .ifPresent(done -> LOG.info("Retention: {} customers anonymised or stripped of initials", done.size()));
  }

  /** A run now, unless another node (or request) is running one: then empty. */
  java.util.Optional<List<Step>> runLeased(Instant now) {
    if (!lease(now)) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(run(now, false));
    } finally {
      release(now);
    }
  }

  /** The steps of a run at {@code now}; carried out unless {@code dryRun}. */
  List<Step> run(Instant now, boolean dryRun) {
    List<Step> steps = new ArrayList<>();
    for (String market : settings.contact().keySet().stream().sorted().toList()) {
      Instant cutoff = now.atOffset(ZoneOffset.UTC).minus(settings.contact(market)).toInstant();
      for (long id : data.expired(market, cutoff)) {
        boolean held = !data.holds(id, now.atOffset(ZoneOffset.UTC).toLocalDate()).isEmpty();
        steps.add(new Step(id, market, held ? "anonymise, initials kept (legal hold)" : "anonymise",
            data.lastCaseClosed(id).orElse(null)));
      }
    }
    for (long id : data.initialsNoLongerHeld(now)) {
      steps.add(new Step(id, data.market(id), "drop initials (hold ended)", data.lastCaseClosed(id).orElse(null)));
    }
    if (dryRun) {
      return steps;
    }
    List<Step> done = new ArrayList<>();
    for (Step step : steps) {
      try {
        data.anonymise(step.customerId(), now);
        done.add(step);
      } catch (RuntimeException e) {
        // one customer's failure (a lock, a constraint) must not keep the others' data beyond its time
        LOG.error("Retention: customer {} could not be anonymised ({}); the next run tries again",
            step.customerId(), e.getMessage(), e);
      }
    }
    return done;
  }

  /** Takes the cluster-wide lease for up to an hour; false when another node holds it. */
  private boolean lease(Instant now) {
    return jdbc.sql("update scheduled_run set locked_until = ?, locked_by = ? where name = ? and locked_until < ?")
        .params(Timestamp.from(now.plusSeconds(3600)), node, NAME, Timestamp.from(now)).update() == 1;
  }

  private void release(Instant now) {
    jdbc.sql("update scheduled_run set locked_until = ?, last_run_at = ? where name = ? and locked_by = ?")
        .params(Timestamp.from(now), Timestamp.from(now), NAME, node).update();
  }
}
