package io.aftercare.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.support.AftercareIT;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The indexes agents' lists and the job executor need are on Camunda's tables once the engine
 * has started, on H2 and on PostgreSQL alike, and creating them again (a second node, a restart)
 * changes nothing.
 */
@AftercareIT
class EngineIndexesIT {

  @Autowired DataSource dataSource;

  @Test
  void theIndexesExistAndAreCreatedOnlyOnce() throws Exception {
    assertThat(indexes("ACT_RU_TASK")).contains("AFTERCARE_IDX_TASK_DUE");
    assertThat(indexes("ACT_RU_IDENTITYLINK")).contains("AFTERCARE_IDX_IDLNK_GROUP_TASK");
    assertThat(indexes("ACT_RU_JOB")).contains("AFTERCARE_IDX_JOB_DUE");
    assertThat(indexes("ACT_RU_TASK")).contains("AFTERCARE_IDX_TASK_PARENT", "AFTERCARE_IDX_TASK_SUSPENDED");

    EngineIndexes.create(dataSource, "");

    assertThat(indexes("ACT_RU_TASK")).filteredOn("AFTERCARE_IDX_TASK_DUE"::equals).hasSize(1);
  }

  private Set<String> indexes(String table) throws Exception {
    Set<String> names = new HashSet<>();
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      for (String name : new String[] {table, table.toLowerCase(Locale.ROOT)}) {
        try (ResultSet rows = meta.getIndexInfo(null, null, name, false, false)) {
          while (rows.next()) {
            if (rows.getString("INDEX_NAME") != null) {
              names.add(rows.getString("INDEX_NAME").toUpperCase(Locale.ROOT));
            }
          }
        }
      }
    }
    return names;
  }
}
