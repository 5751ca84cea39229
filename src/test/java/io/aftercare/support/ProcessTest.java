package io.aftercare.support;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A process test on the in-memory engine (no Spring): the application's beans are stand-ins
 * registered with {@link Mocks} by the subclass, recording what they were asked in {@link #calls}.
 * Each subclass registers its own engine: {@code @RegisterExtension static ProcessEngineExtension
 * engine = newEngine();}.
 */
public abstract class ProcessTest {

  /** The in-memory engine of process-test-engine.cfg.xml. */
  protected static ProcessEngineExtension newEngine() {
    return ProcessEngineExtension.builder().configurationResource("process-test-engine.cfg.xml").build();
  }

  /** The subclass's engine. */
  protected abstract ProcessEngineExtension engine();

  protected final CallRecorder recorder = new CallRecorder();
  protected final List<String> calls = recorder.calls();
  /** The process instance under test. */
  protected ProcessInstance current;

  @BeforeEach
  void initAssertions() {
    BpmnAwareTests.init(engine().getProcessEngine());
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
  }

  /** The open task of the instance under test. */
  protected Task task() {
    return BpmnAwareTests.task(current);
  }

  /** The timer job of the instance under test at the given event. */
  protected Job timer(String activityId) {
    return BpmnAwareTests.managementService().createJobQuery().processInstanceId(current.getId()).timers()
        .activityId(activityId).singleResult();
  }

  /** The job (an asynchronous step) of the instance under test at the given activity. */
  protected Job job(String activityId) {
    return BpmnAwareTests.managementService().createJobQuery().processInstanceId(current.getId())
        .activityId(activityId).singleResult();
  }

  protected static Date date(String instant) {
    return Date.from(Instant.parse(instant));
  }
}
