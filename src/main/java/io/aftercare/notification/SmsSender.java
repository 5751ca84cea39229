package io.aftercare.notification;

import java.net.http.HttpClient;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * SMS through the HTTP gateway at {@code aftercare.notification.sms.url}: POST JSON
 * {@code {to, text, reference}}, where reference is the idempotency key so that the gateway can
 * drop a repeat. Any non-2xx answer or time-out is a failed attempt.
 */
@Component
class SmsSender implements ChannelSender {

  private final NotificationSettings settings;
  private final RestClient client;

  SmsSender(NotificationSettings settings, RestClient.Builder builder) {
    this.settings = settings;
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
        .connectTimeout(settings.sms().timeout()).build());
    requests.setReadTimeout(settings.sms().timeout());
    this.client = builder.requestFactory(requests).build();
  }

  @Override
  public Channel channel() {
    return Channel.SMS;
  }

  @Override
  public boolean configured() {
    return settings.sms().url() != null && !settings.sms().url().isBlank();
  }

  @Override
  public void send(Notification notification) {
    String text = notification.subject() == null || notification.subject().isBlank()
        ? notification.body() : notification.subject() + "\n" + notification.body();
    client.post().uri(settings.sms().url()).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("to", notification.recipient(), "text", text,
            "reference", notification.idempotencyKey()))
        .retrieve().toBodilessEntity();
  }
}
