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

  @Test
  void concurrentCasesGetDistinctNumbersInTheYearFormat() throws Exception {
    Set<String> numbers = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        work.add(pool.submit(() -> {
          for (int i = 0; i < 25; i++) {
            numbers.add(cases.open(null));
          }
        }));
      }
      for (Future<?> f : work) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }

    assertThat(numbers).hasSize(200).allMatch(n -> n.matches("AC-\\d{4}-\\d{6}"));
    assertThat(numbers).allMatch(cases::exists);
  }

  @Test
  void numberHasSixDigitsAndGrowsBeyond() {
    assertThat(CaseNumbers.format("AC", 2026, 123)).isEqualTo("AC-2026-000123");
    assertThat(CaseNumbers.format("AC", 2027, 1_000_000)).isEqualTo("AC-2027-1000000");
  }
}
