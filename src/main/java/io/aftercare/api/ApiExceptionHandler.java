package io.aftercare.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as RFC 9457 problem details. Bad input is a 400 whose {@code errors} list names
 * each bad field and says why; {@code detail} repeats them in one sentence for people.
 */
@RestControllerAdvice(basePackages = "io.aftercare")
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  /** One bad field: its path in the request (e.g. {@code customer.market}) and the reason. */
  public record FieldProblem(String field, String message) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The values of an enumeration as JSON writes and reads them (its {@code @JsonValue}). */
  static String jsonNames(Class<?> enumeration) {
    return Arrays.stream(enumeration.getEnumConstants()).map(c -> JSON.convertValue(c, String.class))
        .collect(Collectors.joining(", "));
  }

  static final URI INVALID_REQUEST = URI.create("urn:aftercare:problem:invalid-request");
  static final URI NOT_FOUND = URI.create("urn:aftercare:problem:not-found");

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
        .map(f -> new FieldProblem(f.getField(), message(f)))
        .collect(Collectors.toList());
    e.getBindingResult().getGlobalErrors().forEach(g ->
        problems.add(new FieldProblem(g.getObjectName(), g.getDefaultMessage())));
    return invalid(problems);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> problems = e.getParameterValidationResults().stream()
        .flatMap(result -> result.getResolvableErrors().stream().map(error -> new FieldProblem(
            result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
        .toList();
    return invalid(problems);
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      org.springframework.web.bind.MissingServletRequestParameterException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    return invalid(List.of(new FieldProblem(e.getParameterName(), "is required")));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    Throwable cause = e.getMostSpecificCause();
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = mapping.getPath().stream()
          .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
      String reason;
      if (mapping instanceof UnrecognizedPropertyException) {
        reason = "is not a known field";
      } else if (mapping instanceof InvalidFormatException format && format.getTargetType() != null
          && format.getTargetType().isEnum()) {
        reason = "must be one of " + jsonNames(format.getTargetType());
      } else if (mapping instanceof InvalidFormatException format && format.getOriginalMessage() != null
          && format.getOriginalMessage().startsWith("must ")) {
        reason = format.getOriginalMessage();
      } else if (mapping instanceof InvalidFormatException format && format.getTargetType() != null) {
        reason = "is not a valid " + format.getTargetType().getSimpleName();
      } else if (mapping instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatch
          && mismatch.getTargetType() != null) {
        reason = "must be " + describe(mismatch.getTargetType());
      } else {
        reason = "cannot be read: " + cause.getMessage();
      }
      return invalid(List.of(new FieldProblem(field, reason)));
    }
    return invalid(List.of(new FieldProblem("body", "is not valid JSON: " + firstLine(cause.getMessage()))));
  }

  /** What a field of this type must be, in words ("a whole number", "one of refund, exchange"). */
  private static String describe(Class<?> type) {
    if (type.isEnum()) {
      return "one of " + jsonNames(type);
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a text";
    }
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    return "a valid " + type.getSimpleName();
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
    Class<?> type = e.getRequiredType();
    String reason = type != null && type.isEnum()
        ? "must be one of " + jsonNames(type)
        : "is not a valid " + (type == null ? "value" : type.getSimpleName());
    return invalid(List.of(new FieldProblem(e.getName(), reason)));
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<Object> constraintViolation(ConstraintViolationException e) {
    List<FieldProblem> problems = e.getConstraintViolations().stream()
        .map(v -> {
          String path = v.getPropertyPath().toString();
          return new FieldProblem(path.substring(path.lastIndexOf('.') + 1), v.getMessage());
        })
        .sorted(Comparator.comparing(FieldProblem::field))
        .toList();
    return invalid(problems);
  }

  /**
   * A domain rule refused the request (e.g. a date a calendar does not cover reached a
   * calculation; the controllers name the field where they can): nothing is done, the client
   * hears why.
   */
  @ExceptionHandler(RuleViolationException.class)
  ProblemDetail ruleViolation(RuleViolationException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle(e.title());
    return problem;
  }

  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<Object> invalidRequest(InvalidRequestException e) {
    return invalid(e.problems());
  }

  /** The engine refused the user (Camunda authorizations): a 403 that says what was missing. */
  @ExceptionHandler(org.camunda.bpm.engine.AuthorizationException.class)
  ResponseEntity<Object> forbidden(org.camunda.bpm.engine.AuthorizationException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    problem.setTitle("Forbidden");
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
  }

  /**
   * The loser of a race: two requests changed the same case at once (the engine's optimistic
   * lock), or the second found what it wanted to change already done (the task gone, the process
   * no longer waiting for the message). Nothing was done: a 409.
   */
  @ExceptionHandler({org.camunda.bpm.engine.OptimisticLockingException.class,
      org.camunda.bpm.engine.exception.NullValueException.class,
      org.camunda.bpm.engine.MismatchingMessageCorrelationException.class,
      org.springframework.dao.DuplicateKeyException.class,
      // two writers of the same rows at once (a feed's PUT and an import, say): a lock not granted in time
      org.springframework.dao.ConcurrencyFailureException.class})
  ResponseEntity<Object> raced(RuntimeException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
        "Someone else changed this case at the same moment; nothing was done. Reload it to see where it stands.");
    problem.setType(URI.create("urn:aftercare:problem:case-state"));
    problem.setTitle("Not possible in the case's current state");
    return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
  }

  @ExceptionHandler(CaseStateException.class)
  ResponseEntity<Object> conflict(CaseStateException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setType(URI.create("urn:aftercare:problem:case-state"));
    problem.setTitle("Not possible in the case's current state");
    return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<Object> notFound(NotFoundException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setType(NOT_FOUND);
    problem.setTitle("Not found");
    problem.setProperty("kind", e.kind());
    problem.setProperty("key", e.key());
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
  }

  /** The 400 answer: one entry per bad field, and a sentence naming them all. */
  public static ResponseEntity<Object> invalid(List<FieldProblem> problems) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        problems.stream().map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; ")));
    problem.setType(INVALID_REQUEST);
    problem.setTitle("Invalid request");
    problem.setProperty("errors", problems);
    return ResponseEntity.badRequest().body(problem);
  }

  private static String message(FieldError error) {
    return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }
}
