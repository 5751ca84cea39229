package db.migration;

import io.aftercare.sla.ClockRollups;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The daily roll-ups of finished clocks that the service-level and safety reports read instead of
 * every clock of the period ({@link ClockRollups}): one row per start day (in UTC and in the
 * market's zone), market, intake channel and target, with the counts met on time, met late and
 * cancelled and the met clocks' times to meet as histogram bins. Filled here from the clocks
 * already finished, by the same rule the application adds a clock with when it finishes.
 */
public class V22__daily_clock_roll_ups extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    try (Statement statement = context.getConnection().createStatement()) {
      statement.execute("""
          create table sla_clock_day (
              day_utc      date        not null,
              day_local    date        not null,
              market       varchar(2)  not null,
              channel      varchar(8)  not null,
              target       varchar(64) not null,
              met_on_time  bigint      default 0 not null,
              met_late     bigint      default 0 not null,
              cancelled    bigint      default 0 not null,
              elapsed_bins varchar,
              primary key (day_utc, market, channel, target, day_local))""");
      statement.execute("create index sla_clock_day_local_idx on sla_clock_day (market, day_local)");
    }
    ClockRollups.rebuild(context.getConnection());
  }
}
