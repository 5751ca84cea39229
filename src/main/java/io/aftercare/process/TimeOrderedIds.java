package io.aftercare.process;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.springframework.stereotype.Component;

/**
 * The ids of the engine's rows, in the order they are made: UUIDs of version 7 (RFC 9562), whose
 * text starts with the time in milliseconds, in place of Camunda's time-based UUIDs of version 1,
 * whose text starts with the fastest-changing part of the time.
 * <p>
 * Every history table is indexed by id, process instance, execution, activity instance, ...
 * With version-1 ids each row lands at a random place of each of those indexes: once a year of
 * history no longer fits in the database's memory, every insert reads and rewrites a page of
 * each. IntakeBenchmark on a million cases (README "Benchmarks") showed the history inserts
 * 2.4–3.8 times as slow as on an empty database. With ids in time order the rows of today land
 * at the end of each index, where the pages are in memory, however old the history grows.
 * <p>
 * Layout: 48 bits of Unix milliseconds, the version (7), 12 bits of a counter within the
 * millisecond, the variant, and 62 bits drawn once per generator from {@link SecureRandom}. One
 * generator's ids are strictly increasing (a millisecond's 4,097th id, or a clock set back, moves
 * the time on by one instead of repeating); two nodes' ids differ in their random bits.
 */
@Component
public class TimeOrderedIds implements IdGenerator {

  private static final long VERSION = 0x7000L;
  private static final long VARIANT = 0x8000_0000_0000_0000L;

  private final LongSupplier clock;
  private final long node;
  /** The last id's milliseconds and counter: {@code millis << 12 | counter}. */
  private final AtomicLong last = new AtomicLong();

  public TimeOrderedIds() {
    this(System::currentTimeMillis, new SecureRandom().nextLong());
  }

  TimeOrderedIds(LongSupplier clock, long node) {
    this.clock = clock;
    this.node = VARIANT | (node & 0x3FFF_FFFF_FFFF_FFFFL);
  }

  @Override
  public String getNextId() {
    long now = clock.getAsLong() << 12;
    // every insert asks: a compare-and-set loop, no lambda made per id
    long previous;
    long stamp;
    do {
      previous = last.get();
      stamp = Math.max(previous + 1, now);
    } while (!last.compareAndSet(previous, stamp));
    long millis = stamp >>> 12;
    long counter = stamp & 0xFFF;
    return new UUID(millis << 16 | VERSION | counter, node).toString();
  }
}
