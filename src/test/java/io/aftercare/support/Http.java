package io.aftercare.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A plain HTTP client for the tests, with HTTP Basic as a given user (or none). */
public final class Http {

  /** A response: status, content type and body, with the body as JSON on demand. */
  public record Response(int status, String contentType, String body) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("Not JSON (" + status + "): " + body, e);
      }
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private final String base;

  public Http(int port) {
    this.base = "http://localhost:" + port;
  }

  public Response get(String path, String user) {
    return send(request(path, user).GET(), user);
  }

  /** A page, as a browser asks for it. */
  public Response getPage(String path, String user) {
    return send(request(path, user).setHeader("Accept", "text/html").GET(), user);
  }

  /** A GET asking for one media type (text/csv, say). */
  public Response getAccepting(String path, String user, String accept) {
    return send(request(path, user).setHeader("Accept", accept).GET(), user);
  }

  public Response post(String path, String user, Object body) {
    return sendJson("POST", path, user, body);
  }


  /** A POST asking for one media type (Tasklist's application/hal+json, say). */
  public Response postAccepting(String path, String user, String accept, Object body) {
    return sendJson(request(path, user).setHeader("Accept", accept), "POST", user, body);
  }

  public Response put(String path, String user, Object body) {
    return sendJson("PUT", path, user, body);
  }

  private Response sendJson(String method, String path, String user, Object body) {
    return sendJson(request(path, user), method, user, body);
  }

  private Response sendJson(HttpRequest.Builder request, String method, String user, Object body) {
    try {
      String text = body instanceof String s ? s : JSON.writeValueAsString(body);
      return send(request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(text)), user);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }


  /** A POST of a text body of the given type (a CSV file, say). */
  public Response postText(String path, String user, String contentType, String body) {
    return send(request(path, user).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), user);
  }

  private HttpRequest.Builder request(String path, String user) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
        .setHeader("Accept", "application/json, application/problem+json");
    if (user != null) {
      String password = user.contains(":") ? user.substring(user.indexOf(':') + 1) : "demo";
      String name = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
      builder.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return builder;
  }

  private Response send(HttpRequest.Builder request, String user) {
    try {
      HttpResponse<String> response = CLIENT.send(request.build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
