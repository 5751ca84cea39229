package io.aftercare.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A refused form leaves the error log; every other failure of a command stays there. */
class RefusalsAreNotErrorsTest {

  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
  private final Logger engine = context.getLogger(RefusalsAreNotErrors.ENGINE_CONTEXT);
  private final Logger ours = context.getLogger(RefusalsAreNotErrors.class);
  private final ListAppender<ILoggingEvent> engineLog = new ListAppender<>();
  private final ListAppender<ILoggingEvent> ourLog = new ListAppender<>();

  @BeforeEach
  void listen() {
    new RefusalsAreNotErrors().afterPropertiesSet();
    engineLog.start();
    ourLog.start();
    engine.addAppender(engineLog);
    ours.addAppender(ourLog);
    ours.setLevel(Level.INFO);
  }

  @AfterEach
  void stop() {
    engine.detachAppender(engineLog);
    ours.detachAppender(ourLog);
    context.getTurboFilterList().removeIf(f -> "aftercare-refusals-are-not-errors".equals(f.getName()));
  }

  @Test
  void aRefusedFormIsOneLineAtInfoNotAnError() {
    InvalidRequestException refused = new InvalidRequestException(
        List.of(new ApiExceptionHandler.FieldProblem("purchaseDate", "must be a date in the past or in the present")));
    engine.error("ENGINE-16004 Exception while closing command context: {}", refused.getMessage(), refused);
    // wrapped, as a listener's or an expression's failure is
    engine.error("ENGINE-16004 Exception while closing command context", new IllegalStateException("wrapped", refused));

    assertThat(engineLog.list).isEmpty();
    assertThat(ourLog.list).hasSize(2).allSatisfy(event -> {
      assertThat(event.getLevel()).isEqualTo(Level.INFO);
      assertThat(event.getFormattedMessage()).contains("purchaseDate must be a date in the past");
      assertThat(event.getThrowableProxy()).isNull();
    });
  }

  @Test
  void anyOtherFailureStaysAnErrorWithItsStackTrace() {
    engine.error("ENGINE-16004 Exception while closing command context", new IllegalStateException("the gateway is down"));
    context.getLogger("org.camunda.bpm.engine.other").error("not the command context",
        new InvalidRequestException(List.of(new ApiExceptionHandler.FieldProblem("sku", "unknown"))));

    assertThat(engineLog.list).singleElement().satisfies(event -> {
      assertThat(event.getLevel()).isEqualTo(Level.ERROR);
      assertThat(event.getThrowableProxy().getMessage()).isEqualTo("the gateway is down");
    });
    assertThat(ourLog.list).isEmpty();
  }
}
