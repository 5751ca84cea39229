package io.aftercare.support;

import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium (Debian's, driven by Playwright) for the browser tests. Without Chromium a
 * test is skipped, unless {@code aftercare.browser.required} is set (CI sets it).
 */
public final class Browsers {

  static final Path CHROMIUM = Path.of(System.getProperty("aftercare.chromium", "/usr/bin/chromium"));
  static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync");

  private Browsers() {}

  public static void inBrowser(String what, Consumer<Page> steps) {
    inBrowser(what, "en-GB", steps);
  }

  /** In a browser whose language is {@code locale} (e.g. zh-CN: the webapps and forms in Chinese). */
  public static void inBrowser(String what, String locale, Consumer<Page> steps) {
    if (!Files.isExecutable(CHROMIUM)) {
      if (Boolean.getBoolean("aftercare.browser.required")) {
        fail("No Chromium at " + CHROMIUM + " (apt-get install chromium), and aftercare.browser.required is set");
      }
      Assumptions.abort("No Chromium at " + CHROMIUM + "; install Debian's chromium to run " + what);
    }
    try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
            .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
         Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
             .setExecutablePath(CHROMIUM).setHeadless(true).setArgs(FLAGS))) {
      Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1366, 768).setLocale(locale));
      // what the page's scripts say goes to the test's output, for a failing run
      page.onConsoleMessage(message -> System.out.println("[browser " + message.type() + "] " + message.text()));
      page.onResponse(response -> {
        if (response.status() >= 400) {
          System.out.println("[browser] " + response.status() + " " + response.url());
        }
      });
      page.onPageError(error -> System.out.println("[browser error] " + error));
      page.onDialog(dialog -> {
        System.out.println("[browser alert] " + dialog.message());
        dialog.dismiss();
      });
      steps.accept(page);
    }
  }

  /**
   * Logs {@code user} (password demo) into Tasklist through its login form, as a person does. The
   * form is typed only once the webapp has started (its header carries Aftercare's language
   * switch); a login typed into a form Angular is still building can be lost, so the form is
   * typed again, at most three times, when no login request follows the click.
   */
  public static void logInToTasklist(Page page, int port, String user) {
    page.navigate("http://localhost:" + port + "/camunda/app/tasklist/default/");
    page.locator(".aftercare-language a").first().waitFor();
    PlaywrightException lost = null;
    for (int attempt = 1; attempt <= 3; attempt++) {
      page.fill("input[ng-model='username']", user);
      page.fill("input[type='password']", "demo");
      try {
        Response login = page.waitForResponse(response -> response.url().contains("/login/tasklist"),
            new Page.WaitForResponseOptions().setTimeout(10_000),
            () -> page.click("button[type='submit']"));
        if (login.status() != 200) {
          fail("Tasklist refused the login of " + user + ": HTTP " + login.status());
        }
        return;
      } catch (PlaywrightException e) {
        System.out.println("[browser] no login request after attempt " + attempt + " for " + user + ": " + e.getMessage());
        lost = e;
      }
    }
    throw lost;
  }
}
