package io.aftercare.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/** Identical requests fired at the same moment, as a race test needs them. */
public final class Race {

  private Race() {}

  /** Fires the request {@code racers} times at once; counts the answers by status; a 5xx fails at once. */
  public static Map<Integer, Integer> fire(int racers, Supplier<Http.Response> request) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Http.Response>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < racers; i++) {
        Callable<Http.Response> racer = () -> {
          start.await();
          return request.get();
        };
        answers.add(pool.submit(racer));
      }
      start.countDown();
      Map<Integer, Integer> statuses = new TreeMap<>();
      for (Future<Http.Response> answer : answers) {
        Http.Response response = answer.get();
        statuses.merge(response.status(), 1, Integer::sum);
        if (response.status() >= 500) {
          throw new AssertionError("a racer got " + response.status() + ": " + response.body());
        }
      }
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }
}
