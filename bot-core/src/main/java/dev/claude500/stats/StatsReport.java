package dev.claude500.stats;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A team's numbers over a window: what {@code stats} shows and its chart draws.
 *
 * @param workspace the workspace or server counted
 * @param window the window asked for
 * @param from the window's start
 * @param to its end (when it was computed)
 * @param triages how many triages started in the window
 * @param byBranch triages per branch reached, most first ({@link #NO_BRANCH} for none yet)
 * @param byOutcome triages per outcome, most first ({@link #OPEN} for those not ended)
 * @param toFirstMove the median time from start to the first move, when any triage made one
 * @param toResolution the median time from start to resolution (the same path works again), when any did
 * @param escalations how many handed over the escalation report
 * @param incidentsHit the page's incidents the team's triages ran into, most people first
 * @param incidentMinutes per component, minutes of the page's incidents within the window, most first
 * @param days per day (UTC) of the window, triages started per branch
 * @param spans the page's incidents within the window, for shading
 */
public record StatsReport(
    String workspace,
    StatsWindow window,
    Instant from,
    Instant to,
    int triages,
    Map<String, Integer> byBranch,
    Map<String, Integer> byOutcome,
    Optional<Duration> toFirstMove,
    Optional<Duration> toResolution,
    int escalations,
    List<IncidentHit> incidentsHit,
    Map<String, Long> incidentMinutes,
    List<Day> days,
    List<IncidentSpan> spans) {
  /** The branch name of triages that reached none yet. */
  public static final String NO_BRANCH = "no branch yet";
  /** The outcome name of triages not ended. */
  public static final String OPEN = "open";

  /** Validates and copies (the maps keep their order). */
  public StatsReport {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    byBranch = OrderedMaps.copy(byBranch);
    byOutcome = OrderedMaps.copy(byOutcome);
    Objects.requireNonNull(toFirstMove, "toFirstMove");
    Objects.requireNonNull(toResolution, "toResolution");
    incidentsHit = List.copyOf(incidentsHit);
    incidentMinutes = OrderedMaps.copy(incidentMinutes);
    days = List.copyOf(days);
    spans = List.copyOf(spans);
  }

  /**
   * An incident of the page that the team's triages ran into.
   *
   * @param id its id
   * @param name its title (its id when the page no longer lists it)
   * @param link its public page
   * @param people how many people's triages found it
   * @param triages how many triages found it
   */
  public record IncidentHit(String id, String name, String link, int people, int triages) {}

  /**
   * One day of the window.
   *
   * @param day the day (UTC)
   * @param byBranch triages started that day per branch, in the report's branch order
   */
  public record Day(LocalDate day, Map<String, Integer> byBranch) {
    /** Copies, keeping the order. */
    public Day {
      byBranch = OrderedMaps.copy(byBranch);
    }
  }

  /**
   * One incident of the page, as a span of time within the window.
   *
   * @param name its title
   * @param start when it started (or the window's start)
   * @param end when it was resolved (or the window's end)
   */
  public record IncidentSpan(String name, Instant start, Instant end) {}
}
