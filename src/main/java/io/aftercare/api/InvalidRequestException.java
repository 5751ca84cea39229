package io.aftercare.api;

import java.util.List;

/** Input that passed the syntax checks but not the business ones (an unknown product, say): a 400. */
public class InvalidRequestException extends RuntimeException {

  private final List<ApiExceptionHandler.FieldProblem> problems;

  public InvalidRequestException(List<ApiExceptionHandler.FieldProblem> problems) {
    super(problems.stream().map(p -> p.field() + " " + p.message()).reduce((a, b) -> a + "; " + b).orElse(""));
    this.problems = List.copyOf(problems);
  }

  public List<ApiExceptionHandler.FieldProblem> problems() {
    return problems;
  }
}
