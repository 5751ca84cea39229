package io.aftercare.security;

/**
 * Reads what an engine command carries (the task it acts on, the variables it sets): Camunda keeps
 * them in the command's fields. Used by the interceptors that apply Aftercare's rules to every
 * door ({@link TaskAccessPlugin}, {@code io.aftercare.privacy.PrivacyEnginePlugin}).
 */
public final class EngineCommands {

  private EngineCommands() {}

  public static Object field(Object command, String name) {
    for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
      try {
        java.lang.reflect.Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(command);
      } catch (NoSuchFieldException e) {
        // declared higher up
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException(command.getClass().getName() + " has no field " + name
        + " (Camunda's internals changed: check the engine command interceptors)");
  }

  /** Adds an interceptor that runs inside the command's transaction, after the engine's own. */
  public static void addPostInterceptor(org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl configuration,
      org.camunda.bpm.engine.impl.interceptor.CommandInterceptor interceptor) {
    java.util.List<org.camunda.bpm.engine.impl.interceptor.CommandInterceptor> interceptors = new java.util.ArrayList<>();
    if (configuration.getCustomPostCommandInterceptorsTxRequired() != null) {
      interceptors.addAll(configuration.getCustomPostCommandInterceptorsTxRequired());
    }
    interceptors.add(interceptor);
    configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
  }

  /** Adds an interceptor that runs before the command's transaction and the engine's own. */
  public static void addPreInterceptor(org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl configuration,
      org.camunda.bpm.engine.impl.interceptor.CommandInterceptor interceptor) {
    java.util.List<org.camunda.bpm.engine.impl.interceptor.CommandInterceptor> interceptors = new java.util.ArrayList<>();
    if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
      interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
    }
    interceptors.add(interceptor);
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }
}
