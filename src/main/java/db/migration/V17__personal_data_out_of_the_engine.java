package db.migration;

import io.aftercare.customer.ContactMask;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Contact and health data that earlier versions kept in Camunda's variables leave the engine
 * (issue 15). On a database that has Camunda's tables:
 * <ul>
 * <li>health details of running adverse-reaction reports are copied into {@code adverse_reaction}
 * where it lacks them, then removed from the running cases;</li>
 * <li>e-mail addresses and phone numbers are removed (the customer's record has them since
 * registration); names and enquiry contacts stay, masked;</li>
 * <li>history keeps none of them: their rows in ACT_HI_VARINST and ACT_HI_DETAIL (and the byte
 * arrays of long values) are deleted, and the reporting timeline's task values that named any
 * of them are cleared.</li>
 * </ul>
 * On a new database Camunda's tables do not exist yet and there is nothing to move. The names are
 * those of {@code PersonalData#personalVariables()} at the time of this migration.
 */
public class V17__personal_data_out_of_the_engine extends BaseJavaMigration {

  /** Variable → column of adverse_reaction. */
  static final Map<String, String> HEALTH = Map.of("symptoms", "symptoms", "bodyArea", "body_area",
      "allergyHistory", "allergy_history", "medicalTreatment", "medical_treatment", "outcome", "outcome",
      "age", "age", "sex", "sex", "firstUseDate", "first_use_date", "onsetDate", "onset_date",
      "stoppedUseDate", "stopped_use_date");
  static final List<String> REMOVED_CONTACT = List.of("customerEmail", "customerPhone");
  static final List<String> MASKED_CONTACT = List.of("customerName", "contact");

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    if (!Tables.exist(connection, "act_ru_variable")) {
      return;
    }
    for (Map.Entry<String, String> detail : HEALTH.entrySet()) {
      String name = detail.getKey();
      boolean flag = name.equals("medicalTreatment");
      try (PreparedStatement copy = connection.prepareStatement("update adverse_reaction set " + detail.getValue()
          + " = ? where case_number = ?" + (flag ? "" : " and " + detail.getValue() + " is null"));
          PreparedStatement read = connection.prepareStatement("select e.BUSINESS_KEY_, v.TEXT_, v.LONG_"
              + " from ACT_RU_VARIABLE v join ACT_RU_EXECUTION e on e.ID_ = v.PROC_INST_ID_ where v.NAME_ = ?"
              + " and e.BUSINESS_KEY_ is not null")) {
        read.setString(1, name);
        try (ResultSet rows = read.executeQuery()) {
          while (rows.next()) {
            String text = rows.getString(2);
            Object number = rows.getObject(3);
            if (flag) {
              copy.setBoolean(1, number != null && ((Number) number).longValue() == 1);
            } else if (name.equals("age") && number != null) {
              copy.setInt(1, ((Number) number).intValue());
            } else if (name.endsWith("Date") && text != null && text.length() >= 10) {
              copy.setObject(1, java.time.LocalDate.parse(text.substring(0, 10)));
            } else if (text != null && !name.equals("age") && !name.endsWith("Date")) {
              copy.setString(1, text);
            } else {
              continue;
            }
            copy.setString(2, rows.getString(1));
            copy.executeUpdate();
          }
        }
      }
    }
    List<String> removed = new ArrayList<>(HEALTH.keySet());
    removed.addAll(REMOVED_CONTACT);
    deleteVariables(connection, "ACT_RU_VARIABLE", removed);
    for (String name : MASKED_CONTACT) {
      try (PreparedStatement read = connection.prepareStatement(
              "select ID_, TEXT_ from ACT_RU_VARIABLE where NAME_ = ? and TEXT_ is not null");
          PreparedStatement mask = connection.prepareStatement("update ACT_RU_VARIABLE set TEXT_ = ? where ID_ = ?")) {
        read.setString(1, name);
        try (ResultSet rows = read.executeQuery()) {
          while (rows.next()) {
            mask.setString(1, name.equals("contact") ? ContactMask.contact(rows.getString(2))
                : ContactMask.name(rows.getString(2)));
            mask.setString(2, rows.getString(1));
            mask.executeUpdate();
          }
        }
      }
    }
    List<String> personal = new ArrayList<>(removed);
    personal.addAll(MASKED_CONTACT);
    deleteVariables(connection, "ACT_HI_DETAIL", personal);
    deleteVariables(connection, "ACT_HI_VARINST", personal);
    if (Tables.exist(connection, "report_task")) {
      try (Statement statement = connection.createStatement()) {
        StringBuilder where = new StringBuilder();
        for (String name : personal) {
          // task values read "name=value, name=value"
          where.append(where.isEmpty() ? "" : " or ").append("outcome like '").append(name).append("=%' or outcome like '%, ")
              .append(name).append("=%'");
        }
        statement.executeUpdate("update report_task set outcome = null where " + where);
      }
    }
  }

  private static void deleteVariables(Connection connection, String table, List<String> names) throws Exception {
    String in = String.join(", ", names.stream().map(n -> "'" + n + "'").toList());
    try (Statement statement = connection.createStatement()) {
      List<String> arrays = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery("select BYTEARRAY_ID_ from " + table + " where NAME_ in (" + in
          + ") and BYTEARRAY_ID_ is not null")) {
        while (rows.next()) {
          arrays.add(rows.getString(1));
        }
      }
      statement.executeUpdate("delete from " + table + " where NAME_ in (" + in + ")");
      try (PreparedStatement delete = connection.prepareStatement("delete from ACT_GE_BYTEARRAY where ID_ = ?")) {
        for (String id : arrays) {
          delete.setString(1, id);
          delete.executeUpdate();
        }
      }
    }
  }
}
