package io.aftercare.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.Browsers;
import io.aftercare.support.CaseWork;
import io.aftercare.support.Http;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard as a supervisor sees it, in headless Chromium (Debian's, driven by Playwright):
 * log in with the Camunda user on the dashboard's own login page, see every chart drawn, click a
 * backlog figure through to the case and its timeline, with every time in the browser's zone
 * ({@link Browsers}).
 */
@AftercareIT
class ReportsDashboardIT {

  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtime;
  @Autowired
  ManagementService management;

  /** A supervisor in Shanghai, whatever the zone of the machine running the test. */
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final String INSTANT = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}";

  @Test
  void supervisorSeesTheChartsAndClicksThroughToACase() {
    String caseNumber = runtime.startProcessInstanceByKey("generalEnquiry", Map.of("customerName", "王丽",
        "contact", "wang.li@example.cn", "market", "CN", "topic", "product",
        "question", "这款精华可以和防晒一起用吗？")).getBusinessKey();
    CaseWork work = new CaseWork(new Http(port), runtime, management);
    work.runJobs(caseNumber);
    // an answered enquiry: its timeline lists what the answer form set, with the form's labels
    String answered = runtime.startProcessInstanceByKey("generalEnquiry", Map.of("customerName", "李娜",
        "contact", "li.na@example.cn", "market", "CN", "topic", "product",
        "question", "精华可以每天用吗？")).getBusinessKey();
    work.runJobs(answered);
    work.complete(work.onlyTask(answered, "agent"), "agent", Map.of("answer", CaseWork.string("可以，早晚各一次。"),
        "followUp", CaseWork.string("none"), "caseNumber", CaseWork.string(answered)));

    inBrowser(page -> {
      inTimeZone(page, SHANGHAI);
      page.navigate(base() + "/reports");
      assertThat(page.url()).endsWith("/login");
      logIn(page, "supervisor");
      page.waitForSelector("body[data-loaded]");
      assertThat(page.locator("body").getAttribute("data-loaded")).isEqualTo("true");
      assertThat(page.locator("canvas[data-ready=true]").count()).isEqualTo(7);
      assertThat(page.locator("#service-levels table tr").count()).isGreaterThan(1);

      // the backlog's "< 4 h" figure of the case's step lists the case; the case shows its timeline
      Locator row = page.locator("#backlog table tr", new Page.LocatorOptions().setHasText("Answer enquiry"))
          .filter(new Locator.FilterOptions().setHasText("case")).first();
      row.locator("td:nth-child(6) a").click();
      Locator link = page.locator("#drawer ol.cases a", new Page.LocatorOptions().setHasText(caseNumber));
      link.waitFor();
      link.click();
      page.locator("#drawer .timeline .entry.TASK_CREATED").first().waitFor();
      assertThat(page.locator("#drawer .timeline").innerText()).contains("General enquiry started", "enquiry.answer");

      // one format for times, in the browser's zone, said once; days as YYYY-MM-DD
      assertThat(page.locator("footer #zone").innerText()).contains("Times in Asia/Shanghai");
      LocalDate today = LocalDate.now(SHANGHAI);
      assertThat(page.inputValue("input[name=to]")).isEqualTo(today.toString());
      assertThat(page.inputValue("input[name=from]")).isEqualTo(today.minusDays(6).toString());
      List<String> times = page.locator("#drawer .timeline time").allInnerTexts();
      assertThat(times).isNotEmpty().allMatch(time -> time.matches(INSTANT));
      JsonNode entries = new Http(port).get("/api/cases/" + caseNumber + "/timeline", "supervisor").json().get("entries");
      List<String> expected = new ArrayList<>();
      entries.forEach(entry -> expected.add(inShanghai(entry.get("at").asText())));
      assertThat(times).isEqualTo(expected);
      String due = entries.findValuesAsText("detail").stream().filter(d -> d.startsWith("due ")).findFirst().orElseThrow();
      assertThat(page.locator("#drawer .timeline").innerText()).as("no ISO instant left in a detail")
          .contains("due " + inShanghai(due.substring(4, due.indexOf('Z') + 1)))
          .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:");
      assertThat(page.locator("#drawer ol.cases time").first().innerText()).matches(INSTANT);
      assertThat(page.locator("footer #as-of").innerText()).containsPattern("Figures as of " + INSTANT);

      page.evaluate("caseNumber => showTimeline(caseNumber)", answered);
      Locator values = page.locator("#drawer .timeline .entry.TASK_COMPLETED dl.values");
      values.waitFor();
      assertThat(values.locator("dt").allInnerTexts()).containsExactly("Answer given to the customer / 答复内容",
          "Does the customer need another case? / 是否需要另开工单");
      assertThat(values.locator("dd").allInnerTexts()).containsExactly("可以，早晚各一次。", "No / 不需要");
      assertThat(page.locator("#drawer .timeline").innerText()).as("the form's display fields are not listed")
          .doesNotContain("caseNumber", "Case / 工单号");
      page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "reports-dashboard.png")).setFullPage(true));
    });
  }

  /**
   * The login page is the dashboard's: its stylesheet, both languages; a wrong password is said
   * in place, in both; logging out comes back to it and says so.
   */
  @Test
  void theLoginPageLooksLikeTheDashboardAndSaysAWrongPasswordInPlace() {
    inBrowser(page -> {
      page.navigate(base() + "/reports");
      assertThat(page.url()).endsWith("/login");
      assertThat(page.locator("link[rel=stylesheet]").getAttribute("href")).isEqualTo("/reports/reports.css");
      assertStyledLikeTheDashboard(page);
      assertThat(page.locator("body").innerText()).contains("Aftercare · Reports", "服务报表", "Log in", "登录",
          "User name", "用户名", "Password", "密码");
      assertThat(page.locator(".problem").count()).isZero();
      page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "reports-login.png")));

      page.fill("#username", "supervisor");
      page.fill("#password", "not-the-password");
      page.waitForNavigation(() -> page.click("button[type=submit]"));
      assertThat(page.url()).endsWith("/login?error");
      Locator problem = page.locator("form.login #problem");
      assertThat(problem.isVisible()).isTrue();
      assertThat(problem.getAttribute("role")).isEqualTo("alert");
      assertThat(problem.innerText()).contains("Wrong user name or password", "用户名或密码错误");
      assertStyledLikeTheDashboard(page);
      assertThat(page.evaluate("() => getComputedStyle(document.getElementById('problem')).borderLeftColor"))
          .as("the dashboard's problem style").isEqualTo("rgb(240, 68, 56)");
      page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "reports-login-error.png")));

      logIn(page, "supervisor");
      page.waitForSelector("body[data-loaded=true]");
      page.click("#logout");
      page.waitForURL(java.util.regex.Pattern.compile(".*/login\\?logout$"));
      assertThat(page.locator(".notice").innerText()).contains("You have logged out", "您已退出登录");
      page.navigate(base() + "/reports");
      assertThat(page.url()).as("logged out for good").endsWith("/login");

      // without the dashboard's script, the log-out link asks first, on a page like this one
      logIn(page, "supervisor");
      page.navigate(base() + "/logout");
      assertStyledLikeTheDashboard(page);
      assertThat(page.locator("form.login h2").innerText()).contains("Log out?", "退出登录？");
      page.waitForNavigation(() -> page.click("button[type=submit]"));
      assertThat(page.url()).endsWith("/login?logout");
    });
  }

  /** A reversed or too long period is said in place, once, over dimmed figures: no alert(). */
  @Test
  void aBadPeriodIsSaidUnderTheFormNotInAnAlert() {
    inBrowser(page -> {
      java.util.List<String> alerts = new java.util.ArrayList<>();
      page.onDialog(dialog -> alerts.add(dialog.message()));
      page.navigate(base() + "/reports");
      logIn(page, "supervisor");
      page.waitForSelector("body[data-loaded=true]");

      page.fill("input[name=from]", "2026-11-20");
      page.fill("input[name=to]", "2026-11-10");
      page.click("button[type=submit]");
      page.locator("#problem").waitFor();
      assertThat(page.locator("#problem").innerText()).contains("ends before it starts");
      assertThat(page.locator("main").getAttribute("class")).contains("stale");

      page.evaluate("() => delete document.body.dataset.loaded");
      page.fill("input[name=from]", "2024-01-01");
      page.fill("input[name=to]", "2026-11-10");
      page.click("button[type=submit]");
      page.waitForSelector("body[data-loaded=failed]");
      assertThat(page.locator("#problem span").count()).as("said once, not once per report").isEqualTo(1);
      assertThat(page.locator("#problem").innerText()).contains("from must be at most");

      // a day not written as YYYY-MM-DD (the browser's language does not change the format)
      page.evaluate("() => delete document.body.dataset.loaded");
      page.fill("input[name=from]", "05/02/2026");
      page.click("button[type=submit]");
      page.waitForSelector("body[data-loaded=failed]");
      assertThat(page.locator("#problem").innerText()).contains("\"From\" must be a day as YYYY-MM-DD", "YYYY-MM-DD");
      // the calendar beside the field writes the day it picks as YYYY-MM-DD
      page.evaluate("() => { const picker = document.querySelector('input[name=from] ~ input.picker');"
          + " picker.value = '2026-11-03'; picker.dispatchEvent(new Event('change')); }");
      assertThat(page.inputValue("input[name=from]")).isEqualTo("2026-11-03");

      page.evaluate("() => delete document.body.dataset.loaded");
      page.click(".quick button[data-days='7']");
      page.waitForSelector("body[data-loaded=true]");
      assertThat(page.locator("#problem").isVisible()).isFalse();
      assertThat(page.locator("main").getAttribute("class")).doesNotContain("stale");
      assertThat(alerts).isEmpty();
    });
  }

  @Test
  void agentIsRefusedTheDashboard() {
    inBrowser(page -> {
      page.navigate(base() + "/reports");
      Response refused = logIn(page, "agent");
      assertThat(refused.status()).isEqualTo(403);
    });
  }

  private Response logIn(Page page, String user) {
    page.fill("#username", user);
    page.fill("#password", "demo");
    return page.waitForNavigation(() -> page.click("button[type=submit]"));
  }

  private static void assertStyledLikeTheDashboard(Page page) {
    assertThat(page.evaluate("() => getComputedStyle(document.body).backgroundColor")).isEqualTo("rgb(245, 247, 250)");
    assertThat(page.evaluate("() => getComputedStyle(document.querySelector('header')).position")).isEqualTo("sticky");
  }

  /** The browser's time zone (Chromium's DevTools protocol), before the page is opened. */
  private static void inTimeZone(Page page, ZoneId zone) {
    JsonObject override = new JsonObject();
    override.addProperty("timezoneId", zone.getId());
    page.context().newCDPSession(page).send("Emulation.setTimezoneOverride", override);
  }

  private static String inShanghai(String instant) {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(SHANGHAI).format(Instant.parse(instant));
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private static void inBrowser(Consumer<Page> steps) {
    Browsers.inBrowser("the dashboard's browser test", steps);
  }
}
