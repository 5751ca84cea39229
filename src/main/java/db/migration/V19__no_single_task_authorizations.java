package db.migration;

import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Tasks are granted per process definition and group now (io.aftercare.security.TaskAccessPlugin):
 * the authorization rows Camunda wrote for single tasks (one per task and candidate group, and for
 * assignees) go; every task query joined them. Grants on all tasks ({@code *}) stay. A database
 * without Camunda's tables (a new one) has none.
 */
public class V19__no_single_task_authorizations extends BaseJavaMigration {

  /** Camunda's resource type of a task (Resources.TASK). */
  static final int TASK = 7;

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    if (!Tables.exist(connection, "act_ru_authorization")) {
      return;
    }
    try (Statement statement = connection.createStatement()) {
      statement.executeUpdate("delete from ACT_RU_AUTHORIZATION where RESOURCE_TYPE_ = " + TASK
          + " and RESOURCE_ID_ <> '*'");
    }
  }
}
