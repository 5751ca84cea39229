package io.aftercare.returns;

import java.net.http.HttpClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Calls the payment gateway and the fulfilment service: POST JSON with an {@code Idempotency-Key}
 * header (the RMA number), so that a step retried after a lost answer refunds or ships once. Any
 * non-2xx answer, a time-out or an answer without the expected reference throws: the engine
 * retries the step and, after the last retry, shows an incident.
 */
@Component
class PartnerClient {

  private final RestClient.Builder builder;
  /** One client (and connection pool) per partner, made at its first call. */
  private final Map<ReturnSettings.Partner, RestClient> clients = new ConcurrentHashMap<>();

  PartnerClient(RestClient.Builder builder) {
    this.builder = builder;
  }

  private RestClient client(ReturnSettings.Partner partner) {
    return clients.computeIfAbsent(partner, p -> {
      JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
          .connectTimeout(p.timeout()).build());
      requests.setReadTimeout(p.timeout());
      return builder.clone().requestFactory(requests).build();
    });
  }

  /** Posts to {@code partner.url + path} and returns the reference named {@code referenceField} of the answer. */
  String post(String name, ReturnSettings.Partner partner, String path, String idempotencyKey,
      Map<String, Object> body, String referenceField) {
    if (partner.url().isBlank()) {
      throw new IllegalStateException("No " + name + " is configured (aftercare.returns." + name + ".url)");
    }
    Map<String, Object> answer = client(partner).post()
        .uri(partner.url() + path)
        .contentType(MediaType.APPLICATION_JSON)
        .accept(MediaType.APPLICATION_JSON)
        .header("Idempotency-Key", idempotencyKey)
        .body(body)
        .retrieve()
        .body(new ParameterizedTypeReference<Map<String, Object>>() {});
    Object reference = answer == null ? null : answer.get(referenceField);
    if (reference == null || reference.toString().isBlank()) {
      throw new IllegalStateException("The " + name + " answered without '" + referenceField + "' for "
          + idempotencyKey);
    }
    return reference.toString();
  }
}
