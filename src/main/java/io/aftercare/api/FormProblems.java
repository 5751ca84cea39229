package io.aftercare.api;

import io.aftercare.api.ApiExceptionHandler.FieldProblem;
import jakarta.validation.ConstraintViolation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The problems of a start or task form that a step checks by an API's rules: the form's values are
 * read into the API's request, checked by its constraints and its own checks, and every problem is
 * named by the form's key for the field ({@code formKeys}: the request's path, e.g. {@code
 * product.sku}, to the form key, {@code sku}), so that the agent reads all of them at once, each
 * under its field. One helper for every such step (complaint registration, a phone report).
 */
public final class FormProblems {

  private final Map<String, String> formKeys;
  private final List<FieldProblem> problems = new ArrayList<>();

  public FormProblems(Map<String, String> formKeys) {
    this.formKeys = formKeys;
  }

  /** A form value read as the request's type; a value that does not read is a problem on its field. */
  public <T> T parse(String field, Object given, Supplier<T> parse) {
    if (given == null || given.toString().isBlank()) {
      return null;
    }
    try {
      return parse.get();
    } catch (RuntimeException e) {
      problems.add(new FieldProblem(field, "is not one of the allowed values: " + given));
      return null;
    }
  }

  /** The request's constraint violations, named by form key (list indexes left out). */
  public <T> FormProblems add(Collection<ConstraintViolation<T>> violations) {
    for (ConstraintViolation<T> violation : violations) {
      String path = violation.getPropertyPath().toString().replaceAll("\\[\\d+]", "");
      problems.add(new FieldProblem(key(path), violation.getMessage()));
    }
    return this;
  }

  /** Problems an API's own check named by the request's paths, named by form key. */
  public FormProblems addNamed(Collection<FieldProblem> named) {
    named.forEach(p -> problems.add(new FieldProblem(key(p.field()), p.message())));
    return this;
  }

  public boolean has(String formKey) {
    return problems.stream().anyMatch(p -> p.field().equals(formKey));
  }

  public boolean isEmpty() {
    return problems.isEmpty();
  }

  /** Refuses the form when anything is wrong with it. */
  public void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
  }

  /** An API's refusal, its fields named by form key. */
  public InvalidRequestException renamed(InvalidRequestException refused) {
    return new InvalidRequestException(refused.problems().stream()
        .map(p -> new FieldProblem(key(p.field()), p.message())).toList());
  }

  private String key(String path) {
    return formKeys.getOrDefault(path, path);
  }
}
