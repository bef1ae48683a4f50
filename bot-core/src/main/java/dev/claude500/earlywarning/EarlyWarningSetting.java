package dev.claude500.earlywarning;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When the early warning goes out: {@code threshold} triages failing on a green page in one workspace
 * within {@code window}; off when {@code on} is false.
 *
 * @param on false when early warnings are off
 * @param threshold how many triages make a cluster, 2 to {@value #MAX_THRESHOLD}
 * @param window how close together they must be, 1 minute to 24 hours
 */
public record EarlyWarningSetting(boolean on, int threshold, Duration window) {
  /** The most triages a threshold may ask for. */
  public static final int MAX_THRESHOLD = 1000;
  // before the constants below, which the constructor checks against these
  private static final Duration SHORTEST = Duration.ofMinutes(1);
  private static final Duration LONGEST = Duration.ofHours(24);
  /** The default, {@code 3/15m}. */
  public static final EarlyWarningSetting DEFAULT = new EarlyWarningSetting(true, 3, Duration.ofMinutes(15));
  /** Early warnings off. */
  public static final EarlyWarningSetting OFF = new EarlyWarningSetting(false, 3, Duration.ofMinutes(15));

  private static final Pattern FORM = Pattern.compile("(\\d{1,4})\\s*/\\s*(\\d{1,5})\\s*([smh])");

  /** Validates. */
  public EarlyWarningSetting {
    Objects.requireNonNull(window, "window");
    if (threshold < 2 || threshold > MAX_THRESHOLD) {
      throw new IllegalArgumentException("threshold must be 2 to " + MAX_THRESHOLD + ", was " + threshold);
    }
    if (window.compareTo(SHORTEST) < 0 || window.compareTo(LONGEST) > 0) {
      throw new IllegalArgumentException("window must be 1m to 24h, was " + window);
    }
  }

  /**
   * Reads {@code N/window} ({@code 3/15m}; the window in {@code s}, {@code m} or {@code h}) or
   * {@code off}.
   *
   * @throws IllegalArgumentException with a one-line message saying what is wrong
   */
  public static EarlyWarningSetting parse(String text) {
    Objects.requireNonNull(text, "text");
    String value = text.strip().toLowerCase(Locale.ROOT);
    if (value.equals("off")) {
      return OFF;
    }
    Matcher m = FORM.matcher(value);
    if (value.length() > 20 || !m.matches()) {
      throw new IllegalArgumentException("expected N/window like 3/15m (window in s, m or h) or off");
    }
    long amount = Long.parseLong(m.group(2));
    Duration window = switch (m.group(3)) {
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      default -> Duration.ofHours(amount);
    };
    return new EarlyWarningSetting(true, Integer.parseInt(m.group(1)), window);
  }

  @Override
  public String toString() {
    long s = window.toSeconds();
    return !on ? "off" : threshold + "/" + (s % 60 == 0 ? s / 60 + "m" : s + "s");
  }
}
