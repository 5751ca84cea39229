package io.aftercare.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.support.AftercareIT;
import io.aftercare.support.Http;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Wrong passwords through every door count towards one wait for that user from this address
 * (429 with Retry-After, the right password included); the wait passes and the user logs in —
 * twenty wrong passwords lock nobody for good (Camunda locked after ten).
 */
@AftercareIT
class LoginThrottleIT {

  @LocalServerPort
  int port;

  @Autowired IdentityService identity;

  @Test
  void guessingThroughEveryDoorIsHeldBackAndNeverLocksTheUserOut() throws Exception {
    String user = "guessed" + UUID.randomUUID().toString().substring(0, 8);
    User created = identity.newUser(user);
    created.setPassword("right-password-1");
    identity.saveUser(created);
    identity.createMembership(user, AftercareGroup.AGENT.id());
    Http http = new Http(port);

    // five wrong passwords, one through each door and two through /api: each a plain 401 or login error
    // (a moment apart, as a person types: each attempt also updates the user's row in Camunda)
    assertThat(http.get("/api/products", user + ":wrong").status()).isEqualTo(401);
    Thread.sleep(100);
    assertThat(http.get("/engine-rest/task", user + ":wrong").status()).isEqualTo(401);
    Thread.sleep(100);
    assertThat(form("/login", user, "wrong").headers().firstValue("Location").orElse("")).contains("error");
    Thread.sleep(100);
    HttpResponse<String> webapps = form("/camunda/api/admin/auth/user/default/login/tasklist", user, "wrong");
    assertThat(webapps.statusCode()).as(webapps.body()).isEqualTo(401);
    assertThat(http.get("/api/products", user + ":wrong").status()).isEqualTo(401);
    // the sixth wrong one sets a wait; now even the right password waits, at every door
    assertThat(http.get("/api/products", user + ":wrong").status()).isEqualTo(401);
    Http.Response held = http.get("/api/products", user + ":right-password-1");
    assertThat(held.status()).isEqualTo(429);
    assertThat(held.body()).contains("Too many failed logins");
    assertThat(form("/camunda/api/admin/auth/user/default/login/tasklist", user, "right-password-1").statusCode())
        .isEqualTo(429);

    // twenty more guesses, waiting each time; then the right password still works
    for (int i = 0; i < 20; i++) {
      Thread.sleep(waitMillis(http.get("/engine-rest/task", user + ":wrong")));
    }
    Thread.sleep(2_100);
    assertThat(http.get("/api/products", user + ":right-password-1").status()).as("never locked for good").isEqualTo(200);
    assertThat(identity.checkPassword(user, "right-password-1")).isTrue();
    assertThat(form("/camunda/api/admin/auth/user/default/login/tasklist", user, "right-password-1").statusCode())
        .as("Tasklist's login, its body read twice").isEqualTo(200);
  }

  private static long waitMillis(Http.Response response) {
    return response.status() == 429 ? 1_000 : 0;
  }

  /** A login form posted as a browser would: the dashboard's with its session and CSRF token. */
  private HttpResponse<String> form(String path, String user, String password) throws Exception {
    HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
        .cookieHandler(new java.net.CookieManager()).build();
    String csrf = "";
    if (path.equals("/login")) {
      String page = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"")
          .matcher(page);
      assertThat(token.find()).as("the login page's CSRF token").isTrue();
      csrf = "&_csrf=" + token.group(1);
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password + csrf));
    if (path.startsWith("/camunda/")) {
      // the webapps' own CSRF protection: the token comes with a page of the app
      HttpResponse<String> app = browser.send(HttpRequest.newBuilder(
          URI.create("http://localhost:" + port + "/camunda/app/tasklist/default/")).build(),
          HttpResponse.BodyHandlers.ofString());
      request.header("X-XSRF-TOKEN", app.headers().firstValue("X-XSRF-TOKEN").orElseThrow());
    }
    return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
