package io.aftercare.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import db.migration.V17__personal_data_out_of_the_engine;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.Http;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RuntimeService;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V17 on data as an earlier version left it: health details and contact data in a running case's
 * variables, in Camunda's history and in the timeline's task values.
 */
@AftercareIT
class PersonalDataMigrationIT {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;

  @Test
  void contactAndHealthDataHeldByAnEarlierVersionLeaveTheEngine() throws Exception {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> reaction = new HashMap<>(Map.of("awareDate", "2026-11-19", "onsetDate", "2026-11-13",
        "symptoms", "recorded " + unique, "bodyArea", "face", "medicalTreatment", false, "hospitalised", false));
    Http.Response created = new Http(port).post("/api/adverse-reactions", "safety", Map.of(
        "customer", Map.of("name", "赵丽颖", "email", "old-" + unique + "@example.cn", "market", "CN", "locale", "zh-CN"),
        "product", Map.of("sku", "SK-CREAM-50"), "reaction", reaction));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String caseNumber = created.json().get("caseNumber").asText();
    String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).singleResult().getId();

    // as an earlier version left it: details only in the variables, contact in the variables and history
    jdbc.sql("update adverse_reaction set symptoms = null, allergy_history = null where case_number = ?")
        .param(caseNumber).update();
    String symptoms = "Old symptoms " + unique;
    runtime.setVariable(instance, "symptoms", symptoms);
    runtime.setVariable(instance, "allergyHistory", "Old allergy " + unique);
    runtime.setVariable(instance, "customerPhone", "+8613900001234");
    runtime.setVariable(instance, "customerName", "赵丽颖");
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.sql("insert into ACT_HI_VARINST (ID_, PROC_INST_ID_, NAME_, VAR_TYPE_, TEXT_, CREATE_TIME_, REV_, STATE_)"
            + " values (?, ?, 'symptoms', 'string', ?, ?, 0, 'CREATED')")
        .params("v17-" + unique, instance, symptoms, now).update();
    jdbc.sql("insert into ACT_HI_DETAIL (ID_, TYPE_, PROC_INST_ID_, NAME_, VAR_TYPE_, TEXT_, TIME_, REV_)"
            + " values (?, 'VariableUpdate', ?, 'customerPhone', 'string', '+8613900001234', ?, 0)")
        .params("d17-" + unique, instance, now).update();
    jdbc.sql("update report_task set outcome = ? where case_number = ?")
        .params("symptoms=" + symptoms + ", causality=possible", caseNumber).update();

    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(true);
      new V17__personal_data_out_of_the_engine().migrate(context(connection));
    }

    assertThat(jdbc.sql("select symptoms from adverse_reaction where case_number = ?").param(caseNumber)
        .query(String.class).single()).as("moved where the table lacked it").isEqualTo(symptoms);
    assertThat(jdbc.sql("select allergy_history from adverse_reaction where case_number = ?").param(caseNumber)
        .query(String.class).single()).isEqualTo("Old allergy " + unique);
    assertThat(runtime.getVariables(instance)).doesNotContainKeys("symptoms", "allergyHistory", "customerPhone")
        .containsEntry("customerName", "赵**");
    assertThat(jdbc.sql("select count(*) from ACT_HI_VARINST where PROC_INST_ID_ = ? and NAME_ = 'symptoms'")
        .param(instance).query(Long.class).single()).isZero();
    assertThat(jdbc.sql("select count(*) from ACT_HI_DETAIL where PROC_INST_ID_ = ? and NAME_ = 'customerPhone'")
        .param(instance).query(Long.class).single()).isZero();
    assertThat(jdbc.sql("select count(*) from report_task where case_number = ? and outcome like ?")
        .params(caseNumber, "%" + unique + "%").query(Long.class).single()).isZero();
    assertThat(runtime.getVariable(instance, "caseNumber")).as("the rest of the case is untouched").isEqualTo(caseNumber);
  }

  private static Context context(Connection connection) {
    return new Context() {
      @Override
      public Configuration getConfiguration() {
        return null;
      }

      @Override
      public Connection getConnection() {
        return connection;
      }
    };
  }
}
