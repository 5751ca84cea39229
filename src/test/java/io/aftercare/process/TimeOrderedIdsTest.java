package io.aftercare.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The engine's ids: UUIDs of version 7 whose text sorts in the order they were made, unique across threads and nodes. */
class TimeOrderedIdsTest {

  private static final long NOW = Instant.parse("2026-12-01T10:15:30.123Z").toEpochMilli();

  @Test
  void anIdIsAVersion7UuidThatStartsWithItsMillisecond() {
    String id = new TimeOrderedIds(() -> NOW, 42).getNextId();

    UUID uuid = UUID.fromString(id);
    assertThat(uuid.version()).isEqualTo(7);
    assertThat(uuid.variant()).isEqualTo(2);
    assertThat(id).hasSize(36);
    // 2026-12-01T10:15:30.123Z is 1,796,120,130,123 ms after 1970, 0x01a2311a324b; then the version
    assertThat(id).startsWith("01a2311a-324b-7");
    assertThat(millis(id)).isEqualTo(1_796_120_130_123L);
  }

  @Test
  void idsSortAsTextInTheOrderTheyWereMadeWithinAMillisecondAndAcrossIt() {
    AtomicLong clock = new AtomicLong(NOW);
    TimeOrderedIds ids = new TimeOrderedIds(clock::get, 42);
    List<String> made = new ArrayList<>();
    // 4,096 ids in one millisecond fill its counter; the 4,097th takes the next millisecond
    for (int i = 0; i < 4_097; i++) {
      made.add(ids.getNextId());
    }
    assertThat(made).isSorted().doesNotHaveDuplicates();
    assertThat(millis(made.get(4_095))).isEqualTo(NOW);
    assertThat(millis(made.get(4_096))).isEqualTo(NOW + 1);

    // the clock moves on: the counter starts again at the new millisecond
    clock.set(NOW + 10);
    String later = ids.getNextId();
    assertThat(millis(later)).isEqualTo(NOW + 10);
    assertThat(later.substring(15, 18)).isEqualTo("000");
    assertThat(later).isGreaterThan(made.get(4_096));

    // the clock is set back a second (NTP): ids go on increasing, never repeat
    clock.set(NOW - 1_000);
    String afterSetBack = ids.getNextId();
    assertThat(afterSetBack).isGreaterThan(later);
    assertThat(millis(afterSetBack)).isEqualTo(NOW + 10);
  }

  @Test
  void twoNodesMakingIdsInTheSameMillisecondMakeDifferentOnes() {
    String first = new TimeOrderedIds(() -> NOW, 1).getNextId();
    String second = new TimeOrderedIds(() -> NOW, 2).getNextId();
    assertThat(first).isNotEqualTo(second);
    assertThat(first.substring(0, 18)).isEqualTo(second.substring(0, 18));
    // the default generator draws its node bits at random
    assertThat(new TimeOrderedIds().getNextId().substring(19)).isNotEqualTo(new TimeOrderedIds().getNextId().substring(19));
  }

  @Test
  void threadsSharingAGeneratorNeverGetTheSameId() throws Exception {
    TimeOrderedIds ids = new TimeOrderedIds();
    Set<String> seen = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> running = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      running.add(pool.submit(() -> {
        for (int i = 0; i < 50_000; i++) {
          seen.add(ids.getNextId());
        }
      }));
    }
    for (Future<?> future : running) {
      future.get();
    }
    pool.shutdown();
    assertThat(seen).hasSize(200_000);
  }

  private static long millis(String id) {
    return Long.parseLong(id.substring(0, 8) + id.substring(9, 13), 16);
  }
}
