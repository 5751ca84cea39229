package io.aftercare.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the third-party SMS gateway (which cannot run here): takes POST /sms, answers
 * 500 for the next {@link #failNext} requests, 202 after that, and keeps every body it got.
 */
public final class SmsGatewayStub implements AutoCloseable {

  private final HttpServer server;
  private final List<String> accepted = new CopyOnWriteArrayList<>();
  private final List<String> refused = new CopyOnWriteArrayList<>();
  private final AtomicInteger failures = new AtomicInteger();

  public SmsGatewayStub(int port) {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/sms", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      boolean fail = failures.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
      (fail ? refused : accepted).add(body);
      exchange.sendResponseHeaders(fail ? 500 : 202, -1);
      exchange.close();
    });
    server.start();
  }

  /** The next {@code count} requests fail with 500. */
  public void failNext(int count) {
    failures.set(count);
  }

  public List<String> accepted() {
    return accepted;
  }

  public List<String> refused() {
    return refused;
  }

  public void reset() {
    failures.set(0);
    accepted.clear();
    refused.clear();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
