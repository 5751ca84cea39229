package io.aftercare.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * /engine-rest answers the loser of a race as /api does: 409, not Camunda's 500. Two completions
 * of one task: the second finds the task gone (completed meanwhile: 409; a task that never was:
 * 404); two changes of one case at once: the engine's optimistic lock refuses the second (409).
 */
@Configuration
public class EngineRestConflicts {

  /**
   * One action at a time on a task through /engine-rest on this node: the second completion of a
   * task then finds it completed (a clean 409) instead of failing inside the engine on an execution
   * tree the first is changing. Across nodes the engine's optimistic lock decides (also a 409).
   */
  @Bean
  org.springframework.boot.web.servlet.FilterRegistrationBean<jakarta.servlet.Filter> oneActionPerTask() {
    java.util.concurrent.locks.ReentrantLock[] stripes = new java.util.concurrent.locks.ReentrantLock[256];
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = new java.util.concurrent.locks.ReentrantLock();
    }
    java.util.regex.Pattern action = java.util.regex.Pattern.compile("/engine-rest/task/([^/]+)/[a-z-]+$");
    jakarta.servlet.Filter filter = (request, response, chain) -> {
      jakarta.servlet.http.HttpServletRequest http = (jakarta.servlet.http.HttpServletRequest) request;
      java.util.regex.Matcher task = action.matcher(http.getRequestURI());
      if (!"POST".equals(http.getMethod()) || !task.find()) {
        chain.doFilter(request, response);
        return;
      }
      java.util.concurrent.locks.ReentrantLock lock = stripes[Math.floorMod(task.group(1).hashCode(), stripes.length)];
      lock.lock();
      try {
        chain.doFilter(request, response);
      } finally {
        lock.unlock();
      }
    };
    org.springframework.boot.web.servlet.FilterRegistrationBean<jakarta.servlet.Filter> registration =
        new org.springframework.boot.web.servlet.FilterRegistrationBean<>(filter);
    registration.addUrlPatterns("/engine-rest/task/*");
    registration.setName("oneActionPerTask");
    return registration;
  }

  @Bean
  ResourceConfigCustomizer engineRestConflictMappers(HistoryService history,
      org.springframework.beans.factory.ObjectProvider<FieldLabels> labels) {
    return config -> {
      config.register(new Raced(history));
      config.register(new Locked());
      config.register(new RacedInside(history));
      config.register(new InvalidRequestMapper(labels.getIfAvailable(() -> FieldLabels.NONE)));
    };
  }



  /** What the REST resources wrap (a task's completion, a message's correlation): raced or missing. */
  @Priority(1)
  static final class Raced implements ExceptionMapper<RestException> {

    private final HistoryService history;

    Raced(HistoryService history) {
      this.history = history;
    }

    @Override
    public Response toResponse(RestException exception) {
      Throwable cause = exception.getCause();
      if (cause instanceof OptimisticLockingException) {
        return conflict(exception.getMessage() + ": changed by someone else at the same moment; nothing was done");
      }
      String taskId = missingTask(cause);
      if (taskId != null) {
        boolean ended = history.createHistoricTaskInstanceQuery().taskId(taskId).finished().count() > 0;
        return ended ? conflict("Task " + taskId + " was completed or ended meanwhile; nothing was done")
            : answer(Response.Status.NOT_FOUND, "NotFound", "No task " + taskId);
      }
      return ExceptionHandlerHelper.getInstance().getResponse(exception);
    }

    private static String missingTask(Throwable cause) {
      if (!(cause instanceof NullValueException) || cause.getMessage() == null) {
        return null;
      }
      java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("Cannot find task with id (\\S+?):?\\s")
          .matcher(cause.getMessage() + " ");
      return matcher.find() ? matcher.group(1) : null;
    }
  }

  /**
   * Two completions of one task that both found it: the engine can fail inside the second with a
   * NullPointerException on the execution tree the first just changed. When the task named in the
   * path has ended meanwhile, that is the race, a 409; anything else stays Camunda's 500.
   */
  static final class RacedInside implements ExceptionMapper<NullPointerException> {

    private static final java.util.regex.Pattern TASK_ACTION =
        java.util.regex.Pattern.compile("task/([^/]+)/(complete|submit-form|resolve)$");

    private final HistoryService history;

    @jakarta.ws.rs.core.Context
    private jakarta.ws.rs.core.UriInfo request;

    RacedInside(HistoryService history) {
      this.history = history;
    }

    @Override
    public Response toResponse(NullPointerException exception) {
      java.util.regex.Matcher task = request == null ? null : TASK_ACTION.matcher(request.getPath());
      if (task != null && task.find()
          && history.createHistoricTaskInstanceQuery().taskId(task.group(1)).finished().count() > 0) {
        return conflict("Task " + task.group(1) + " was completed meanwhile; nothing was done");
      }
      return ExceptionHandlerHelper.getInstance().getResponse(exception);
    }
  }

  /** The engine's optimistic lock, thrown as it is. */
  static final class Locked implements ExceptionMapper<OptimisticLockingException> {
    @Override
    public Response toResponse(OptimisticLockingException exception) {
      return conflict("Changed by someone else at the same moment; nothing was done");
    }
  }

  static Response conflict(String message) {
    return answer(Response.Status.CONFLICT, "Conflict", message);
  }

  private static Response answer(Response.Status status, String type, String message) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", type, "message", message)).build();
  }
}
