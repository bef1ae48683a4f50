package dev.claude500.bench;

import java.util.Locale;

/** Formats measurements for the table. */
final class Units {
  private Units() {}

  /** Returns nanoseconds as milliseconds, e.g. {@code 1.27 ms}, or seconds from 10 s on. */
  static String nanos(double nanos) {
    double ms = nanos / 1e6;
    if (ms >= 10_000) {
      return String.format(Locale.ROOT, "%.1f s", ms / 1000);
    }
    if (ms >= 100) {
      return String.format(Locale.ROOT, "%.0f ms", ms);
    }
    return String.format(Locale.ROOT, ms >= 10 ? "%.1f ms" : "%.2f ms", ms);
  }

  /** Returns nanoseconds as seconds with two decimals, e.g. {@code 2.41 s}. */
  static String seconds(double nanos) {
    return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
  }

  /** Returns a byte count in MiB, e.g. {@code 183 MiB}. */
  static String mebibytes(double bytes) {
    return String.format(Locale.ROOT, "%.0f MiB", bytes / (1024 * 1024));
  }

  /** Returns a byte count in MB of 10^6 bytes, e.g. {@code 191 MB}. */
  static String megabytes(double bytes) {
    return String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
  }

  /** Returns a byte count in KiB with two decimals, e.g. {@code 1.62 KiB}. */
  static String kibibytes(double bytes) {
    return String.format(Locale.ROOT, "%.2f KiB", bytes / 1024);
  }

  /** Returns a ratio, e.g. {@code 2.4×}. */
  static String ratio(double r) {
    return String.format(Locale.ROOT, "%.1f×", r);
  }

  /** Returns a count with thousands separators, e.g. {@code 41,200}. */
  static String count(double n) {
    return String.format(Locale.ROOT, "%,.0f", n);
  }
}
