package io.aftercare.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the payment gateway and the fulfilment service (third parties that cannot run
 * here), as they behave: POST /payments/refunds and /fulfilment/shipments with an Idempotency-Key;
 * the same key gives the same reference and no second refund or shipment. It can fail the next
 * calls with 503 before doing anything, or do the work and then answer 500 (a lost answer).
 */
public final class PartnerStub implements AutoCloseable {

  /** One request as received. */
  public record Call(String path, String idempotencyKey, String body, int status) {}

  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  /** Refunds and shipments done, by idempotency key. */
  private final Map<String, String> refunds = new ConcurrentHashMap<>();
  private final Map<String, String> shipments = new ConcurrentHashMap<>();
  private final AtomicInteger refuse = new AtomicInteger();
  private final AtomicInteger loseAnswer = new AtomicInteger();

  /** On the given port; 0 for any free one. */
  public PartnerStub(int port) {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/payments/refunds", exchange -> handle(exchange, refunds, "refundId", "RF-"));
    server.createContext("/fulfilment/shipments", exchange -> handle(exchange, shipments, "shipmentId", "SH-"));
    server.start();
  }

  private void handle(HttpExchange exchange, Map<String, String> done, String field, String prefix) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
    int status;
    String answer = "";
    if (key == null || key.isBlank()) {
      status = 400;
    } else if (refuse.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
      status = 503;
    } else {
      String reference = done.computeIfAbsent(key, k -> prefix + (done.size() + 1));
      boolean lose = loseAnswer.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
      status = lose ? 500 : 200;
      answer = lose ? "" : "{\"" + field + "\":\"" + reference + "\",\"status\":\"accepted\"}";
    }
    calls.add(new Call(exchange.getRequestURI().getPath(), key, body, status));
    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The next {@code count} calls are refused with 503, before any work. */
  public void refuseNext(int count) {
    refuse.set(count);
  }

  /** The next {@code count} calls do the work but answer 500, as if the answer got lost. */
  public void loseNextAnswers(int count) {
    loseAnswer.set(count);
  }

  public List<Call> calls() {
    return calls;
  }

  /** Refunds done, by idempotency key (RMA number). */
  public Map<String, String> refunds() {
    return refunds;
  }

  public Map<String, String> shipments() {
    return shipments;
  }

  public void reset() {
    refuse.set(0);
    loseAnswer.set(0);
    calls.clear();
    refunds.clear();
    shipments.clear();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
