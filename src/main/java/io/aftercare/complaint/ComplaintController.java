package io.aftercare.complaint;

import io.aftercare.process.OnBehalf;
import static io.aftercare.complaint.ComplaintProcess.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aftercare.api.ApiExceptionHandler.FieldProblem;
import io.aftercare.api.CaseStateException;
import io.aftercare.api.InvalidRequestException;
import io.aftercare.api.NotFoundException;
import io.aftercare.casefile.CaseNumbers;
import io.aftercare.process.CaseVariables;
import io.aftercare.process.Messages;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Complaint intake for channels and back-office systems, and the customer's evidence for a case
 * that waits for it. Invalid input is rejected before anything is stored or started.
 */
@Validated
@RestController
class ComplaintController {

  /** The answer to a registered complaint. */
  record Created(String caseNumber) {}

  /** Evidence sent by the customer: links to photos or documents, and what they wrote. */
  record Evidence(@NotNull @Size(min = 1, max = 20) List<ComplaintRequest.@NotNull @Valid AttachmentPart> attachments,
      @Size(max = 4000) String note) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RuntimeService runtime;
  private final OnBehalf onBehalf;
  private final ComplaintService complaints;

  ComplaintController(RuntimeService runtime, ComplaintService complaints, OnBehalf onBehalf) {
    this.onBehalf = onBehalf;
    this.runtime = runtime;
    this.complaints = complaints;
  }

  @PostMapping("/api/complaints")
  @Transactional
  ResponseEntity<Created> register(@Valid @RequestBody ComplaintRequest request) throws Exception {
    // an order the shop sent gives the day of purchase and the batch the caller left out
    ComplaintRegistration registration = complaints.withOrder(request.toRegistration());
    List<FieldProblem> problems = complaints.checkReferences(registration);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    Map<String, Object> variables = new HashMap<>();
    INTAKE_CHANNEL.put(variables, registration.intakeChannel());
    if (registration.customerId() != null) {
      variables.put(CaseVariables.CUSTOMER_ID, registration.customerId());
    }
    CaseVariables.CUSTOMER_NAME.put(variables, registration.customerName());
    CaseVariables.CUSTOMER_EMAIL.put(variables, registration.customerEmail());
    CaseVariables.CUSTOMER_PHONE.put(variables, registration.customerPhone());
    variables.put(CaseVariables.MARKET, registration.market() == null ? null : registration.market().name());
    LOCALE.put(variables, registration.locale() == null ? null : registration.locale().tag());
    CaseVariables.SKU.put(variables, registration.sku());
    CaseVariables.BATCH.put(variables, registration.batch());
    CaseVariables.ORDER_NUMBER.put(variables, registration.orderNumber());
    CaseVariables.PURCHASE_CHANNEL.put(variables, registration.purchaseChannel());
    CaseVariables.PURCHASE_DATE.put(variables, registration.purchaseDate());
    DESCRIPTION.put(variables, registration.description());
    // as JSON stored in a byte array: 20 attachments of 1,000-character links exceed the 4,000
    // characters of a text variable; registration moves them into complaint_attachment
    ATTACHMENTS.put(variables, org.camunda.spin.plugin.variable.SpinValues.jsonValue(
        JSON.writeValueAsString(registration.attachments())).create());
    ProcessInstanceWithVariables instance = runtime.createProcessInstanceByKey(KEY)
        .setVariables(variables).executeWithVariablesInReturn();
    String caseNumber = (String) instance.getVariables().get(CaseVariables.CASE_NUMBER);
    return ResponseEntity.created(URI.create("/api/cases/" + caseNumber)).body(new Created(caseNumber));
  }

  @PostMapping("/api/cases/{caseNumber}/evidence")
  @Transactional
  ResponseEntity<Void> evidence(@PathVariable @Pattern(regexp = CaseNumbers.PATTERN, message = CaseNumbers.PATTERN_MESSAGE) String caseNumber, @Valid @RequestBody Evidence evidence) {
    if (!complaints.lock(caseNumber)) {
      throw new NotFoundException("complaint", caseNumber);
    }
    boolean waiting = runtime.createExecutionQuery().processInstanceBusinessKey(caseNumber)
        .messageEventSubscriptionName(Messages.COMPLAINT_EVIDENCE_RECEIVED).count() > 0;
    if (!waiting) {
      throw new CaseStateException(caseNumber + " is not waiting for evidence");
    }
    complaints.addAttachments(caseNumber, evidence.attachments().stream()
        .map(a -> new ComplaintRegistration.Attachment(a.name(), a.url())).toList(),
        ClockUtil.getCurrentTime().toInstant());
    Map<String, Object> variables = new HashMap<>();
    variables.put("evidenceNote", evidence.note());
    onBehalf.run(() -> runtime.createMessageCorrelation(Messages.COMPLAINT_EVIDENCE_RECEIVED)
        .processInstanceBusinessKey(caseNumber).setVariables(variables).correlate());
    return ResponseEntity.status(HttpStatus.ACCEPTED).build();
  }
}
