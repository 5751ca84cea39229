package io.aftercare.reporting;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code /reports}: the supervisors' dashboard, a static page that reads {@code /api/reports};
 * and its own login page ({@code /login}, Spring Security's form login posts to it) and log-out
 * question ({@code GET /logout}), in the dashboard's style and both languages.
 */
@Controller
class DashboardController {

  private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
  private static final String LOGIN = template("templates/reports/login.html");
  private static final String LOGOUT = template("templates/reports/logout.html");
  /** Said in place on the login page after a failed attempt ({@code /login?error}). */
  static final String WRONG_PASSWORD = "<p id=\"problem\" class=\"problem\" role=\"alert\">Wrong user name or password."
      + " <span>用户名或密码错误。</span></p>";
  static final String LOGGED_OUT = "<p class=\"notice\" role=\"status\">You have logged out."
      + " <span>您已退出登录。</span></p>";

  @GetMapping("/reports")
  String canonical() {
    return "redirect:/reports/";
  }

  @GetMapping("/reports/")
  String dashboard() {
    return "forward:/reports/index.html";
  }

  @GetMapping("/login")
  ResponseEntity<String> login(HttpServletRequest request, CsrfToken csrf) {
    String message = request.getParameter("error") != null ? WRONG_PASSWORD
        : request.getParameter("logout") != null ? LOGGED_OUT : "";
    return page(LOGIN.replace("{{message}}", message), csrf);
  }

  @GetMapping("/logout")
  ResponseEntity<String> logout(CsrfToken csrf) {
    return page(LOGOUT, csrf);
  }

  private static ResponseEntity<String> page(String template, CsrfToken csrf) {
    String html = template.replace("{{csrfParameter}}", HtmlUtils.htmlEscape(csrf.getParameterName()))
        .replace("{{csrfToken}}", HtmlUtils.htmlEscape(csrf.getToken()));
    return ResponseEntity.ok().contentType(HTML).cacheControl(CacheControl.noStore()).body(html);
  }

  private static String template(String path) {
    try {
      return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("The dashboard's page " + path + " is missing", e);
    }
  }
}
