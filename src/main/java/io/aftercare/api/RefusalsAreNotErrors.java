package io.aftercare.api;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * A start or task form refused by the API's rules is the client's mistake, answered 400 naming
 * each field. The engine logs any exception leaving a command as {@code ENGINE-16004} at ERROR
 * with its stack trace (it lowers only its own BadUserRequestException, which its REST API would
 * turn into a 500); this filter keeps such a refusal out of the error log and writes one line at
 * INFO instead. Every other exception the engine logs stays at ERROR.
 */
@Component
class RefusalsAreNotErrors extends TurboFilter implements InitializingBean {

  static final String ENGINE_CONTEXT = "org.camunda.bpm.engine.context";
  private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(RefusalsAreNotErrors.class);

  RefusalsAreNotErrors() {
    setName("aftercare-refusals-are-not-errors");
  }

  @Override
  public void afterPropertiesSet() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      // Spring Boot resets the logging context when an application starts: one of us, the newest
      context.getTurboFilterList().removeIf(filter -> getName().equals(filter.getName()));
      context.addTurboFilter(this);
      start();
    }
  }

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (level != Level.ERROR || !ENGINE_CONTEXT.equals(logger.getName())) {
      return FilterReply.NEUTRAL;
    }
    InvalidRequestException refused = refusal(t);
    if (refused == null && params != null) {
      for (Object param : params) {
        refused = param instanceof Throwable thrown ? refusal(thrown) : null;
        if (refused != null) {
          break;
        }
      }
    }
    if (refused == null) {
      return FilterReply.NEUTRAL;
    }
    LOG.info("A form or request refused by the API's rules (answered 400): {}", refused.getMessage());
    return FilterReply.DENY;
  }

  private static InvalidRequestException refusal(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof InvalidRequestException invalid) {
        return invalid;
      }
    }
    return null;
  }
}
