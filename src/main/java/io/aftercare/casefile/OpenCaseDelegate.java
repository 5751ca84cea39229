package io.aftercare.casefile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Gives a process started without a case (e.g. from a Tasklist start form) its case number: opens
 * a case, sets {@code caseNumber} and makes it the business key. A process that already has a
 * case number keeps it.
 */
@Component("openCase")
class OpenCaseDelegate implements JavaDelegate {

  private final CaseFiles cases;

  OpenCaseDelegate(CaseFiles cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = (String) execution.getVariable(CaseVariables.CASE_NUMBER);
    if (caseNumber == null) {
      caseNumber = cases.open(null);
      execution.setVariable(CaseVariables.CASE_NUMBER, caseNumber);
    }
    execution.setProcessBusinessKey(caseNumber);
  }
}
