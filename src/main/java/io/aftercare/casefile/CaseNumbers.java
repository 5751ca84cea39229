package io.aftercare.casefile;

import java.time.Clock;
import java.time.Year;
import java.time.ZoneId;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out case numbers {@code AC-<year>-<6 digits>} (more digits past 999,999 in a year).
 * Each year's counter is one row, incremented under its row lock in a short transaction of its
 * own, so numbers are unique even with several nodes on one database and the lock is not held
 * for the whole request. A number taken by a request that later fails is not reused (a gap,
 * never a duplicate).
 *
 * <p>That short transaction runs on connections of its own (a pool of {@value #POOL}): the
 * request that asks already holds one of the application's pool, and when every connection of
 * that pool was held by a request waiting for a second one, nothing moved until the pool's
 * 30-second timeout, and the requests failed (LifecycleBenchmark, 32 clients on a pool of 20).
 */
@Service
public class CaseNumbers implements DisposableBean {

  /** Connections for the counters: one transaction of two statements each, milliseconds long. */
  static final int POOL = 2;

  /** Prefix and the zone whose calendar year goes into the number. */
  @ConfigurationProperties("aftercare.case-number")
  public record Settings(String prefix, ZoneId zone) {
    public Settings {
      prefix = prefix == null ? "AC" : prefix;
      zone = zone == null ? ZoneId.of("UTC") : zone;
    }
  }

  private final HikariDataSource counters;
  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;
  private final Settings settings;
  private final Clock clock;

  @Autowired
  public CaseNumbers(DataSource application, DataSourceProperties database, Settings settings) {
    this(counterPool(application, database), settings, Clock.systemUTC());
  }

  CaseNumbers(HikariDataSource counters, Settings settings, Clock clock) {
    this.counters = counters;
    this.jdbc = JdbcClient.create(counters);
    this.ownTransaction = new TransactionTemplate(new DataSourceTransactionManager(counters));
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.settings = settings;
    this.clock = clock;
  }

  /** The application pool's settings (database, credentials, driver, its properties), with {@value #POOL} connections. */
  private static HikariDataSource counterPool(DataSource application, DataSourceProperties database) {
    HikariConfig config = new HikariConfig();
    if (application instanceof HikariDataSource hikari) {
      hikari.copyStateTo(config);
    } else {
      config.setJdbcUrl(database.determineUrl());
      config.setUsername(database.determineUsername());
      config.setPassword(database.determinePassword());
      if (database.determineDriverClassName() != null) {
        config.setDriverClassName(database.determineDriverClassName());
      }
    }
    config.setPoolName("case-numbers");
    config.setMaximumPoolSize(POOL);
    config.setMinimumIdle(1);
    config.setRegisterMbeans(false);
    return new HikariDataSource(config);
  }

  @Override
  public void destroy() {
    counters.close();
  }

  public String next() {
    int year = Year.now(clock.withZone(settings.zone())).getValue();
    Long value = ownTransaction.execute(status -> increment(year));
    if (value == null) {
      // First case of the year. Two nodes may both try to open the year: one insert wins, and
      // the other's duplicate key is harmless (in its own transaction, which PostgreSQL requires).
      try {
        ownTransaction.executeWithoutResult(status ->
            jdbc.sql("insert into case_number_counter (case_year, last_value) values (?, 0)")
                .param(year).update());
      } catch (DuplicateKeyException anotherNodeWasFirst) {
        // the row exists now, which is all we need
      }
      value = ownTransaction.execute(status -> increment(year));
    }
    return format(settings.prefix(), year, value);
  }

  /** Increments the year's counter and returns the new value, or null when the year has no row. */
  private Long increment(int year) {
    int updated = jdbc.sql("update case_number_counter set last_value = last_value + 1 where case_year = ?")
        .param(year).update();
    if (updated == 0) {
      return null;
    }
    return jdbc.sql("select last_value from case_number_counter where case_year = ?")
        .param(year).query(Long.class).single();
  }

  /** What a case number looks like in a request (any prefix, a year, six or more digits). */
  public static final String PATTERN = "[A-Z]{1,8}-\\d{4}-\\d{6,}";
  public static final String PATTERN_MESSAGE = "must look like AC-2026-000123";

  static String format(String prefix, int year, long value) {
    return String.format("%s-%d-%06d", prefix, year, value);
  }
}
