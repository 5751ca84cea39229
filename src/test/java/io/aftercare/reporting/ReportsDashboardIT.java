package io.aftercare.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.Browsers;
import io.aftercare.support.CaseWork;
import io.aftercare.support.Http;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard as a supervisor sees it, in headless Chromium (Debian's, driven by Playwright):
 * log in with the Camunda user, see every chart drawn, click a backlog figure through to the
 * case and its timeline ({@link Browsers}).
 */
@AftercareIT
class ReportsDashboardIT {

  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtime;
  @Autowired
  ManagementService management;

  @Test
  void supervisorSeesTheChartsAndClicksThroughToACase() {
    String caseNumber = runtime.startProcessInstanceByKey("generalEnquiry", Map.of("customerName", "王丽",
        "contact", "wang.li@example.cn", "market", "CN", "topic", "product",
        "question", "这款精华可以和防晒一起用吗？")).getBusinessKey();
    new CaseWork(new Http(port), runtime, management).runJobs(caseNumber);

    inBrowser(page -> {
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
      page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "reports-dashboard.png")).setFullPage(true));
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

  private String base() {
    return "http://localhost:" + port;
  }

  private static void inBrowser(Consumer<Page> steps) {
    Browsers.inBrowser("the dashboard's browser test", steps);
  }
}
