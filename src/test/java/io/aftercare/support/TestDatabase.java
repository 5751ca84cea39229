package io.aftercare.support;

import org.springframework.test.context.ActiveProfilesResolver;

/**
 * The profiles of the integration tests: the database chosen by the system property
 * {@code aftercare.it.database} ({@code h2mem} by default, {@code postgres} in CI's second run),
 * then {@code test}, which wins where both set something.
 */
public class TestDatabase implements ActiveProfilesResolver {

  public static String database() {
    return System.getProperty("aftercare.it.database", "h2mem");
  }

  public static boolean isPostgres() {
    return "postgres".equals(database());
  }

  @Override
  public String[] resolve(Class<?> testClass) {
    return new String[] {database(), "test"};
  }
}
