package io.aftercare.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.support.AftercareIT;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Case numbers stay unique when many requests (or nodes) take them at once. */
@AftercareIT
class CaseNumbersIT {

  @Autowired
  CaseFiles cases;

  @Autowired
  com.zaxxer.hikari.HikariDataSource applicationPool;

  /**
   * More requests at once than the application's pool has connections: each holds one of them
   * while it takes its number (on the counters' own connections), so none waits for a second.
   */
  @Test
  void concurrentCasesGetDistinctNumbersInTheYearFormat() throws Exception {
    int threads = applicationPool.getMaximumPoolSize() + 14;
    Set<String> numbers = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        work.add(pool.submit(() -> {
          for (int i = 0; i < 5; i++) {
            numbers.add(cases.open(null));
          }
        }));
      }
      for (Future<?> f : work) {
        // before the counters had their own connections, this waited for the pool's 30 s timeout and failed
        f.get(20, java.util.concurrent.TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdown();
    }

    assertThat(numbers).hasSize(threads * 5).allMatch(n -> n.matches("AC-\\d{4}-\\d{6}"));
    assertThat(numbers).allMatch(cases::exists);
  }

  @Test
  void numberHasSixDigitsAndGrowsBeyond() {
    assertThat(CaseNumbers.format("AC", 2026, 123)).isEqualTo("AC-2026-000123");
    assertThat(CaseNumbers.format("AC", 2027, 1_000_000)).isEqualTo("AC-2027-1000000");
  }
}
