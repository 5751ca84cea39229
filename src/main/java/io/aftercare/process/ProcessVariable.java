package io.aftercare.process;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A process variable with its name and type, so that delegates, controllers and tests read and
 * write it alike: {@code CaseVariables.SKU.set(execution, "SK-SERUM-30")},
 * {@code CaseVariables.PURCHASE_DATE.get(execution)} (a {@link LocalDate}, stored as ISO text for
 * forms and expressions), {@code CaseVariables.SKU.put(variables, sku)} for a process start.
 *
 * @param <T> the Java type the variable is read as
 */
public final class ProcessVariable<T> {

  private final String name;
  private final Function<Object, T> read;
  private final Function<T, Object> stored;

  private ProcessVariable(String name, Function<Object, T> read, Function<T, Object> stored) {
    this.name = name;
    this.read = read;
    this.stored = stored;
  }

  /** A text; blank reads as null. */
  public static ProcessVariable<String> text(String name) {
    return new ProcessVariable<>(name, value -> value.toString().isBlank() ? null : value.toString(), value -> value);
  }

  /** A day, stored as ISO text ({@code 2026-11-20}); read from text, an ISO date-time or a Date. */
  public static ProcessVariable<LocalDate> day(String name) {
    return new ProcessVariable<>(name, CaseVariables::day, value -> value == null ? null : value.toString());
  }

  /** A whole number, read from any number. */
  public static ProcessVariable<Long> number(String name) {
    return new ProcessVariable<>(name, value -> value instanceof Number n ? n.longValue() : Long.valueOf(value.toString()),
        value -> value);
  }

  /** A whole number (int), read from any number or its text. */
  public static ProcessVariable<Integer> integer(String name) {
    return new ProcessVariable<>(name, value -> value instanceof Number n ? n.intValue() : Integer.valueOf(value.toString()),
        value -> value);
  }

  /** true or false, read from a Boolean or its text. */
  public static ProcessVariable<Boolean> flag(String name) {
    return new ProcessVariable<>(name, value -> value instanceof Boolean b ? b : Boolean.valueOf(value.toString()),
        value -> value);
  }

  /** A moment, stored as a Date (timers and due dates read it); read from a Date or ISO-8601 text. */
  public static ProcessVariable<java.util.Date> moment(String name) {
    return new ProcessVariable<>(name, CaseVariables::date, value -> value);
  }

  /** Any value, as it is stored (a Spin JSON value, a map). */
  public static ProcessVariable<Object> value(String name) {
    return new ProcessVariable<>(name, value -> value, value -> value);
  }

  public String name() {
    return name;
  }

  /** The value in the scope (an execution, a task), or null when it is missing or blank. */
  public T get(VariableScope scope) {
    Object value = scope.getVariable(name);
    return value == null ? null : read.apply(value);
  }

  /** The value in a map of variables (a process start's, a message's), or null. */
  public T get(Map<String, ?> variables) {
    Object value = variables.get(name);
    return value == null ? null : read.apply(value);
  }

  /** The value a step cannot do without: an error naming the variable when it is missing. */
  public T required(VariableScope scope) {
    T value = get(scope);
    if (value == null) {
      throw new IllegalArgumentException("The process has no '" + name + "' here");
    }
    return value;
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, stored.apply(value));
  }

  /** Adds the value to the variables a process is started or a message is sent with. */
  public void put(Map<String, Object> variables, T value) {
    variables.put(name, stored.apply(value));
  }

  @Override
  public String toString() {
    return name;
  }
}
