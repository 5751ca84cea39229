package io.aftercare.process;

import java.util.Locale;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Which database the application runs on, where PostgreSQL and H2 must be told a thing differently. */
public final class Databases {

  private Databases() {}

  /** Whether the connections of {@code jdbc} are PostgreSQL's (else H2's). */
  public static boolean isPostgres(JdbcClient jdbc) {
    return jdbc.sql("select 1").query((rs, n) -> rs.getStatement().getConnection().getMetaData()
        .getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")).single();
  }

  /**
   * Runs a statement that adds to a tally's row or inserts it: PostgreSQL's {@code insert … on
   * conflict do update}, H2's {@code merge}. H2's merge is not atomic: when another transaction
   * inserted the row first, the statement fails on the key and the next try finds the row (H2
   * undoes only the failed statement). PostgreSQL's on conflict never fails so, and its failed
   * statement would end the transaction.
   */
  public static void addUp(JdbcClient jdbc, boolean postgres, String sql, Object... params) {
    for (int attempt = 1; ; attempt++) {
      try {
        jdbc.sql(sql).params(params).update();
        return;
      } catch (DuplicateKeyException e) {
        if (postgres || attempt == 3) {
          throw e;
        }
      }
    }
  }
}
