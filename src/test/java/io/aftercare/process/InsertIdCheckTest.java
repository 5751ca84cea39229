package io.aftercare.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.junit.jupiter.api.Test;

/** The id check keeps Camunda's rule and exception, and writes no message for a valid id. */
class InsertIdCheckTest {

  private final InsertIdCheck.Manager manager = new InsertIdCheck.Manager(null, null);

  @Test
  void aPresentIdPassesWithoutTheEntityWrittenOut() {
    TaskEntity task = new TaskEntity("a1b2") {
      @Override
      public String toString() {
        throw new AssertionError("the entity was written out as text for a valid id");
      }
    };
    assertThatNoException().isThrownBy(() -> manager.validateId(task));
  }

  @Test
  void aMissingOrReservedIdFailsAsCamundaFailsIt() {
    assertThatThrownBy(() -> manager.validateId(new TaskEntity((String) null)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("has an invalid id").hasMessageContaining("id is null");
    assertThatThrownBy(() -> manager.validateId(new TaskEntity("*")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("* is a reserved identifier");
    assertThat(InsertIdCheck.valid("a1b2")).isTrue();
  }
}
