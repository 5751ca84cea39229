package io.aftercare.adversereaction;

import static io.aftercare.support.CaseWork.badFields;
import static io.aftercare.support.CaseWork.bool;
import static io.aftercare.support.CaseWork.integer;
import static io.aftercare.support.CaseWork.string;
import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.support.AftercareIT;
import io.aftercare.support.Http;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A safety officer takes a reaction by phone through the adverse-reaction process's start form
 * (Tasklist's Start process, or the same form submission through /engine-rest): the API's rules,
 * each refused field named by its form key, nothing stored when refused; the contact and health
 * details end in the case file, not in the engine; the task's priority follows the seriousness.
 */
@AftercareIT
class PhoneReportIT {

  private static final String SUBMIT = "/engine-rest/process-definition/key/adverseReactionReport/submit-form";

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired TaskService tasks;
  @Autowired JdbcClient jdbc;

  @Test
  void aSafetyOfficerTakesAReactionByPhone() {
    Http http = new Http(port);
    String symptoms = "Blisters on both cheeks " + UUID.randomUUID().toString().substring(0, 8);
    String today = LocalDate.now().toString();
    Map<String, Object> form = new HashMap<>(Map.of(
        "customerName", string("李娜"), "customerPhone", string("+8613900002222"), "market", string("CN"),
        "locale", string("zh-CN"), "age", integer(34), "sku", string("SK-NOPE-1"),
        "awareDate", string(LocalDate.now().plusDays(3).toString()), "onsetDate", string(today),
        "symptoms", string(symptoms), "bodyArea", string("face")));
    form.put("hospitalised", bool(true));

    // the API's rules, through the form: an unknown product and an awareness date to come
    Http.Response refused = http.post(SUBMIT, "safety", Map.of("variables", form));
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(badFields(refused)).contains("sku", "awareDate");
    assertThat(jdbc.sql("select count(*) from adverse_reaction where symptoms = ?").param(symptoms)
        .query(Long.class).single()).as("nothing stored").isZero();
    // agents take complaints; a reaction by phone is the safety team's
    form.put("sku", string("SK-CREAM-50"));
    form.put("awareDate", string(today));
    assertThat(http.post(SUBMIT, "agent", Map.of("variables", form)).status()).isIn(403, 404);

    // nor around the form: not started in the middle, nor by the message a complaint sends
    assertThat(http.post("/engine-rest/process-definition/key/adverseReactionReport/start", "safety", Map.of(
        "variables", form, "startInstructions", java.util.List.of(Map.of("type", "startBeforeActivity",
            "activityId", "Task_RegisterReaction")))).status()).isEqualTo(403);
    assertThat(http.post("/engine-rest/message", "safety", Map.of("messageName", "AdverseReactionReported",
        "processVariables", form)).status()).isEqualTo(403);
    assertThat(http.post("/engine-rest/process-definition/key/callbackFollowUp/start", "agent", Map.of(
        "variables", Map.of("customerId", Map.of("value", 1, "type", "Long"), "reason", string("whenever")))).status())
        .as("a callback's reason is checked as the API checks it").isEqualTo(400);

    Http.Response started = http.post(SUBMIT, "safety", Map.of("variables", form));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String instance = started.json().get("id").asText();
    String caseNumber = runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult().getBusinessKey();
    assertThat(caseNumber).isNotBlank();
    assertThat(jdbc.sql("select count(*) from adverse_reaction where case_number = ? and symptoms = ?")
        .params(caseNumber, symptoms).query(Long.class).single()).isEqualTo(1);

    // minimum necessary in the engine: no contact and no health details, at run time or in history
    assertThat(runtime.getVariable(instance, "customerName")).isEqualTo("李*");
    for (String name : new String[] {"customerPhone", "symptoms", "bodyArea", "age"}) {
      assertThat(runtime.createVariableInstanceQuery().processInstanceIdIn(instance).variableName(name).count())
          .as(name).isZero();
    }
    for (String name : new String[] {"customerName", "customerPhone", "symptoms", "bodyArea", "age"}) {
      assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName(name).count())
          .as(name + " in history").isZero();
    }
    // the officer's first task: a hospitalised reaction is serious, so urgent whatever else
    var task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
    assertThat(task.getName()).contains(caseNumber);
    assertThat(task.getPriority()).isEqualTo(90);
    assertThat(tasks.getVariableLocal(task.getId(), "urgency")).isEqualTo("紧急 urgent");
    // decided without a decision history of its own (its inputs are the case's health data)
    assertThat(history.createHistoricDecisionInstanceQuery().decisionDefinitionKey("taskPriority").count()).isZero();
  }
}
