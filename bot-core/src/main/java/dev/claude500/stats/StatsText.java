package dev.claude500.stats;

import dev.claude500.chat.Text;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes a {@link StatsReport} as a short platform-neutral table, one fact a line. */
public final class StatsText {
  /** Incidents listed at most; the rest are counted. */
  static final int MAX_INCIDENTS = 5;

  private StatsText() {}

  /** Returns the report as text. */
  public static Text of(StatsReport r) {
    Text.Builder b = Text.builder()
        .strong("Team stats, last " + r.window().days() + " days")
        .plain(" (" + LocalDate.ofInstant(r.from(), ZoneOffset.UTC) + " to "
            + LocalDate.ofInstant(r.to(), ZoneOffset.UTC) + " UTC)").newline();
    if (r.triages() == 0) {
      b.plain("No triages in the last " + r.window().days() + " days here.").newline();
    } else {
      b.strong("Triages: ").plain(r.triages() + "; by branch: ").plain(counts(r.byBranch())).newline();
      b.strong("Outcomes: ").plain(counts(r.byOutcome())).newline();
      b.strong("Median time to first move: ").plain(r.toFirstMove().map(StatsText::duration).orElse("none yet"))
          .plain("; to resolution: ").plain(r.toResolution().map(StatsText::duration).orElse("none yet")).newline();
      b.strong("Escalations: ").plain(Integer.toString(r.escalations())).newline();
      incidents(b, r);
    }
    b.strong("Incident minutes on the status page: ");
    if (r.incidentMinutes().isEmpty()) {
      b.plain("none in this window (as far as the page's recent incidents go)");
    } else {
      b.plain(r.incidentMinutes().entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + " min")
          .collect(Collectors.joining(", ")));
    }
    return b.build();
  }

  private static void incidents(Text.Builder b, StatsReport r) {
    b.strong("Incidents that hit the team: ");
    if (r.incidentsHit().isEmpty()) {
      b.plain("none").newline();
      return;
    }
    b.newline();
    r.incidentsHit().stream().limit(MAX_INCIDENTS).forEach(hit -> b.plain("• ").link(hit.name(), hit.link())
        .plain(": " + hit.people() + (hit.people() == 1 ? " person, " : " people, ") + hit.triages()
            + (hit.triages() == 1 ? " triage" : " triages")).newline());
    if (r.incidentsHit().size() > MAX_INCIDENTS) {
      b.plain("• and " + (r.incidentsHit().size() - MAX_INCIDENTS) + " more").newline();
    }
  }

  private static String counts(Map<String, Integer> counts) {
    return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
  }

  /** Returns a duration as people read it: {@code 45s}, {@code 3m 20s}, {@code 2h 5m}, {@code 3d 4h}. */
  static String duration(Duration d) {
    long s = Math.max(0, d.getSeconds());
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return (s / 60) + "m" + (s % 60 == 0 ? "" : " " + (s % 60) + "s");
    }
    if (s < 86_400) {
      return (s / 3600) + "h" + ((s % 3600) / 60 == 0 ? "" : " " + (s % 3600) / 60 + "m");
    }
    return (s / 86_400) + "d" + ((s % 86_400) / 3600 == 0 ? "" : " " + (s % 86_400) / 3600 + "h");
  }
}
