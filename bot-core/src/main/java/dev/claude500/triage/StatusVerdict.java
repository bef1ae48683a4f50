package dev.claude500.triage;

import dev.claude500.status.Component;
import dev.claude500.status.ComponentState;
import dev.claude500.status.ComponentStatus;
import dev.claude500.status.Impact;
import dev.claude500.status.Incident;
import dev.claude500.status.IncidentView;
import dev.claude500.status.KnownComponents;
import dev.claude500.status.StatusIndicator;
import dev.claude500.status.StatusSnapshot;
import dev.claude500.status.Summary;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The answer to "is the status page red for these components?".
 *
 * @param result {@code red}, {@code green} or {@code unknown}
 * @param indicator the page's indicator
 * @param incident the open incident that makes it red, if one does
 * @param unrelated other open incidents, for mention
 * @param componentNames the names of the components looked at
 * @param asOf when the data was fetched, if ever
 * @param problem why the page could not be read, when it could not
 */
record StatusVerdict(
    String result,
    StatusIndicator indicator,
    Optional<IncidentView> incident,
    List<IncidentView> unrelated,
    List<String> componentNames,
    Optional<Instant> asOf,
    Optional<String> problem) {
  static final String RED = "red";
  static final String GREEN = "green";
  static final String UNKNOWN = "unknown";

  /**
   * Assesses a snapshot. Data older than {@code maxAge} counts as unknown: the person is asked
   * rather than told something that may no longer be true.
   */
  static StatusVerdict assess(StatusSnapshot snapshot, List<String> componentIds, Instant now,
      Duration maxAge) {
    Optional<Summary> summary = snapshot.summary();
    boolean tooOld = snapshot.asOf().map(t -> t.plus(maxAge).isBefore(now)).orElse(true);
    if (summary.isEmpty() || tooOld) {
      String why = snapshot.problem().orElse("no answer from the page yet");
      return new StatusVerdict(UNKNOWN, summary.map(s -> s.status().indicator())
          .orElse(StatusIndicator.UNKNOWN), Optional.empty(), List.of(), List.of(), snapshot.asOf(),
          Optional.of(why));
    }
    Summary s = summary.get();
    List<Incident> open = s.incidents().stream()
        .filter(Incident::isOpen).filter(i -> !i.isMaintenance()).toList();
    List<Incident> touching = open.stream()
        .filter(i -> componentIds.isEmpty() || componentIds.stream().anyMatch(i::touches))
        .sorted(Comparator.comparing((Incident i) -> severity(i.impact())).reversed())
        .toList();
    boolean componentDown = s.components().stream()
        .filter(c -> componentIds.contains(c.id()))
        .anyMatch(c -> c.status() != ComponentStatus.OPERATIONAL);
    boolean pageDown = s.status().indicator() == StatusIndicator.MAJOR
        || s.status().indicator() == StatusIndicator.CRITICAL;
    List<String> names = componentIds.stream().map(id -> currentName(s, id, id)).toList();
    Optional<IncidentView> incident = touching.stream().findFirst().map(i -> namedNow(i, s));
    if (incident.isEmpty() && pageDown) {
      incident = open.stream().max(Comparator.comparing((Incident i) -> severity(i.impact())))
          .map(i -> namedNow(i, s));
    }
    boolean red = !touching.isEmpty() || componentDown || pageDown;
    String incidentId = incident.map(IncidentView::id).orElse("");
    List<IncidentView> unrelated = open.stream().filter(i -> !i.id().equals(incidentId))
        .map(IncidentView::of).toList();
    return new StatusVerdict(red ? RED : GREEN, s.status().indicator(), incident, unrelated, names,
        snapshot.asOf(), Optional.empty());
  }

  /**
   * Returns an incident's view with its components under their names of today: an incident keeps
   * the names they had when it was written, and names change (match by id, show by name).
   */
  private static IncidentView namedNow(Incident incident, Summary page) {
    IncidentView v = IncidentView.of(incident);
    List<ComponentState> renamed = v.components().stream()
        .map(c -> new ComponentState(c.id(), currentName(page, c.id(), c.name()), c.status()))
        .toList();
    return new IncidentView(v.id(), v.name(), v.status(), v.impact(), renamed, v.latest(), v.link(),
        v.startedAt(), v.resolvedAt(), v.maintenance());
  }

  /** Returns a component's name on the page, else its last known name, else {@code otherwise}. */
  private static String currentName(Summary page, String id, String otherwise) {
    return page.component(id).map(Component::name)
        .or(() -> KnownComponents.name(id))
        .orElse(otherwise);
  }

  private static int severity(Impact impact) {
    switch (impact) {
      case CRITICAL:
        return 4;
      case MAJOR:
        return 3;
      case MINOR:
        return 2;
      case NONE:
        return 1;
      default:
        return 0;
    }
  }
}
