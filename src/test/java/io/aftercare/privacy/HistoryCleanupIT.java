package io.aftercare.privacy;

import static io.aftercare.support.CaseWork.string;
import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.support.AftercareIT;
import io.aftercare.support.CaseWork;
import io.aftercare.support.Http;
import io.aftercare.support.TestDatabase;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Camunda's history of a case goes when README's retention table says: {@code historyTimeToLive}
 * days after the process instance's end (1,095 for a general enquiry), by Camunda's end-time
 * history cleanup (application.yaml: no removal time is written when a case ends). Worked out by
 * hand: an enquiry that ends on Monday 2024-03-04 at 09:30 UTC reaches 1,095 days on
 * 2027-03-04 at 09:30 UTC (2024-03-04 → 2025-03-04 → 2026-03-04 → 2027-03-04 are 365 days each;
 * 2024-02-29 lies before the end). PostgreSQL counts whole days of 24 hours, so the history is still
 * there at 09:29:59 and gone at 09:30:00; H2 (the demo database) counts calendar days, so there it
 * goes at 00:00 of that day. Both keep it on 2027-03-03 at 23:59:59. Its routing decision, evaluated at the same
 * instant, goes with it (by the decision's own 1,095 days from its evaluation). Camunda's user
 * operation log (who started and completed, no customer data) stays, as Aftercare's access log does.
 */
@AftercareIT
class HistoryCleanupIT {

  private static final Instant ENDED = Instant.parse("2024-03-04T09:30:00Z");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    // the cleanup job back to its nightly window, counted from now
    history.cleanUpHistoryAsync();
  }

  @Test
  void anEnquirysHistoryGoes1095DaysAfterItsEnd() throws Exception {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("endTimeBased");
    assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("none");

    ClockUtil.setCurrentTime(Date.from(ENDED));
    String instance = workedEnquiry();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult().getEndTime())
        .isEqualTo(Date.from(ENDED));
    Map<String, Long> before = historyRows(instance);
    assertThat(before).containsKeys("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST", "ACT_HI_VARINST",
        "ACT_HI_DECINST", "ACT_HI_JOB_LOG", "ACT_HI_OP_LOG");
    // nothing is written when the case ends: no removal time on any row
    assertThat(jdbc.sql("select count(*) from ACT_HI_VARINST where PROC_INST_ID_ = ? and REMOVAL_TIME_ is not null")
        .param(instance).query(Long.class).single()).isZero();

    cleanUpAt("2027-03-03T23:59:59Z");
    assertThat(historyRows(instance)).as("a second before the 1,095th calendar day").isEqualTo(before);

    if (TestDatabase.isPostgres()) {
      cleanUpAt("2027-03-04T09:29:59Z");
      assertThat(historyRows(instance)).as("a second before 1,095 days of 24 hours").isEqualTo(before);
    }

    cleanUpAt("2027-03-04T09:30:00Z");
    assertThat(historyRows(instance)).as("1,095 days after the end only the user operation log is left")
        .containsOnlyKeys("ACT_HI_OP_LOG");
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance).count()).isZero();
    assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(instance).count()).isZero();
  }

  /** An enquiry started by an agent and answered by the returns clerks, all at the clock's instant. */
  private String workedEnquiry() {
    Http http = new Http(port);
    Http.Response started = http.post("/engine-rest/process-definition/key/generalEnquiry/start", "agent",
        Map.of("variables", Map.of("customerName", string("Jonas Weber"), "contact", string("jonas.weber@example.de"),
            "market", string("EU"), "topic", string("return"), "question", string("May I return an opened cream?"))));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String instance = started.json().get("id").asText();
    // the acknowledgement runs after the start, as a job (the job executor is off in tests)
    new CaseWork(http, runtime, management).runJobs(started.json().get("businessKey").asText());
    String task = http.get("/engine-rest/task?processInstanceId=" + instance, "returns").json().get(0).get("id").asText();
    Http.Response answered = http.post("/engine-rest/task/" + task + "/complete", "returns",
        Map.of("variables", Map.of("answer", string("Opened creams can be returned when faulty."),
            "followUp", string("none"))));
    assertThat(answered.status()).as(answered.body()).isEqualTo(204);
    return instance;
  }

  /** Runs Camunda's history cleanup job now (outside its nightly window) with the clock at {@code at}. */
  private void cleanUpAt(String at) {
    ClockUtil.setCurrentTime(Date.from(Instant.parse(at)));
    Job cleanup = history.cleanUpHistoryAsync(true);
    management.executeJob(cleanup.getId());
  }

  /**
   * Rows of the case in each history table that has them, and in Camunda's byte arrays (every one
   * of these tables has the root process instance's id; the enquiry is its own root).
   */
  private Map<String, Long> historyRows(String instance) throws Exception {
    List<String> tables = new java.util.ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      for (String pattern : List.of("ROOT_PROC_INST_ID_", "root_proc_inst_id_")) {
        try (ResultSet found = meta.getColumns(null, null, "%", pattern)) {
          while (found.next()) {
            tables.add(found.getString("TABLE_NAME").toUpperCase(java.util.Locale.ROOT));
          }
        }
      }
    }
    Map<String, Long> rows = new TreeMap<>();
    for (String table : tables.stream().filter(t -> t.startsWith("ACT_HI_") || t.equals("ACT_GE_BYTEARRAY"))
        .distinct().toList()) {
      long count = jdbc.sql("select count(*) from " + table + " where ROOT_PROC_INST_ID_ = ?").param(instance)
          .query(Long.class).single();
      if (count > 0) {
        rows.put(table, count);
      }
    }
    return rows;
  }
}
