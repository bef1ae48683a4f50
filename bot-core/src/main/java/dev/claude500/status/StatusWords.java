package dev.claude500.status;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Words and emoji for the page's states, shared by every renderer. */
public final class StatusWords {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private StatusWords() {}

  /** Returns an emoji for a component's state. */
  public static String emoji(ComponentStatus status) {
    switch (status) {
      case OPERATIONAL:
        return "🟢";
      case DEGRADED_PERFORMANCE:
        return "🟡";
      case PARTIAL_OUTAGE:
        return "🟠";
      case MAJOR_OUTAGE:
        return "🔴";
      case UNDER_MAINTENANCE:
        return "🔧";
      default:
        return "⚪";
    }
  }

  /** Returns an emoji for the page's indicator. */
  public static String emoji(StatusIndicator indicator) {
    switch (indicator) {
      case NONE:
        return "🟢";
      case MINOR:
        return "🟡";
      case MAJOR:
        return "🟠";
      case CRITICAL:
        return "🔴";
      case MAINTENANCE:
        return "🔧";
      default:
        return "⚪";
    }
  }

  /** Returns an emoji for an incident's impact: the indicator's colour, white for none. */
  public static String emoji(Impact impact) {
    return impact == Impact.NONE ? "⚪" : emoji(StatusIndicator.fromWire(impact.wire()));
  }

  /** Returns a time as people read it, e.g. "2026-04-15 14:55 UTC". */
  public static String time(Instant t) {
    return TIME.format(t);
  }

  /** Returns an age as people read it, e.g. "12 s", "4 min", "3 h". */
  public static String age(Duration d) {
    long s = Math.max(0, d.toSeconds());
    if (s < 120) {
      return s + " s";
    }
    if (s < 2 * 3600) {
      return s / 60 + " min";
    }
    if (s < 2 * 86400) {
      return s / 3600 + " h";
    }
    return s / 86400 + " days";
  }

  /** Returns "as of <time>, <age> old" for a view's data, or why there is none. */
  public static String freshness(StatusView view) {
    if (view.asOf().isEmpty()) {
      return "status unknown: the page could not be read" + view.problem().map(p -> " (" + p + ")").orElse("");
    }
    String s = "as of " + time(view.asOf().get()) + view.age().map(a -> ", " + age(a) + " old").orElse("");
    return view.fresh() ? s : s + "; the page is not answering now" + view.problem().map(p -> " (" + p + ")").orElse("");
  }
}
