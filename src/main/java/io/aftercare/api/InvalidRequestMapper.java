package io.aftercare.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A start or task form whose step checks it by the API's rules (e.g. complaint registration),
 * submitted through {@code /engine-rest} or through the webapps' own engine API (Tasklist's
 * {@code /camunda/api/engine}): 400 problem details naming each bad field by its form key, as
 * {@code /api} answers, never Camunda's 500. {@code message} repeats the detail for Camunda's
 * clients, Tasklist among them, which show that member.
 */
@Provider
@Priority(1)
public final class InvalidRequestMapper implements ExceptionMapper<InvalidRequestException> {

  private final FieldLabels labels;

  public InvalidRequestMapper() {
    this(FieldLabels.NONE);
  }

  public InvalidRequestMapper(FieldLabels labels) {
    this.labels = labels;
  }

  /**
   * Each error also carries the field's {@code label} on the form when it has one, and {@code
   * message} names the fields by their labels ("Purchase date / 购买日期: must be …"): Tasklist
   * shows it above the form, and Aftercare's Tasklist script puts each error under its field.
   */
  @Override
  public Response toResponse(InvalidRequestException e) {
    List<Map<String, Object>> errors = new ArrayList<>();
    List<String> named = new ArrayList<>();
    for (ApiExceptionHandler.FieldProblem p : e.problems()) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("field", p.field());
      error.put("message", p.message());
      Optional<String> label = labels.of(p.field());
      label.ifPresent(l -> error.put("label", l));
      errors.add(error);
      named.add(label.orElse(p.field()) + ": " + p.message());
    }
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", ApiExceptionHandler.INVALID_REQUEST.toString());
    problem.put("title", "Invalid request");
    problem.put("status", 400);
    problem.put("detail", e.getMessage());
    problem.put("message", String.join(" · ", named));
    problem.put("errors", errors);
    return Response.status(400).type("application/problem+json").entity(problem).build();
  }
}
