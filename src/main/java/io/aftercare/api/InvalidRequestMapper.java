package io.aftercare.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
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

  @Override
  public Response toResponse(InvalidRequestException e) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", ApiExceptionHandler.INVALID_REQUEST.toString());
    problem.put("title", "Invalid request");
    problem.put("status", 400);
    problem.put("detail", e.getMessage());
    problem.put("message", e.getMessage());
    problem.put("errors", e.problems());
    return Response.status(400).type("application/problem+json").entity(problem).build();
  }
}
