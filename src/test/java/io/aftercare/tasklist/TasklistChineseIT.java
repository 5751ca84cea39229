package io.aftercare.tasklist;

import static io.aftercare.support.CaseWork.bool;
import static io.aftercare.support.CaseWork.string;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.Browsers;
import io.aftercare.support.CaseWork;
import io.aftercare.support.Http;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A Chinese agent's and a safety officer's day in Tasklist (Debian's Chromium, browser language
 * zh-CN): Chinese screens, a start form refused field by field in Chinese and then the case number
 * at once, the triage with the evidence, the case beside the task, a reaction taken by phone, and
 * the regulator's printable report opened from the submission form. Screenshots in target/.
 */
@AftercareIT
class TasklistChineseIT {

  private static final String TODAY = LocalDate.now().toString();

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired HistoryService history;

  @Test
  void aChineseAgentRegistersAComplaintFixesWhatTheFormSaysAndGetsTheCaseNumber() {
    String name = "王芳" + UUID.randomUUID().toString().substring(0, 4);
    Browsers.inBrowser("the Chinese Tasklist test", "zh-CN", page -> {
      logIn(page, "agent");
      // Chinese screens, the language switch, lists by due date
      assertThat(page.locator(".start-process-action").innerText()).contains("启动流程");
      assertThat(page.locator(".aftercare-language a.active").innerText()).isEqualTo("中文");
      assertThat(page.url()).contains("dueDate");
      // an order the user picks in Tasklist's menu stands for the tab, also when a link followed later gives none
      page.click("[cam-sorting-choices] .dropdown-toggle");
      page.click("[cam-sorting-choices] .dropdown-menu a[translate='优先级']");
      page.waitForFunction("() => (window.sessionStorage.getItem('aftercare.sorting') || '').includes('priority')");
      page.waitForTimeout(1000);
      page.evaluate("() => { window.location.hash = '#/'; }");
      page.waitForFunction("() => decodeURIComponent(window.location.hash).includes('\"priority\"')");
      page.waitForTimeout(500);
      assertThat(java.net.URLDecoder.decode(page.url(), java.nio.charset.StandardCharsets.UTF_8)).contains("\"priority\"");

      page.click(".start-process-action a");
      page.click(".modal-body a:has-text('Complaint handling')");
      // an empty select asks in Chinese, not Camunda Forms' "Select"
      assertThat(field(page, "Market").locator(".fjs-select-display").innerText().trim()).isEqualTo("请选择");
      fill(page, "Customer name", name);
      fill(page, "Mobile", "+86139" + String.format("%08d", Math.abs(name.hashCode()) % 100_000_000));
      choose(page, "Market", "China");
      choose(page, "Language", "中文");
      fill(page, "Product SKU", "SK-NOPE-99");
      // the form's date picker: weeks from Monday, months and days in Chinese
      field(page, "Purchase date").locator("input:not([type=hidden])").first().click();
      assertThat(page.locator(".flatpickr-calendar.open .flatpickr-weekday").first().innerText().trim())
          .isEqualTo("周一");
      fillDate(page, "Purchase date", LocalDate.now().plusDays(30).toString());
      page.locator(".modal .fjs-form-field-text").first().click();
      fill(page, "What happened", "瓶子漏液");
      page.click(".modal button:has-text('启动')");

      // both problems, each under its field, in Chinese
      page.locator(".aftercare-field-error").nth(1).waitFor();
      assertThat(fieldError(page, "Product SKU")).isEqualTo("不是产品目录中的产品");
      assertThat(fieldError(page, "Purchase date")).contains("过去或现在");
      page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "tasklist-zh-form-errors.png")));

      fill(page, "Product SKU", "SK-SERUM-30");
      fillDate(page, "Purchase date", "2026-10-28");
      page.locator(".modal .fjs-form-field-text").first().click();
      start(page);
      // (the tests' engine runs no job executor: the steps after registration run here)
      new CaseWork(new Http(port), runtime, management).runJobs(history.createHistoricProcessInstanceQuery()
          .processDefinitionKey("complaintHandling").orderByProcessInstanceStartTime().desc().listPage(0, 1)
          .get(0).getBusinessKey());

