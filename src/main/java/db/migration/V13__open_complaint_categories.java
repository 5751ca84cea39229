package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Complaint categories belong to the process owners (the triage form and decision, checked against
 * each other by the model check), so the database no longer lists them: the check constraint V3
 * put on complaint.category is dropped. It was created without a name, so its name is looked up
 * (PostgreSQL calls it complaint_category_check, H2 CONSTRAINT_...).
 */
public class V13__open_complaint_categories extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    List<String> names = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select tc.constraint_name from information_schema.table_constraints tc"
            + " join information_schema.check_constraints cc on cc.constraint_name = tc.constraint_name"
            + " and cc.constraint_schema = tc.constraint_schema"
            + " where lower(tc.table_name) = 'complaint' and tc.constraint_type = 'CHECK'"
            + " and upper(cc.check_clause) like '%SHADE_MISMATCH%'")) {
      while (rows.next()) {
        names.add(rows.getString(1));
      }
    }
    if (names.isEmpty()) {
      throw new IllegalStateException("complaint.category has no check constraint naming SHADE_MISMATCH to drop");
    }
    try (Statement statement = connection.createStatement()) {
      for (String name : names) {
        statement.execute("alter table complaint drop constraint \"" + name + "\"");
      }
      statement.execute("alter table complaint add constraint complaint_category_code check (category = upper(category))");
    }
  }
}
