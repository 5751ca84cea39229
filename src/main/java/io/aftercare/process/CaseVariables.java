package io.aftercare.process;

import io.aftercare.customer.Market;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The process variables every case process carries, and how to read them. The case number is
 * also the business key of every process instance on the case.
 */
public final class CaseVariables {

  public static final String CASE_NUMBER = "caseNumber";
  public static final String MARKET = "market";
  public static final String CUSTOMER_ID = "customerId";

  /**
   * What every case process shows in its task names and forms, and hands on in its messages: the
   * customer's name masked (王**, S. M.; {@code ContactMask.name}). A start form's full name is
   * replaced by its step; the name itself lives in {@code customer}.
   */
  public static final ProcessVariable<String> CUSTOMER_NAME = ProcessVariable.text("customerName");
  /**
   * A new customer's e-mail and phone as a start or task form collects them: the step that stores
   * the customer removes them (they never stay in the process nor reach its history).
   */
  public static final ProcessVariable<String> CUSTOMER_EMAIL = ProcessVariable.text("customerEmail");
  public static final ProcessVariable<String> CUSTOMER_PHONE = ProcessVariable.text("customerPhone");
  /** HIGH, MEDIUM or LOW (the customer's tier when the process took the case). */
  public static final ProcessVariable<String> CUSTOMER_TIER = ProcessVariable.text("customerTier");
  /** The SKU and the product's name, for task names ("SK-SERUM-30 Barrier Repair Serum 30 ml"). */
  public static final ProcessVariable<String> PRODUCT = ProcessVariable.text("product");
  public static final ProcessVariable<String> SKU = ProcessVariable.text("sku");
  /** The batch (lot number); may be missing. */
  public static final ProcessVariable<String> BATCH = ProcessVariable.text("batch");
  public static final ProcessVariable<String> ORDER_NUMBER = ProcessVariable.text("orderNumber");
  /** online or store. */
  public static final ProcessVariable<String> PURCHASE_CHANNEL = ProcessVariable.text("purchaseChannel");
  public static final ProcessVariable<java.time.LocalDate> PURCHASE_DATE = ProcessVariable.day("purchaseDate");

  private CaseVariables() {}

  public static String caseNumber(DelegateExecution execution) {
    String caseNumber = (String) execution.getVariable(CASE_NUMBER);
    if (caseNumber == null) {
      caseNumber = execution.getProcessBusinessKey();
    }
    if (caseNumber == null) {
      throw new IllegalStateException("Process " + execution.getProcessInstanceId()
          + " has no case number (variable caseNumber or business key)");
    }
    return caseNumber;
  }

  public static Market market(VariableScope scope) {
    Object market = scope.getVariable(MARKET);
    if (market == null) {
      throw new IllegalStateException("The process has no variable 'market' (CN, EU or US)");
    }
    return Market.valueOf(market.toString());
  }

  public static Long customerId(VariableScope scope) {
    Object id = scope.getVariable(CUSTOMER_ID);
    return id == null ? null : ((Number) id).longValue();
  }

  /** A variable as text; null when missing or blank. */
  public static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString();
  }

  /** A variable as text that the step cannot do without: a clear error naming it when missing. */
  public static String required(VariableScope scope, String name, String what) {
    String value = text(scope, name);
    if (value == null) {
      throw new IllegalArgumentException(what + " needs '" + name + "'");
    }
    return value;
  }

  /** The execution behind an expression's scope: a task's execution, or the execution itself. */
  public static DelegateExecution execution(Object scope) {
    if (scope instanceof DelegateExecution execution) {
      return execution;
    }
    if (scope instanceof org.camunda.bpm.engine.delegate.DelegateTask task) {
      return task.getExecution();
    }
    throw new IllegalArgumentException("Expected an execution or a task, got " + scope);
  }

  /**
   * A day from a variable or a form: an ISO date ({@code 2026-11-20}), the date part of an
   * ISO date-time, or a Date (its UTC day); null when empty.
   */
  public static java.time.LocalDate day(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    if (value instanceof Date date) {
      return date.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
    }
    String text = value.toString();
    return java.time.LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
  }

  /** A date from a variable or an input parameter: a Date, an ISO-8601 text, or null. */
  public static Date date(Object value) {
    if (value == null || value instanceof Date) {
      return (Date) value;
    }
    if (value instanceof java.time.Instant instant) {
      return Date.from(instant);
    }
    String text = value.toString();
    try {
      return Date.from(java.time.OffsetDateTime.parse(text).toInstant());
    } catch (java.time.format.DateTimeParseException notWithOffset) {
      return Date.from(java.time.LocalDate.parse(text).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
    }
  }
}
