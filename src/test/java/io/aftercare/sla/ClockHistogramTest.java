package io.aftercare.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClockHistogramTest {

  @Test
  void everyValueFallsInItsBinAndABinIsNeverWiderThanATenthOfAPercentOfItsValues() {
    Random random = new Random(1);
    for (int i = 0; i < 100_000; i++) {
      long value = i < 5000 ? i : (long) Math.exp(random.nextDouble() * Math.log(400L * 24 * 3600));
      int bin = ClockHistogram.bin(value);
      assertThat(ClockHistogram.lower(bin)).as("value %d", value).isLessThanOrEqualTo(value);
      assertThat(ClockHistogram.lower(bin) + ClockHistogram.width(bin)).as("value %d", value).isGreaterThan(value);
      assertThat(ClockHistogram.width(bin) * 1024).as("value %d", value).isLessThanOrEqualTo(Math.max(1024, value));
    }
    // the first bins above the exact ones, worked out: 2048 and 2049 share a bin 2 s wide; 4096 starts one 4 s wide
    assertThat(ClockHistogram.bin(2047)).isEqualTo(2047);
    assertThat(ClockHistogram.bin(2048)).isEqualTo(ClockHistogram.bin(2049)).isEqualTo(2048);
    assertThat(ClockHistogram.bin(2050)).isEqualTo(2049);
    assertThat(ClockHistogram.bin(4095)).isEqualTo(3071);
    assertThat(ClockHistogram.bin(4096)).isEqualTo(3072);
    assertThat(ClockHistogram.width(3072)).isEqualTo(4);
    assertThat(ClockHistogram.bin(-5)).isZero();
  }

  @Test
  void percentilesAreAsPercentileContWhereEverySecondHasItsBin() {
    // 10, 15 and 30 minutes: median 15, p90 15 + 0.8 × 15 = 27 minutes
    ClockHistogram histogram = new ClockHistogram();
    histogram.addAll("1800 600 900");
    assertThat(histogram.size()).isEqualTo(3);
    assertThat(histogram.percentile(0.5)).isEqualTo(900.0);
    assertThat(histogram.percentile(0.9)).isEqualTo(1620.0);
    assertThat(histogram.percentile(0.0)).isEqualTo(600.0);
    assertThat(histogram.percentile(1.0)).isEqualTo(1800.0);
    assertThat(new ClockHistogram().percentile(0.5)).isNull();
    ClockHistogram none = new ClockHistogram();
    none.addAll((String) null);
    none.addAll("  ");
    assertThat(none.size()).isZero();
  }

  @Test
  void percentilesOfLongTimesStayWithinTheirBinOfTheExactOnes() {
    Random random = new Random(7);
    for (int round = 0; round < 50; round++) {
      int n = 1 + random.nextInt(3000);
      double[] values = new double[n];
      ClockHistogram histogram = new ClockHistogram();
      ClockHistogram half = new ClockHistogram();
      for (int i = 0; i < n; i++) {
        long value = 30 + random.nextInt(30 * 24 * 3600);
        values[i] = value;
        (i % 2 == 0 ? histogram : half).add(ClockHistogram.bin(value), 1);
      }
      // histograms add up
      histogram.addAll(half);
      Arrays.sort(values);
      for (double fraction : new double[] {0.5, 0.9, 0.99}) {
        double rank = fraction * (n - 1);
        int below = (int) Math.floor(rank);
        double exact = below == rank ? values[below] : values[below] + (rank - below) * (values[below + 1] - values[below]);
        assertThat(histogram.percentile(fraction)).isCloseTo(exact, within(exact / 1024));
      }
    }
  }
}
