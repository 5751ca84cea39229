package io.aftercare.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aftercare.casefile.CaseFiles;
import io.aftercare.casefile.CaseIntake;
import io.aftercare.casefile.IntakeChannel;
import io.aftercare.customer.Market;
import io.aftercare.sla.Escalations;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.Http;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The escalation report counts a week's cases from the escalations marked as their case's first
 * of the week; these tests hold it to the escalations themselves: 300 escalations of 60 cases over
 * September 2024 (a month no other test touches), made through {@link Escalations} at random
 * (seeded), several on one case in one week, and the figures worked out by the test for periods
 * of whole weeks and for periods that cut a week at either end, in UTC and in a market's zone.
 */
@AftercareIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EscalationReportIT {

  @LocalServerPort
  int port;
  @Autowired
  Escalations escalations;
  @Autowired
  CaseFiles caseFiles;
  @Autowired
  CaseIntake caseIntake;
  @Autowired
  JdbcClient jdbc;

  Http http;
  final List<Made> made = new ArrayList<>();

  record Made(String caseNumber, Market market, String channel, int level, String team, Instant at) {}

  @BeforeAll
  void escalateAMonth() {
    http = new Http(port);
    Random random = new Random(20240902);
    List<String> channels = Arrays.asList("PHONE", "WEB", null);
    List<String[]> cases = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      Market market = Market.values()[random.nextInt(3)];
      String channel = channels.get(random.nextInt(channels.size()));
      // no customer: the case keeps the market given (a known customer's would win)
      cases.add(new String[] {caseFiles.open(null, market.name(), channel), market.name(), channel});
    }
    // from Sunday 1 September 2024, 12:00 UTC, over four weeks and a half, in time order
    Instant at = Instant.parse("2024-09-01T12:00:00Z");
    for (int i = 0; i < 300; i++) {
      at = at.plusSeconds(random.nextInt(2 * 24 * 3600 * 30 / 300));
      String[] chosen = cases.get(random.nextInt(cases.size()));
      int level = 1 + random.nextInt(2);
      String team = random.nextInt(3) == 0 ? "safety" : "agent";
      escalations.record(chosen[0], new Escalations.Escalation("complaint.confirm", level, null, null, null, team, at));
      made.add(new Made(chosen[0], Market.valueOf(chosen[1]), chosen[2], level, team, at));
    }
  }

  @Test
  void wholeWeeksAndCutWeeksCountTheCasesTheEscalationsHad() {
    check("2024-09-02", "2024-09-29", null, null);
    check("2024-09-02", "2024-09-29", Market.CN, null);
    // cut at both ends: from a Wednesday to a Thursday
    check("2024-09-04", "2024-09-26", null, null);
    check("2024-09-04", "2024-09-26", Market.US, "PHONE");
    check("2024-09-01", "2024-09-30", Market.EU, null);
    // within one week
    check("2024-09-10", "2024-09-12", null, null);
  }

  @Test
  void aCaseThatMovesToAnotherMarketCountsItsWeeksInThatMarketsZone() {
    // opened for the EU; escalated on Friday 9 August 2024 and on Sunday 11 August at 22:30 UTC,
    // which is Monday 12 August, 00:30 in Paris (a new week) but still Sunday, 18:30 in New York
    String caseNumber = caseFiles.open(null, "EU", "WEB");
    escalations.record(caseNumber, new Escalations.Escalation("complaint.confirm", 1, null, null, null, "agent",
        Instant.parse("2024-08-09T10:00:00Z")));
    escalations.record(caseNumber, new Escalations.Escalation("complaint.confirm", 1, null, null, null, "agent",
        Instant.parse("2024-08-11T22:30:00Z")));
    assertThat(rows("from=2024-08-05&to=2024-08-18&market=EU"))
        .containsExactly("2024-08-05|1|agent|1|1", "2024-08-12|1|agent|1|1");

    // a customer of the US market joins the case: it is a US case now, its weeks New York's
    long american = jdbc.sql("select min(id) from customer where market = 'US'").query(Long.class).single();
    caseIntake.openOrJoin(caseNumber, "caseNumber", american, "US", IntakeChannel.WEB);
    assertThat(rows("from=2024-08-05&to=2024-08-18&market=US")).containsExactly("2024-08-05|1|agent|2|1");
    assertThat(rows("from=2024-08-05&to=2024-08-18&market=EU")).isEmpty();
    // in UTC both are in the week of 5 August
    assertThat(rows("from=2024-08-05&to=2024-08-18")).contains("2024-08-05|1|agent|2|1");
  }

  private List<String> rows(String query) {
    Http.Response response = http.get("/api/reports/escalations?" + query, "supervisor");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    List<String> rows = new ArrayList<>();
    for (JsonNode row : response.json().get("rows")) {
      rows.add(row.get("week").asText() + "|" + row.get("level").asText() + "|" + row.get("team").asText() + "|"
          + row.get("escalations").asText() + "|" + row.get("cases").asText());
    }
    return rows;
  }

  /** The report's rows against those worked out from the escalations made. */
  private void check(String from, String to, Market market, String channel) {
    ZoneId zone = market == null ? ZoneOffset.UTC : market.zone();
    Instant start = LocalDate.parse(from).atStartOfDay(zone).toInstant();
    Instant end = LocalDate.parse(to).plusDays(1).atStartOfDay(zone).toInstant();
    Map<String, Set<String>> cases = new TreeMap<>();
    Map<String, Integer> count = new TreeMap<>();
    for (Made m : made) {
      if (m.at().isBefore(start) || !m.at().isBefore(end) || (market != null && m.market() != market)
          || (channel != null && !channel.equals(m.channel()))) {
        continue;
      }
      String key = Escalations.week(m.at(), zone) + "|" + m.level() + "|" + m.team();
      cases.computeIfAbsent(key, k -> new TreeSet<>()).add(m.caseNumber());
      count.merge(key, 1, Integer::sum);
    }
    List<String> expected = new ArrayList<>();
    count.forEach((key, n) -> expected.add(key + "|" + n + "|" + cases.get(key).size()));
    String query = "from=" + from + "&to=" + to + (market == null ? "" : "&market=" + market)
        + (channel == null ? "" : "&channel=" + channel);
    List<String> actual = rows(query);
    assertThat(expected).as(query).isNotEmpty();
    assertThat(actual).as(query).isEqualTo(expected);
  }
}
