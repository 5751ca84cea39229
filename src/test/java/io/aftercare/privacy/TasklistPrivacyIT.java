package io.aftercare.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.Browsers;
import io.aftercare.support.CaseWork;
import io.aftercare.support.Http;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In Tasklist: an agent works a complaint without receiving the customer's phone number, until
 * they reveal it on purpose (the reveal is in the access log); a safety officer's form shows the
 * health details, read from the application's tables when the form opens.
 */
@AftercareIT
class TasklistPrivacyIT {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;

  @Test
  void anAgentSeesTheCustomerMaskedUntilTheyRevealTheContact() {
    Http http = new Http(port);
    String unique = UUID.randomUUID().toString().substring(0, 8);
    String phone = "+86137" + String.format("%08d", Math.abs(unique.hashCode()) % 100_000_000);
    Http.Response created = http.post("/api/complaints", "agent", Map.of("channel", "phone",
        "customer", Map.of("name", "张伟", "phone", phone, "market", "CN", "locale", "zh-CN"),
        "product", Map.of("sku", "SK-SERUM-30"), "purchase", Map.of("channel", "online", "date", "2026-10-28"),
        "description", "瓶子漏液"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String caseNumber = created.json().get("caseNumber").asText();
    CaseWork work = new CaseWork(http, runtime, management);
    work.runJobs(caseNumber);
    String taskId = work.onlyTask(caseNumber, "agent").get("id").asText();
    long customerId = customerId(http, caseNumber);

    Browsers.inBrowser("the Tasklist privacy test", page -> {
      logIn(page, "agent");
      page.navigate("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);
      Locator contact = page.locator("text=Show full contact");
      contact.first().waitFor();
      String shown = page.locator("body").innerText() + " | " + page.evaluate(
          "() => Array.from(document.querySelectorAll('input, textarea')).map(e => e.value).join(' | ')");
      assertThat(shown).contains("张*", caseNumber).doesNotContain(phone).doesNotContain("张伟");
      assertThat(shown).contains(phone.substring(0, 6) + "****" + phone.substring(phone.length() - 4));
      // no "time to migrate to Camunda 8" banner over the agent's work (styles/user-styles.css)
      assertThat(page.locator(".ce-eol-banner").count()).as("the banner's element is there").isPositive();
      assertThat(page.locator(".ce-eol-banner").first().isVisible()).isFalse();
      // nor "Create task", which fails for everyone (tasks live in processes only)
      assertThat(page.locator("text=Start process").first().isVisible()).isTrue();
      assertThat(page.locator("text=Create task").first().isVisible()).isFalse();
      page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "tasklist-masked-contact.png"))
          .setFullPage(true));

      // the deliberate reveal: the link opens with the Tasklist login and shows the number
      String href = contact.first().getAttribute("href");
      assertThat(href).startsWith("/api/customers/" + customerId + "/contact?purpose=");
      page.navigate("http://localhost:" + port + href);
      assertThat(page.locator("body").innerText()).contains(phone);
    });

    assertThat(http.get("/api/audit/access?customer=" + customerId + "&user=agent", "privacy").json())
        .anySatisfy(access -> {
          assertThat(access.get("data").asText()).isEqualTo("CONTACT");
          assertThat(access.get("caseNumber").asText()).isEqualTo(caseNumber);
          assertThat(access.get("purpose").asText()).contains("Task_Triage");
        });
  }

  @Test
  void theSafetyOfficersFormShowsTheHealthDetailsAndTakesTheirCorrections() {
    Http http = new Http(port);
    String symptoms = "Itching behind the ears " + UUID.randomUUID().toString().substring(0, 6);
    Http.Response created = http.post("/api/adverse-reactions", "agent", Map.of(
        "customer", Map.of("name", "Sophie Martin", "email", "sophie.martin@example.fr", "market", "EU", "locale", "en"),
        "product", Map.of("sku", "SK-CREAM-50"),
        "reaction", Map.of("awareDate", "2026-11-20", "onsetDate", "2026-11-18", "symptoms", symptoms,
            "bodyArea", "ears", "medicalTreatment", false, "hospitalised", false)));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String caseNumber = created.json().get("caseNumber").asText();
    String taskId = new CaseWork(http, runtime, management).onlyTask(caseNumber, "safety").get("id").asText();

    Browsers.inBrowser("the Tasklist privacy test", page -> {
      logIn(page, "safety");
      page.navigate("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);
      page.locator("textarea").first().waitFor();
      page.waitForFunction("text => Array.from(document.querySelectorAll('textarea')).some(e => e.value === text)",
          symptoms);
      page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "tasklist-health-details.png"))
          .setFullPage(true));
    });
  }

  private void logIn(Page page, String user) {
    Browsers.logInToTasklist(page, port, user);
  }

  private static long customerId(Http http, String caseNumber) {
    return http.get("/api/cases/" + caseNumber, "supervisor").json().get("customerId").asLong();
  }
}
