package dev.claude500.stats;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How far back {@code stats} looks: the last 7, 30 or 90 days (30 by default). */
public enum StatsWindow {
  /** The last 7 days. */
  DAYS_7("7d", 7),
  /** The last 30 days: the default. */
  DAYS_30("30d", 30),
  /** The last 90 days: the longest, as long as triage records are kept. */
  DAYS_90("90d", 90);

  /** The window {@code stats} takes when none is named. */
  public static final StatsWindow DEFAULT = DAYS_30;

  private final String word;
  private final int days;

  StatsWindow(String word, int days) {
    this.word = word;
    this.days = days;
  }

  /** Returns the word typed for it ({@code 30d}). */
  public String word() {
    return word;
  }

  /** Returns its length in days. */
  public int days() {
    return days;
  }

  /** Returns its length. */
  public Duration length() {
    return Duration.ofDays(days);
  }

  /** Returns the window a word names, in any case. */
  public static Optional<StatsWindow> named(String word) {
    String w = word == null ? "" : word.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(v -> v.word.equals(w)).findFirst();
  }

  /** Returns the words of every window, for messages: {@code 7d, 30d or 90d}. */
  public static String allowedWords() {
    String all = Arrays.stream(values()).map(v -> "`" + v.word + "`").collect(Collectors.joining(", "));
    int last = all.lastIndexOf(", ");
    return all.substring(0, last) + " or " + all.substring(last + 2);
  }
}
