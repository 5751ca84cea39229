package io.aftercare.api;

import java.util.List;

/** Input that passed the syntax checks but not the business ones (an unknown product, say): a 400. */
public class InvalidRequestException extends RuntimeException {

  private final List<ApiExceptionHandler.FieldProblem> problems;

  /**
   * The last one raised on this thread: the webapps' engine API turns any exception into a 500
   * with its message only; {@link WebappFormErrors} reads the problems from here.
   */
  static final ThreadLocal<InvalidRequestException> LAST = new ThreadLocal<>();

  public InvalidRequestException(List<ApiExceptionHandler.FieldProblem> problems) {
    super(problems.stream().map(p -> p.field() + " " + p.message()).reduce((a, b) -> a + "; " + b).orElse(""));
    this.problems = List.copyOf(problems);
    LAST.set(this);
  }

  public List<ApiExceptionHandler.FieldProblem> problems() {
    return problems;
  }
}
