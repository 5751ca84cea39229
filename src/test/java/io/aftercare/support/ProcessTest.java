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
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A process test on the in-memory engine (no Spring): the application's beans are stand-ins
 * registered with {@link Mocks} by the subclass, recording what they were asked in {@link #calls}.
 * Each subclass registers its own engine: {@code @RegisterExtension static ProcessEngineExtension
 * engine = newEngine();}.
 */
public abstract class ProcessTest {

  /**
   * The in-memory engine of process-test-engine.cfg.xml, recording which flow nodes and sequence
   * flows the class's tests pass: an HTML report per class and process under
   * target/process-test-coverage/. The class fails unless its tests together pass every flow node
   * and sequence flow of every diagram it deploys (a single test method run alone does not:
   * {@code -Dprocess.coverage.minimum=0}).
   */
  protected static ProcessEngineExtension newEngine() {
    return ProcessEngineCoverageExtension.builder("process-test-engine.cfg.xml")
        .assertClassCoverageAtLeast(Double.parseDouble(System.getProperty("process.coverage.minimum", "1.0")))
        .build();
  }

  /** The same engine without coverage, for tests that deploy other versions of the diagrams. */
  protected static ProcessEngineExtension newPlainEngine() {
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
