package io.aftercare.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.aftercare.casefile.CaseFiles;
import io.aftercare.casefile.CaseIntake;
import io.aftercare.casefile.IntakeChannel;
import io.aftercare.customer.Market;
import io.aftercare.sla.ClockRollups;
import io.aftercare.sla.SlaClock;
import io.aftercare.sla.SlaClocks;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.Http;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The service-level and safety reports read finished clocks from their daily roll-ups; these
 * tests hold them to the clocks themselves: the day a clock counts on (its start, in UTC for all
 * markets and in the market's zone for one, across midnight and a DST change worked out by hand),
 * and a week of 240 clocks made through {@link SlaClocks} at random (seeded), whose figures the
 * test works out itself from what it did — counts exactly, medians and p90s within the
 * histogram's bin (under 1/1024 of the value). Periods in October and November 2024, which no
 * other test touches.
 */
@AftercareIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClockRollupsIT {

  static final long WANG_LI = 1;
  static final List<String> TARGETS = List.of("complaint.acknowledge", "complaint.resolve.general", "adverse.internal");
  static final String WEEK = "from=2024-11-04&to=2024-11-10";

  @LocalServerPort
  int port;
  @Autowired
  SlaClocks clocks;
  @Autowired
  CaseFiles caseFiles;
  @Autowired
  CaseIntake caseIntake;
  @Autowired
  DataSource dataSource;
  @Autowired
  PlatformTransactionManager transactions;

  Http http;
  /** What the test did to each clock of the week, to work the figures out from. */
  final List<Made> made = new ArrayList<>();

  record Made(String target, Market market, String channel, Instant started, String status, Long elapsedSeconds) {}

  @BeforeAll
  void makeAWeekOfClocks() {
    http = new Http(port);
    Random random = new Random(20241104);
    Instant monday = Instant.parse("2024-11-04T00:00:00Z");
    List<String> channels = Arrays.asList("PHONE", "WEB", "WECHAT", null);
    for (int i = 0; i < 240; i++) {
      Market market = Market.values()[random.nextInt(3)];
      String channel = channels.get(random.nextInt(channels.size()));
      // regulatory reports for the safety report, the rest for the service levels
      String target = i % 8 == 0 ? "adverse.regulatory." + market + ".serious" : TARGETS.get(random.nextInt(3));
      Instant start = monday.plusSeconds(random.nextInt(7 * 24 * 3600));
      String caseNumber = caseFiles.open(WANG_LI, market.name(), channel);
      clocks.start(caseNumber, target, market, start);
      double roll = random.nextDouble();
      if (roll < 0.10) {
        // left running: long past its due time now
        made.add(new Made(target, market, channel, start, "open-breached", null));
      } else if (roll < 0.15) {
        // paused before its due time and still paused: open, not breached
        clocks.pause(caseNumber, target, start.plusSeconds(60));
        made.add(new Made(target, market, channel, start, "open", null));
      } else if (roll < 0.25) {
        clocks.cancel(caseNumber, target, start.plusSeconds(1 + random.nextInt(7200)));
        made.add(new Made(target, market, channel, start, "cancelled", null));
      } else {
        // met after 30 s to 3 days, a fifth of them after a pause of up to 5 hours
        long working = 30 + random.nextInt(3 * 24 * 3600);
        long paused = 0;
        Instant at = start;
        if (random.nextInt(5) == 0) {
          paused = 1 + random.nextInt(5 * 3600);
          Instant pause = start.plusSeconds(working / 2);
          clocks.pause(caseNumber, target, pause);
          clocks.resume(caseNumber, target, pause.plusSeconds(paused));
        }
        at = start.plusSeconds(working + paused);
        Instant due = clocks.require(caseNumber, target).dueAt();
        clocks.stop(caseNumber, target, at);
        made.add(new Made(target, market, channel, start, at.isAfter(due) ? "met-late" : "met-on-time", working));
      }
    }
  }

  @Test
  void aClockCountsOnTheDayItStartedInItsMarketsZoneAndInUtcForAllMarkets() {
    // Monday 14 October 2024, 16:30 UTC is Tuesday 15 October, 00:30 in Shanghai
    String cn = caseFiles.open(WANG_LI, "CN", "PHONE");
    clocks.start(cn, "complaint.acknowledge", Market.CN, Instant.parse("2024-10-14T16:30:00Z"));
    clocks.stop(cn, "complaint.acknowledge", Instant.parse("2024-10-14T16:40:00Z"));
    assertThat(clocks("from=2024-10-15&to=2024-10-15&market=CN", "complaint.acknowledge")).isEqualTo(1);
    assertThat(clocks("from=2024-10-14&to=2024-10-14&market=CN", "complaint.acknowledge")).isZero();
    assertThat(clocks("from=2024-10-14&to=2024-10-14", "complaint.acknowledge")).isEqualTo(1);
    assertThat(clocks("from=2024-10-15&to=2024-10-15", "complaint.acknowledge")).isZero();

    // Paris leaves summer time on Sunday 27 October 2024 at 03:00: 22:30 UTC on Saturday is
    // 00:30 on Sunday (UTC+2), 23:30 UTC on Sunday is 00:30 on Monday 28th (UTC+1)
    String saturdayNight = caseFiles.open(WANG_LI, "EU", "WEB");
    clocks.start(saturdayNight, "adverse.internal", Market.EU, Instant.parse("2024-10-26T22:30:00Z"));
    clocks.stop(saturdayNight, "adverse.internal", Instant.parse("2024-10-27T10:00:00Z"));
    String sundayNight = caseFiles.open(WANG_LI, "EU", "WEB");
    clocks.start(sundayNight, "adverse.internal", Market.EU, Instant.parse("2024-10-27T23:30:00Z"));
    clocks.cancel(sundayNight, "adverse.internal", Instant.parse("2024-10-28T08:00:00Z"));
    assertThat(clocks("from=2024-10-27&to=2024-10-27&market=EU", "adverse.internal")).isEqualTo(1);
    assertThat(clocks("from=2024-10-26&to=2024-10-26&market=EU", "adverse.internal")).isZero();
    assertThat(clocks("from=2024-10-28&to=2024-10-28&market=EU&channel=WEB", "adverse.internal")).isEqualTo(1);
    assertThat(clocks("from=2024-10-26&to=2024-10-26", "adverse.internal")).isEqualTo(1);
    assertThat(clocks("from=2024-10-27&to=2024-10-27", "adverse.internal")).isEqualTo(1);
    assertThat(clocks("from=2024-10-28&to=2024-10-28", "adverse.internal")).isZero();
  }

  @Test
  void serviceLevelsOfAWeekAreTheClocksOwnFigures() {
    check(WEEK, made -> true);
    check(WEEK + "&market=CN", made -> made.market() == Market.CN);
    check(WEEK + "&market=EU&channel=WEB", made -> made.market() == Market.EU && "WEB".equals(made.channel()));
    // a day of the week in Shanghai's days: clocks started from 16:00 UTC the day before
    Instant wednesday = Instant.parse("2024-11-05T16:00:00Z");
    check("from=2024-11-06&to=2024-11-06&market=CN", made -> made.market() == Market.CN
        && !made.started().isBefore(wednesday) && made.started().isBefore(wednesday.plus(Duration.ofDays(1))));
  }

  @Test
  void safetyCountsTheWeeksRegulatoryReportsAsTheyStand() {
    JsonNode rows = report("safety", WEEK).get("rows");
    for (Market market : Market.values()) {
      String target = "adverse.regulatory." + market + ".serious";
      List<Made> reports = made.stream()
          .filter(m -> m.target().equals(target) && !m.status().equals("cancelled")).toList();
      JsonNode row = null;
      for (JsonNode candidate : rows) {
        if (candidate.get("section").asText().equals("reports") && candidate.get("target").asText().equals(target)) {
          row = candidate;
        }
      }
      if (reports.isEmpty()) {
        assertThat(row).as(target).isNull();
        continue;
      }
      assertThat(row).as(target + " in " + rows).isNotNull();
      assertThat(row.get("market").asText()).isEqualTo(market.name());
      assertThat(row.get("cases").asLong()).isEqualTo(reports.size());
      assertThat(row.get("onTime").asLong()).isEqualTo(count(reports, "met-on-time"));
      assertThat(row.get("late").asLong()).isEqualTo(count(reports, "met-late") + count(reports, "open-breached"));
      assertThat(row.get("open").asLong()).isEqualTo(count(reports, "open"));
    }
  }

  @Test
  void clocksOfOneDayFinishingAtOnceAllCount() throws Exception {
    // five times, 16 clocks with one roll-up row (a new one) stopped in 16 transactions at once;
    // 03:00 UTC on 2 October 2024 is 23:00 on the 1st in New York (summer time, UTC-4)
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      for (int day = 2; day <= 6; day++) {
        Instant start = Instant.parse("2024-10-0" + day + "T03:00:00Z");
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
          String caseNumber = caseFiles.open(WANG_LI, "US", "STORE");
          clocks.start(caseNumber, "complaint.acknowledge", Market.US, start);
          cases.add(caseNumber);
        }
        CountDownLatch ready = new CountDownLatch(1);
        List<Future<SlaClock>> stops = new ArrayList<>();
        for (String caseNumber : cases) {
          stops.add(pool.submit(() -> {
            ready.await();
            return clocks.stop(caseNumber, "complaint.acknowledge", start.plusSeconds(300));
          }));
        }
        ready.countDown();
        for (Future<SlaClock> stop : stops) {
          assertThat(stop.get(60, TimeUnit.SECONDS).state()).isEqualTo(SlaClock.State.MET);
        }
        String newYorkDay = "2024-10-0" + (day - 1);
        JsonNode row = row(report("service-levels", "from=" + newYorkDay + "&to=" + newYorkDay
            + "&market=US&channel=STORE").get("rows"), "complaint.acknowledge");
        assertThat(row.get("metOnTime").asLong()).isEqualTo(16);
        assertThat(row.get("medianMinutes").asDouble()).isEqualTo(5.0);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aClockStoppedInATransactionThatRollsBackAddsNothing() {
    // 12:00 UTC on 9 October 2024 is the same day in Shanghai
    String caseNumber = caseFiles.open(WANG_LI, "CN", "APP");
    Instant start = Instant.parse("2024-10-09T12:00:00Z");
    clocks.start(caseNumber, "complaint.acknowledge", Market.CN, start);
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      clocks.stop(caseNumber, "complaint.acknowledge", start.plusSeconds(60));
      status.setRollbackOnly();
    });
    assertThat(clocks.require(caseNumber, "complaint.acknowledge").isOpen()).isTrue();
    JsonNode row = row(report("service-levels", "from=2024-10-09&to=2024-10-09&market=CN&channel=APP").get("rows"),
        "complaint.acknowledge");
    assertThat(row.get("clocks").asLong()).as("open, not met").isEqualTo(1);
    assertThat(row.get("met").asLong()).isZero();
    clocks.stop(caseNumber, "complaint.acknowledge", start.plusSeconds(60));
    row = row(report("service-levels", "from=2024-10-09&to=2024-10-09&market=CN&channel=APP").get("rows"),
        "complaint.acknowledge");
    assertThat(row.get("metOnTime").asLong()).isEqualTo(1);
    assertThat(row.get("open").asLong()).isZero();
  }

  @Test
  void clocksFinishedBeforeTheCaseHadAChannelCountUnderTheChannelItGets() {
    // a case a back-office system opened without a channel; a customer's web complaint joins it later
    String caseNumber = caseFiles.open(null, "EU", null);
    Instant start = Instant.parse("2024-10-10T09:00:00Z");
    clocks.start(caseNumber, "return.review", Market.EU, start);
    clocks.stop(caseNumber, "return.review", start.plus(Duration.ofMinutes(30)));
    clocks.start(caseNumber, "adverse.internal", Market.EU, start);
    clocks.cancel(caseNumber, "adverse.internal", start.plus(Duration.ofHours(1)));
    String week = "from=2024-10-10&to=2024-10-10&market=EU";
    assertThat(row(report("service-levels", week + "&channel=WEB").get("rows"), "return.review")).isNull();
    assertThat(row(report("service-levels", week).get("rows"), "return.review").get("metOnTime").asLong()).isEqualTo(1);

    caseIntake.openOrJoin(caseNumber, "caseNumber", null, "EU", IntakeChannel.WEB);

    JsonNode web = report("service-levels", week + "&channel=WEB").get("rows");
    assertThat(row(web, "return.review").get("metOnTime").asLong()).isEqualTo(1);
    assertThat(row(web, "return.review").get("medianMinutes").asDouble()).isEqualTo(30.0);
    assertThat(row(web, "adverse.internal").get("cancelled").asLong()).isEqualTo(1);
    JsonNode all = report("service-levels", week).get("rows");
    assertThat(row(all, "return.review").get("clocks").asLong()).as("moved, not counted twice").isEqualTo(1);
    assertThat(row(all, "adverse.internal").get("clocks").asLong()).isEqualTo(1);
    assertThat(JdbcClient.create(dataSource).sql("select count(*) from sla_clock_day where day_utc = date '2024-10-10'"
        + " and market = 'EU' and channel = ''").query(Long.class).single()).as("rows left with no clocks go").isZero();
  }

  @Test
  void rebuildingTheRollupsFromTheClocksGivesTheRowsKeptAsTheyFinished() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        List<String> kept = rows(connection);
        assertThat(kept).hasSizeGreaterThan(20);
        ClockRollups.rebuild(connection);
        assertThat(rows(connection)).isEqualTo(kept);
      } finally {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    }
  }

  /** The week's roll-up rows, each with its bins in order (they are kept in the order clocks finish). */
  private static List<String> rows(Connection connection) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("select day_utc, day_local, market, channel, target, met_on_time,"
            + " met_late, cancelled, elapsed_bins from sla_clock_day where day_utc >= date '2024-10-01'"
            + " and day_utc < date '2024-12-01' order by day_utc, market, channel, target, day_local")) {
      while (rs.next()) {
        String bins = rs.getString(9);
        long[] sorted = bins == null || bins.isBlank() ? new long[0]
            : Arrays.stream(bins.trim().split(" ")).mapToLong(Long::parseLong).sorted().toArray();
        rows.add(rs.getDate(1) + " " + rs.getDate(2) + " " + rs.getString(3) + " '" + rs.getString(4) + "' "
            + rs.getString(5) + " " + rs.getLong(6) + "/" + rs.getLong(7) + "/" + rs.getLong(8) + " "
            + Arrays.toString(sorted));
      }
    }
    return rows;
  }

  /** Every target's row of the service-level report against the clocks the filter selects. */
  private void check(String query, Predicate<Made> selected) {
    JsonNode rows = report("service-levels", query).get("rows");
    for (String target : TARGETS) {
      List<Made> chosen = made.stream().filter(m -> m.target().equals(target)).filter(selected).toList();
      JsonNode row = row(rows, target);
      if (chosen.isEmpty()) {
        assertThat(row).as(query + " " + target).isNull();
        continue;
      }
      String what = query + " " + target + ": " + row;
      assertThat(row).as(what).isNotNull();
      long onTime = count(chosen, "met-on-time");
      long late = count(chosen, "met-late");
      long openBreached = count(chosen, "open-breached");
      assertThat(row.get("clocks").asLong()).as(what).isEqualTo(chosen.size());
      assertThat(row.get("metOnTime").asLong()).as(what).isEqualTo(onTime);
      assertThat(row.get("metLate").asLong()).as(what).isEqualTo(late);
      assertThat(row.get("open").asLong()).as(what).isEqualTo(count(chosen, "open") + openBreached);
      assertThat(row.get("openBreached").asLong()).as(what).isEqualTo(openBreached);
      assertThat(row.get("cancelled").asLong()).as(what).isEqualTo(count(chosen, "cancelled"));
      if (onTime + late + openBreached > 0) {
        assertThat(row.get("onTimePercent").asDouble()).as(what)
            .isEqualTo(Math.round(1000.0 * onTime / (onTime + late + openBreached)) / 10.0);
      }
      double[] elapsed = chosen.stream().filter(m -> m.elapsedSeconds() != null)
          .mapToDouble(Made::elapsedSeconds).sorted().toArray();
      for (String column : List.of("medianMinutes", "p90Minutes")) {
        if (elapsed.length == 0) {
          assertThat(row.get(column).isNull()).as(what).isTrue();
          continue;
        }
        double exact = percentileCont(elapsed, column.equals("medianMinutes") ? 0.5 : 0.9) / 60;
        // the bin's width (under 1/1024 of the value), and 0.05 either side for the rounding to 0.1
        assertThat(row.get(column).asDouble()).as(what + " " + column).isCloseTo(exact, within(exact / 1024 + 0.051));
      }
    }
  }

  /** PostgreSQL's percentile_cont: linear between the two nearest ranks. */
  static double percentileCont(double[] sorted, double fraction) {
    double rank = fraction * (sorted.length - 1);
    int below = (int) Math.floor(rank);
    return below == rank ? sorted[below] : sorted[below] + (rank - below) * (sorted[below + 1] - sorted[below]);
  }

  private static long count(List<Made> made, String status) {
    return made.stream().filter(m -> m.status().equals(status)).count();
  }

  private long clocks(String query, String target) {
    JsonNode row = row(report("service-levels", query).get("rows"), target);
    return row == null ? 0 : row.get("clocks").asLong();
  }

  private static JsonNode row(JsonNode rows, String target) {
    for (JsonNode row : rows) {
      if (row.get("target").asText().equals(target)) {
        return row;
      }
    }
    return null;
  }

  private JsonNode report(String name, String query) {
    Http.Response response = http.get("/api/reports/" + name + "?" + query, "supervisor");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }
}
