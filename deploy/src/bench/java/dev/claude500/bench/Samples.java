package dev.claude500.bench;

import java.util.Arrays;
import java.util.Collection;

/** Measurements and their order statistics by nearest rank. Immutable. */
final class Samples {
  private final double[] sorted;

  private Samples(double[] values) {
    this.sorted = values.clone();
    Arrays.sort(sorted);
  }

  /** Returns the samples of these values. */
  static Samples of(Collection<? extends Number> values) {
    return new Samples(values.stream().mapToDouble(Number::doubleValue).toArray());
  }

  /** Returns the samples of these values. */
  static Samples of(double... values) {
    return new Samples(values);
  }

  /** Returns how many samples there are. */
  int count() {
    return sorted.length;
  }

  /** Returns the median (the 50th percentile by nearest rank). */
  double median() {
    return percentile(50);
  }

  /** Returns the 99th percentile by nearest rank (the largest sample when there are fewer than 100). */
  double p99() {
    return percentile(99);
  }

  /** Returns the largest sample. */
  double max() {
    return percentile(100);
  }

  /** Returns the smallest sample. */
  double min() {
    requireSamples();
    return sorted[0];
  }

  /** Returns the {@code p}th percentile, {@code 0 < p <= 100}, by nearest rank. */
  double percentile(double p) {
    requireSamples();
    if (!(p > 0 && p <= 100)) {
      throw new IllegalArgumentException("p must be in (0, 100], was " + p);
    }
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }

  private void requireSamples() {
    if (sorted.length == 0) {
      throw new IllegalStateException("no samples");
    }
  }
}
