package io.aftercare.callback;

import io.aftercare.process.OnBehalf;
import static io.aftercare.callback.CallbackProcess.*;

import com.fasterxml.jackson.annotation.JsonValue;
import io.aftercare.api.ApiExceptionHandler.FieldProblem;
import io.aftercare.api.CaseStateException;
import io.aftercare.api.InvalidRequestException;
import io.aftercare.api.NotFoundException;
import io.aftercare.casefile.CaseIntake;
import io.aftercare.casefile.IntakeChannel;
import io.aftercare.casefile.CaseNumbers;
import io.aftercare.customer.CustomerService;
import io.aftercare.process.CaseVariables;
import io.aftercare.process.Messages;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Care calls requested by channels and agents ({@code POST /api/callbacks}), and the survey that an
 * unreachable customer answers through a single-use, expiring link, without logging in
 * ({@code GET/POST /api/surveys/{token}}).
 */
@Validated
@RestController
class CallbackController {

  enum Reason {
    COMPLAINT_RESOLVED, RETURN_COMPLETED, ADVERSE_FOLLOWUP, CARE_CALL;

    @JsonValue
    @Override
    public String toString() {
      return name().toLowerCase();
    }
  }

  record CallbackRequest(
      @Pattern(regexp = CaseNumbers.PATTERN, message = CaseNumbers.PATTERN_MESSAGE) String caseNumber,
      @NotNull Long customerId,
      @NotNull Reason reason,
      OffsetDateTime notBefore,
      IntakeChannel channel,
      @Pattern(regexp = CaseNumbers.PATTERN, message = CaseNumbers.PATTERN_MESSAGE) String relatedCaseNumber) {}

  record Scheduled(String caseNumber) {}

  record SurveyView(String caseNumber, Instant expiresAt, List<String> questions) {}

  record SurveyAnswers(
      @NotNull @Min(1) @Max(5) Integer csat,
      @Min(0) @Max(10) Integer nps,
      @NotNull Boolean resolved,
      @Size(max = 2000) String comment) {}

  private final RuntimeService runtime;
  private final OnBehalf onBehalf;
  private final CustomerService customers;
  private final CaseIntake intake;
  private final CallbackRecords callbacks;

  CallbackController(RuntimeService runtime, CustomerService customers, CaseIntake intake, CallbackRecords callbacks,
      OnBehalf onBehalf) {
    this.onBehalf = onBehalf;
    this.runtime = runtime;
    this.customers = customers;
    this.intake = intake;
    this.callbacks = callbacks;
  }

  @PostMapping("/api/callbacks")
  @Transactional
  ResponseEntity<Scheduled> request(@Valid @RequestBody CallbackRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    if (customers.find(request.customerId()).isEmpty()) {
      problems.add(new FieldProblem("customerId", "is not a known customer"));
    }
    problems.addAll(intake.problems(request.caseNumber(), request.customerId(), request.relatedCaseNumber()));
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    String caseNumber = intake.openOrJoin(request.caseNumber(), "caseNumber", request.customerId(), null,
        request.channel(), request.relatedCaseNumber());
    Map<String, Object> variables = new HashMap<>();
    variables.put(CaseVariables.CUSTOMER_ID, request.customerId());
    REASON.put(variables, request.reason().toString());
    variables.put(CaseVariables.CASE_NUMBER, caseNumber);
    if (request.notBefore() != null) {
      NOT_BEFORE.put(variables, Date.from(request.notBefore().toInstant()));
    }
    ProcessInstanceWithVariables instance = onBehalf.call(() -> runtime.createProcessInstanceByKey(KEY)
        .setVariables(variables).executeWithVariablesInReturn());
    caseNumber = (String) instance.getVariables().get(CaseVariables.CASE_NUMBER);
    return ResponseEntity.created(URI.create("/api/cases/" + caseNumber)).body(new Scheduled(caseNumber));
  }

  @GetMapping("/api/surveys/{token}")
  SurveyView survey(@PathVariable @Size(max = 64) String token) {
    CallbackRecords.Survey survey = open(token);
    return new SurveyView(survey.caseNumber(), survey.expiresAt(), List.of(
        "csat: how satisfied are you with how we handled your case? 1 (not at all) to 5 (very)",
        "nps: how likely are you to recommend us? 0 to 10",
        "resolved: is your problem solved? true or false",
        "comment: anything else (optional)"));
  }

  @PostMapping("/api/surveys/{token}")
  @Transactional
  ResponseEntity<Void> answer(@PathVariable @Size(max = 64) String token, @Valid @RequestBody SurveyAnswers answers) {
    CallbackRecords.Survey survey = open(token);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    if (!callbacks.useSurvey(token, now)) {
      throw new CaseStateException("This survey link was already used or has expired");
    }
    callbacks.answered(survey.callbackId(), survey.caseNumber(), "SURVEY",
        new CallbackRecords.Answers(answers.csat(), answers.nps(), answers.resolved(), answers.comment()), now);
    Map<String, Object> variables = new HashMap<>();
    CSAT.put(variables, answers.csat());
    NPS.put(variables, answers.nps());
    RESOLVED.put(variables, answers.resolved());
    COMMENT.put(variables, answers.comment());
    runtime.createMessageCorrelation(Messages.SURVEY_ANSWERED).processInstanceId(survey.processInstanceId())
        .setVariables(variables).correlate();
    return ResponseEntity.status(HttpStatus.ACCEPTED).build();
  }

  /** The survey behind a token: 404 unknown, 409 used or expired. */
  private CallbackRecords.Survey open(String token) {
    CallbackRecords.Survey survey = callbacks.survey(token).orElseThrow(() -> new NotFoundException("survey", token));
    if (survey.usedAt() != null || !survey.expiresAt().isAfter(ClockUtil.getCurrentTime().toInstant())) {
      throw new CaseStateException("This survey link was already used or has expired");
    }
    return survey;
  }
}
