package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** What the Java migrations ask the database: whether a table exists (Camunda's come with the engine). */
final class Tables {

  private Tables() {}

  /** Whether the table exists, named in lower case (PostgreSQL) or upper case (H2). */
  static boolean exist(Connection connection, String name) throws SQLException {
    for (String candidate : List.of(name.toLowerCase(), name.toUpperCase())) {
      try (ResultSet tables = connection.getMetaData().getTables(null, null, candidate, null)) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }
}
