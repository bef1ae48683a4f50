package dev.claude500.bench;

import java.util.Objects;

/**
 * One row of the results table.
 *
 * @param name what was measured, and how many samples
 * @param median the median, formatted, or empty
 * @param p99 the 99th percentile, formatted, or empty
 * @param result the other facts measured (counts, totals, ratios), or empty
 * @param target the target the issue sets, or empty
 * @param verdict whether the target was met
 */
record Figure(String name, String median, String p99, String result, String target, Verdict verdict) {
  /** Whether a target was met. */
  enum Verdict {
    /** The target was met. */
    MET,
    /** The target was missed, or the figure could not be measured. */
    MISSED,
    /** There is no target for this figure. */
    NONE;

    /** Returns MET when {@code ok}, else MISSED. */
    static Verdict of(boolean ok) {
      return ok ? MET : MISSED;
    }
  }

  /** Validates. */
  Figure {
    Objects.requireNonNull(name, "name");
    median = median == null ? "" : median;
    p99 = p99 == null ? "" : p99;
    result = result == null ? "" : result;
    target = target == null ? "" : target;
    Objects.requireNonNull(verdict, "verdict");
  }

  /** Returns a row saying a figure could not be measured, and why. */
  static Figure failed(String name, String target, Throwable why) {
    String message = why.getMessage() == null ? why.toString() : why.getMessage();
    return new Figure(name, "", "", "not measured: " + message.lines().findFirst().orElse(""), target, Verdict.MISSED);
  }
}
