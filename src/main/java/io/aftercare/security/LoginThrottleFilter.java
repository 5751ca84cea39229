package io.aftercare.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts every door that checks a password behind {@link LoginThrottle}: HTTP Basic on {@code /api}
 * and {@code /engine-rest}, the dashboard's {@code /login} form and the Camunda webapps' login.
 * A held-back attempt is answered 429 with {@code Retry-After}, before any password is checked.
 */
@Configuration
class LoginThrottleFilter {

  private static final String WEBAPP_LOGIN = "/camunda/api/admin/auth/user/";

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> loginThrottling(LoginThrottle throttle) {
    OncePerRequestFilter filter = new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        if (isWebappLogin(request)) {
          // read the form here and hand Camunda's login resource the same bytes (it reads the body)
          request = new Replayed(request, request.getInputStream().readAllBytes());
        }
        Attempt attempt = attempt(request);
        if (attempt == null) {
          chain.doFilter(request, response);
          return;
        }
        String address = request.getRemoteAddr();
        Optional<Duration> wait = throttle.wait(attempt.user(), address, Instant.now());
        if (wait.isPresent()) {
          long seconds = Math.max(1, wait.get().toSeconds() + (wait.get().toMillisPart() > 0 ? 1 : 0));
          response.setStatus(429);
          response.setHeader("Retry-After", String.valueOf(seconds));
          response.setContentType("application/problem+json");
          response.getWriter().write("{\"type\":\"urn:aftercare:problem:login-throttled\",\"title\":\"Too many failed"
              + " logins\",\"status\":429,\"detail\":\"Too many failed logins for this user from your address: try"
              + " again in " + seconds + " s\"}");
          return;
        }
        // a failure counts the moment its status is set, before the answer reaches the client:
        // the client's next try must find it counted
        Status status = new Status(response, set -> {
          if (attempt.failed(set)) {
            throttle.failed(attempt.user(), address, attempt.door(), Instant.now());
            return true;
          }
          return false;
        });
        chain.doFilter(request, status);
        if (!status.failureCounted && attempt.succeeded(status)) {
          throttle.succeeded(attempt.user(), address);
        }
      }
    };
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    registration.addUrlPatterns("/api/*", "/engine-rest/*", "/login", "/camunda/api/admin/auth/user/*");
    registration.setName("loginThrottling");
    return registration;
  }

  /** A password check in this request: who, and through which door. */
  private record Attempt(String user, String door, boolean form) {
    boolean failed(Status status) {
      if (form && "/login".equals(door)) {
        // Spring Security's form login answers a wrong password with a redirect to /login?error
        return status.location != null && status.location.contains("error");
      }
      return status.code == 401;
    }

    /** The password was right (a 403 after Basic is a right password without the permission). */
    boolean succeeded(Status status) {
      if (form && "/login".equals(door)) {
        return status.code == 302 && status.location != null && !status.location.contains("error");
      }
      return status.code < 400 || (!form && status.code == 403);
    }
  }

  private static Attempt attempt(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if ("POST".equals(request.getMethod()) && path.equals("/login")) {
      String user = request.getParameter("username");
      return user == null ? null : new Attempt(user, "/login", true);
    }
    if (request instanceof Replayed replayed) {
      String user = replayed.formField("username");
      return user == null ? null : new Attempt(user, "webapps", true);
    }
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon > 0) {
          return new Attempt(decoded.substring(0, colon), path.startsWith("/engine-rest") ? "engine-rest" : "api",
              false);
        }
      } catch (IllegalArgumentException notBase64) {
        return null;
      }
    }
    return null;
  }

  private static boolean isWebappLogin(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return "POST".equals(request.getMethod()) && path.startsWith(WEBAPP_LOGIN) && path.contains("/login/");
  }

  /** A request whose body was read here, given to the rest of the chain again. */
  private static final class Replayed extends jakarta.servlet.http.HttpServletRequestWrapper {
    private final byte[] body;

    Replayed(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    String formField(String name) {
      for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
        int equals = pair.indexOf('=');
        if (equals > 0 && java.net.URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8).equals(name)) {
          return java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
        }
      }
      return null;
    }

    @Override
    public jakarta.servlet.ServletInputStream getInputStream() {
      java.io.ByteArrayInputStream bytes = new java.io.ByteArrayInputStream(body);
      return new jakarta.servlet.ServletInputStream() {
        @Override
        public boolean isFinished() {
          return bytes.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(jakarta.servlet.ReadListener listener) {
          throw new UnsupportedOperationException("synchronous reads only");
        }

        @Override
        public int read() {
          return bytes.read();
        }
      };
    }

    @Override
    public java.io.BufferedReader getReader() {
      return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }

  /**
   * The response's status and redirect, as the rest of the chain set them; {@code failure} is asked
   * each time they change, before anything is sent, and counts a failed login once.
   */
  private static final class Status extends HttpServletResponseWrapper {
    int code = 200;
    String location;
    boolean failureCounted;
    private final java.util.function.Predicate<Status> failure;

    Status(HttpServletResponse response, java.util.function.Predicate<Status> failure) {
      super(response);
      this.failure = failure;
    }

    private void decided() {
      if (!failureCounted) {
        failureCounted = failure.test(this);
      }
    }

    @Override
    public void setStatus(int sc) {
      code = sc;
      decided();
      super.setStatus(sc);
    }

    @Override
    public void sendError(int sc) throws IOException {
      code = sc;
      decided();
      super.sendError(sc);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
      code = sc;
      decided();
      super.sendError(sc, msg);
    }

    @Override
    public void sendRedirect(String target) throws IOException {
      code = 302;
      location = target;
      decided();
      super.sendRedirect(target);
    }

    @Override
    public void setHeader(String name, String value) {
      if ("Location".equalsIgnoreCase(name)) {
        location = value;
        decided();
      }
      super.setHeader(name, value);
    }
  }
}