      // the case number at once: the triage is in the agent's own list, titled with it
      page.reload();
      page.click("text=我的任务 My tasks");
      Locator triage = page.locator("li.task:has-text('分诊 Triage AC-')").first();
      triage.waitFor();
      String title = triage.locator("h4.task a").innerText();
      assertThat(title).matches("(?s).*分诊 Triage AC-\\d{4}-\\d{6}.*");
      // the card's priority in words, not a bare number
      assertThat(triage.locator(".priority").getAttribute("data-urgency")).matches("(紧急 urgent|高 high|普通 normal)");
      // the card's case at a glance, read for an agent too (the filters' columns need more than an agent may read)
      triage.locator(".aftercare-card .aftercare-card-caseNumber").waitFor();
      assertThat(triage.locator(".aftercare-card").innerText()).matches("(?s)工单 AC-\\d{4}-\\d{6}.*产品 .+")
          .doesNotContain("null");
      triage.click();
      // the case beside the task: its clocks with their standing, in Chinese
      page.click("text=工单 Case");
      page.locator(".aftercare-case .aftercare-badge").first().waitFor();
      page.locator(".aftercare-case .aftercare-urgency").waitFor();
      assertThat(page.locator(".aftercare-case").innerText()).contains("受理并分诊", "时间线", "紧急程度：", "客户等级：")
          .contains("投诉受理确认").doesNotContain("complaint-acknowledgement");
      assertThat(page.locator(".aftercare-case .aftercare-badge").allInnerTexts()).contains("正常");
      page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "tasklist-zh-case-panel.png"))
          .setFullPage(true));
    });
  }

  @Test
  void theTriageShowsTheCustomersEvidenceOrderAndPurchaseDay() {
    Http http = new Http(port);
    Http.Response created = http.post("/api/complaints", "agent", Map.of("channel", "web",
        "customer", Map.of("name", "李雷", "email", "li.lei." + UUID.randomUUID().toString().substring(0, 6)
            + "@example.cn", "market", "CN", "locale", "zh-CN"),
        "product", Map.of("sku", "SK-SERUM-30"), "purchase", Map.of("channel", "online", "date", "2026-10-28"),
        "description", "泵头坏了",
        "attachments", List.of(Map.of("name", "pump.jpg", "url", "https://files.example.cn/pump.jpg"))));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String caseNumber = created.json().get("caseNumber").asText();
    CaseWork work = new CaseWork(http, runtime, management);
    work.runJobs(caseNumber);
    String taskId = work.onlyTask(caseNumber, "agent").get("id").asText();

    Browsers.inBrowser("the Chinese Tasklist test", "zh-CN", page -> {
      logIn(page, "agent");
      page.navigate(base() + "/camunda/app/tasklist/default/#/?task=" + taskId);
      Locator evidence = page.locator("a[href='https://files.example.cn/pump.jpg']");
      evidence.waitFor();
      assertThat(evidence.innerText()).isEqualTo("pump.jpg");
      String form = page.locator(".fjs-container").first().innerText();
      assertThat(form).contains("2026-10-28", "线上").doesNotContain("尚未收到证据");
      // the customer's tier in words, not a code
      assertThat(form).doesNotContainPattern("\\bMEDIUM\\b|\\bLOW\\b|\\bHIGH\\b");
      page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "tasklist-zh-triage-evidence.png"))
          .setFullPage(true));
    });
  }

  @Test
  void aSafetyOfficerTakesAReactionByPhoneAndOpensThePrintableReportFromTheSubmissionForm() {
    String symptoms = "面部红肿 " + UUID.randomUUID().toString().substring(0, 6);
    Browsers.inBrowser("the Chinese Tasklist test", "zh-CN", page -> {
      logIn(page, "safety");
      page.click(".start-process-action a");
      page.click(".modal-body a:has-text('Adverse-reaction report')");
      fill(page, "Customer name", "赵敏");
      fill(page, "Phone", "+8613700003333");
      choose(page, "Market", "China");
      choose(page, "Language for messages", "中文");
      fill(page, "Product SKU", "SK-NOPE-50");
      fillDate(page, "Aware since", TODAY);
      fillDate(page, "Reaction began", TODAY);
      page.locator(".modal .fjs-form-field-text").first().click();
      fill(page, "Symptoms", symptoms);
      fill(page, "Body area", "面部");
      // the product is checked as the API checks it, and said under its field
      assertThat(page.waitForResponse(r -> r.url().contains("/submit-form"),
          () -> page.click(".modal button:has-text('启动')")).status()).isEqualTo(400);
      page.locator(".aftercare-field-error").first().waitFor();
      assertThat(fieldError(page, "Product SKU")).isEqualTo("不是产品目录中的产品");
      fill(page, "Product SKU", "SK-CREAM-50");
      start(page);
    });
    Http http = new Http(port);
    CaseWork work = new CaseWork(http, runtime, management);
    String caseNumber = history.createHistoricProcessInstanceQuery().processDefinitionKey("adverseReactionReport")
        .orderByProcessInstanceStartTime().desc().listPage(0, 1).get(0).getBusinessKey();

    // the officer records the details and the assessment; the submission form then links the report
    Map<String, Object> details = new HashMap<>();
    for (String criterion : io.aftercare.adversereaction.AdverseReactionProcess.CRITERIA) {
      details.put(criterion, bool(false));
    }
    work.complete(work.onlyTask(caseNumber, "safety"), "safety", details);
    work.complete(work.onlyTask(caseNumber, "safety"), "safety",
        Map.of("causality", string("possible"), "assessmentNote", string("接触性皮炎")));
    String submitTask = work.onlyTask(caseNumber, "safety").get("id").asText();

    Browsers.inBrowser("the Chinese Tasklist test", "zh-CN", page -> {
      logIn(page, "safety");
      page.navigate(base() + "/camunda/app/tasklist/default/#/?task=" + submitTask);
      Locator link = page.locator("a:has-text('打开可打印报告')");
      link.waitFor();
      assertThat(link.getAttribute("href")).startsWith("/api/adverse-reactions/" + caseNumber + "/reports/");
      // opens with the Tasklist login, no other password asked
      page.navigate(base() + link.getAttribute("href"));
      String report = page.locator("body").innerText();
      assertThat(report).contains("化妆品不良反应报告表", "AR" + caseNumber.substring(2));
      page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "tasklist-zh-printable-report.png"))
          .setFullPage(true));
    });
  }

  /** Starts the process with the dialog's form: it closes, or the test fails with what the form says. */
  private static void start(Page page) {
    com.microsoft.playwright.Response answer = page.waitForResponse(r -> r.url().contains("/submit-form"),
        () -> page.click(".modal button:has-text('启动')"));
    assertThat(answer.status()).as(() -> "the form was refused: " + answer.text()).isEqualTo(200);
    page.locator(".modal").waitFor(new Locator.WaitForOptions()
        .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private void logIn(Page page, String user) {
    Browsers.logInToTasklist(page, port, user);
    page.locator(".start-process-action").waitFor();
  }

  private static Locator field(Page page, String label) {
    return page.locator(".modal .fjs-form-field:has(label:has-text('" + label + "'))").first();
  }

  private static void fill(Page page, String label, String value) {
    field(page, label).locator("input:not([type=hidden]), textarea").first().fill(value);
  }

  /** Types a day into a date field and leaves it, as a user does: the field takes what was typed then. */
  private static void fillDate(Page page, String label, String day) {
    Locator input = field(page, label).locator("input:not([type=hidden])").first();
    input.fill(day);
    input.press("Tab");
  }

  private static void choose(Page page, String label, String option) {
    field(page, label).locator(".fjs-input-group, .fjs-select-display").first().click();
    page.click(".modal .fjs-dropdownlist-item:has-text('" + option + "')");
  }

  private static String fieldError(Page page, String label) {
    return field(page, label).locator(".aftercare-field-error").innerText();
  }
}
