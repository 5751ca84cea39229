package io.aftercare.process;

import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Which database the application runs on, where PostgreSQL and H2 must be told a thing differently. */
public final class Databases {

  private Databases() {}

  /** Whether the connections of {@code jdbc} are PostgreSQL's (else H2's). */
  public static boolean isPostgres(JdbcClient jdbc) {
    return jdbc.sql("select 1").query((rs, n) -> rs.getStatement().getConnection().getMetaData()
        .getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")).single();
  }
}
