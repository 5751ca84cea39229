package io.aftercare.sla;

import java.util.Arrays;

/**
 * Times to meet, in seconds, as a histogram whose medians and percentiles the reports read
 * without sorting a year of clocks. Below {@link #EXACT} seconds (34 minutes) every second is its
 * own bin; above, each power of two is cut into {@link #SUB_BINS} bins, so a bin is never wider
 * than 1/1024 of the values in it (a day's time to meet lands in a bin of 64 s). Histograms add
 * up: a period's is the sum of its days'.
 *
 * <p>A bin is written as its number ({@link #bin}); the daily roll-ups ({@link ClockRollups})
 * keep one per finished clock, separated by spaces.
 */
public final class ClockHistogram {

  /** Values below this are their own bin. */
  static final int EXACT = 2048;
  /** Bins per power of two above {@link #EXACT}. */
  static final int SUB_BINS = 1024;
  private static final int EXACT_BITS = 11;
  private static final int SUB_BITS = 10;

  private long[] counts = new long[EXACT + SUB_BINS];
  private long size;

  /** The bin of a time to meet (negative times count as 0). */
  public static int bin(long seconds) {
    long value = Math.max(0, seconds);
    if (value < EXACT) {
      return (int) value;
    }
    int exponent = 63 - Long.numberOfLeadingZeros(value);
    int sub = (int) ((value >> (exponent - SUB_BITS)) & (SUB_BINS - 1));
    return EXACT + (exponent - EXACT_BITS) * SUB_BINS + sub;
  }

  /** The smallest value of a bin. */
  static long lower(int bin) {
    if (bin < EXACT) {
      return bin;
    }
    int exponent = EXACT_BITS + (bin - EXACT) / SUB_BINS;
    long sub = (bin - EXACT) % SUB_BINS;
    return (SUB_BINS + sub) << (exponent - SUB_BITS);
  }

  /** How many values a bin holds: 1 below {@link #EXACT}, then 2, 4, … per power of two. */
  static long width(int bin) {
    return bin < EXACT ? 1 : 1L << ((bin - EXACT) / SUB_BINS + EXACT_BITS - SUB_BITS);
  }

  public void add(int bin, long count) {
    if (bin >= counts.length) {
      counts = Arrays.copyOf(counts, Math.max(bin + 1, counts.length * 2));
    }
    counts[bin] += count;
    size += count;
  }

  /** Adds the bins written as a roll-up keeps them: numbers separated by spaces (null or blank: none). */
  public void addAll(CharSequence bins) {
    if (bins == null) {
      return;
    }
    int value = -1;
    for (int i = 0, length = bins.length(); i <= length; i++) {
      char c = i < length ? bins.charAt(i) : ' ';
      if (c >= '0' && c <= '9') {
        value = (value < 0 ? 0 : value * 10) + (c - '0');
      } else {
        if (value >= 0) {
          add(value, 1);
        }
        value = -1;
      }
    }
  }

  public void addAll(ClockHistogram other) {
    for (int bin = 0; bin < other.counts.length; bin++) {
      if (other.counts[bin] != 0) {
        add(bin, other.counts[bin]);
      }
    }
  }

  public long size() {
    return size;
  }

  /**
   * The percentile as PostgreSQL's {@code percentile_cont} gives it (linear between the two
   * nearest ranks), with each value taken within its bin: exact below {@link #EXACT} seconds,
   * else off by less than the bin's width. Null when there are no values.
   */
  public Double percentile(double fraction) {
    if (size == 0) {
      return null;
    }
    double rank = fraction * (size - 1);
    long below = (long) Math.floor(rank);
    double lower = value(below);
    return below == rank ? lower : lower + (rank - below) * (value(below + 1) - lower);
  }

  /** The {@code rank}-th smallest value (from 0): the bin's own value, or spread evenly over a wider bin. */
  private double value(long rank) {
    long seen = 0;
    for (int bin = 0; bin < counts.length; bin++) {
      long count = counts[bin];
      if (rank < seen + count) {
        long width = width(bin);
        return width == 1 ? lower(bin) : lower(bin) + width * (rank - seen + 0.5) / count;
      }
      seen += count;
    }
    throw new IllegalArgumentException("rank " + rank + " of " + size);
  }
}
