package io.aftercare.notification;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Whether the outside systems Aftercare talks to answer — the SMTP server, the SMS gateway, the
 * payment gateway and the fulfilment service — as the {@code outsideSystems} component of
 * {@code /actuator/health}: WARNING (HTTP 200) with which one does not answer, never DOWN. An
 * outside system failing makes messages wait and steps retry; it must not make a load balancer or
 * the container's health check pull a node that still serves every case. Readiness and liveness
 * ({@code /actuator/health/readiness}, {@code /liveness}) leave it out altogether.
 */
@Component("outsideSystemsHealthIndicator")
class OutsideSystemsHealth implements HealthIndicator {

  static final Status WARNING = new Status("WARNING");
  private static final Duration CONNECT = Duration.ofSeconds(2);

  private final Map<String, String> endpoints = new LinkedHashMap<>();

  OutsideSystemsHealth(@Value("${spring.mail.host:}") String smtpHost, @Value("${spring.mail.port:25}") int smtpPort,
      NotificationSettings settings, @Value("${aftercare.returns.payment.url:}") String payment,
      @Value("${aftercare.returns.fulfilment.url:}") String fulfilment) {
    if (!smtpHost.isBlank()) {
      endpoints.put("smtp", smtpHost + ":" + smtpPort);
    }
    hostPort(settings.sms().url()).ifPresent(address -> endpoints.put("sms", address));
    hostPort(payment).ifPresent(address -> endpoints.put("payment", address));
    hostPort(fulfilment).ifPresent(address -> endpoints.put("fulfilment", address));
  }

  /** The last check and when it was made: checked at most every 30 s, so that health answers at once. */
  private volatile Health last;
  private volatile long lastAt;

  @Override
  public Health health() {
    long now = System.currentTimeMillis();
    if (last == null || now - lastAt > 30_000) {
      last = check();
      lastAt = now;
    }
    return last;
  }

  private Health check() {
    Map<String, Object> details = new LinkedHashMap<>();
    boolean all = true;
    for (Map.Entry<String, String> endpoint : endpoints.entrySet()) {
      String state = answers(endpoint.getValue()) ? "answers" : "does not answer";
      all &= state.equals("answers");
      details.put(endpoint.getKey(), endpoint.getValue() + " " + state);
    }
    if (endpoints.isEmpty()) {
      details.put("note", "no outside system is set up (demo mode): messages wait, refunds retry");
    }
    return Health.status(all ? Status.UP : WARNING).withDetails(details).build();
  }

  private static boolean answers(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1))),
          (int) CONNECT.toMillis());
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  private static java.util.Optional<String> hostPort(String url) {
    if (url == null || url.isBlank()) {
      return java.util.Optional.empty();
    }
    try {
      URI uri = URI.create(url);
      int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
      return uri.getHost() == null ? java.util.Optional.empty() : java.util.Optional.of(uri.getHost() + ":" + port);
    } catch (IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }
}
