package io.aftercare.process;

import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Engine calls the application makes for a user after its own checks: starting a return, an
 * adverse-reaction report or a callback, passing the customer's evidence. The API has checked the
 * user's group and validated the request; the engine records the user (who started, who passed
 * the message) but does not ask for the engine permission: returns start through {@code /api}
 * only; an adverse reaction or a callback started by a user (Tasklist's start form,
 * {@code /engine-rest}) is checked by its first step instead, which skips the check for these
 * calls ({@link #active()}); users pass no messages ({@code TasklistStarts}).
 */
@Component
public class OnBehalf {

  private final ProcessEngineConfigurationImpl engine;

  OnBehalf(ProcessEngineConfigurationImpl engine) {
    this.engine = engine;
  }

  /** Whether this thread is inside such a call: the application checked what it passes to the engine. */
  private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> false);

  /**
   * Whether the engine call under way is the application's, made after its own checks (a start step
   * that validates a start form's values skips them then); false for a user's call through
   * {@code /engine-rest} or Tasklist, whatever variables it brings.
   */
  public static boolean active() {
    return ACTIVE.get();
  }

  public <T> T call(Supplier<T> work) {
    boolean outer = ACTIVE.get();
    ACTIVE.set(true);
    try {
      return checked(work);
    } finally {
      ACTIVE.set(outer);
    }
  }

  private <T> T checked(Supplier<T> work) {
    return engine.getCommandExecutorTxRequired().execute(context -> {
      boolean checking = context.isAuthorizationCheckEnabled();
      context.disableAuthorizationCheck();
      try {
        return work.get();
      } finally {
        if (checking) {
          context.enableAuthorizationCheck();
        }
      }
    });
  }

  public void run(Runnable work) {
    call(() -> {
      work.run();
      return null;
    });
  }
}
