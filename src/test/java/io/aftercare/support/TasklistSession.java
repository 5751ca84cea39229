package io.aftercare.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A browser logged in to Tasklist: its session cookie and CSRF token, calling the webapps' own
 * engine API ({@code /camunda/api/engine/engine/default/…}) as Tasklist does.
 */
public final class TasklistSession {

  /** Tasklist's engine API, relative to the application. */
  public static final String ENGINE = "/camunda/api/engine/engine/default";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
  private String token;

  /** Logs in to Tasklist at {@code base} (http://host:port). */
  public TasklistSession(String base, String user, String password) throws IOException, InterruptedException {
    this.base = base;
    token = token();
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
            URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)))
        .build(), HttpResponse.BodyHandlers.ofString());
    if (login.statusCode() != 200) {
      throw new IllegalStateException("Tasklist log-in as " + user + ": " + login.statusCode() + " " + login.body());
    }
    // the log-in starts a new session with a token of its own
    token = token();
  }

  private String token() throws IOException, InterruptedException {
    return browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default")).GET()
        .build(), HttpResponse.BodyHandlers.ofString()).headers().firstValue("X-XSRF-TOKEN").orElse(token);
  }

  /** A GET ({@code body} null) or a request with a JSON body; a list is asked for as HAL, as Tasklist does. */
  public HttpResponse<String> send(String method, String path, Object body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("X-XSRF-TOKEN", token)
        .header("Accept", path.contains("/list") ? "application/hal+json" : "application/json");
    if (body == null) {
      request.GET();
    } else {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }
    return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
