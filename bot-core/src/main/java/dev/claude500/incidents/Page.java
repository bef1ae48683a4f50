package dev.claude500.incidents;

import dev.claude500.status.Component;
import dev.claude500.status.ComponentStatus;
import dev.claude500.status.Incident;
import dev.claude500.status.IncidentUpdate;
import dev.claude500.status.Summary;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The page as one poll read it: the incidents (the recent list, plus any unresolved one the
 * summary has that the list lacks) and the summary.
 *
 * @param incidents every incident, oldest first (ties by id)
 * @param summary the summary
 * @param fetchedAt when it was read
 */
record Page(List<Incident> incidents, Summary summary, Instant fetchedAt) {
  Page {
    incidents = List.copyOf(incidents);
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(fetchedAt, "fetchedAt");
  }

  /** Returns the page made of the recent incidents and the summary. */
  static Page of(List<Incident> recent, Summary summary, Instant fetchedAt) {
    Map<String, Incident> byId = new LinkedHashMap<>();
    Stream.concat(summary.incidents().stream(), recent.stream())
        .filter(i -> i.id() != null)
        .forEach(i -> byId.put(i.id(), i)); // the recent list's copy wins
    List<Incident> sorted = byId.values().stream()
        .sorted(Comparator.comparing((Incident i) -> firstSeen(i)).thenComparing(Incident::id))
        .toList();
    return new Page(sorted, summary, fetchedAt);
  }

  /** Returns the incident with this id. */
  Optional<Incident> incident(String id) {
    return incidents.stream().filter(i -> i.id().equals(id)).findFirst();
  }

  /** Returns true when any incident is open. */
  boolean anyIncidentOpen() {
    return incidents.stream().anyMatch(Incident::isOpen);
  }

  /** Returns the current name of every component, by id. */
  Map<String, String> componentNames() {
    Map<String, String> names = new LinkedHashMap<>();
    summary.components().forEach(c -> names.put(c.id(), c.name()));
    return names;
  }

  /**
   * Returns true when no open incident touches any of these components and none of them is shown
   * in trouble: the page is green for them.
   */
  boolean greenFor(Collection<String> componentIds) {
    boolean incident = incidents.stream()
        .filter(Incident::isOpen)
        .anyMatch(i -> componentIds.stream().anyMatch(i::touches));
    boolean degraded = summary.components().stream()
        .filter(c -> componentIds.contains(c.id()))
        .map(Component::status)
        .anyMatch(s -> s != ComponentStatus.OPERATIONAL && s != ComponentStatus.UNKNOWN);
    return !incident && !degraded;
  }

  /** Returns when an incident last changed: its latest update, resolution or edit. */
  static Instant lastActivity(Incident i) {
    return Stream.concat(
            Stream.of(i.updatedAt(), i.resolvedAt(), i.createdAt()),
            i.incidentUpdates().stream().flatMap(u -> Stream.of(u.createdAt(), u.displayAt(), u.updatedAt())))
        .filter(Objects::nonNull)
        .max(Comparator.naturalOrder())
        .orElse(Instant.EPOCH);
  }

  /** Returns when an incident ended: its resolution time, else its last activity. */
  static Instant closedAt(Incident i) {
    return i.resolvedAt() != null ? i.resolvedAt() : lastActivity(i);
  }

  /** Returns an incident's updates in the order they are posted: display time, then id. */
  static List<IncidentUpdate> updatesInOrder(Incident i) {
    return i.incidentUpdates().stream()
        .filter(u -> u.id() != null)
        .sorted(Comparator.comparing((IncidentUpdate u) -> u.shownAt() == null ? Instant.EPOCH : u.shownAt())
            .thenComparing(IncidentUpdate::id))
        .toList();
  }

  private static Instant firstSeen(Incident i) {
    return i.createdAt() != null ? i.createdAt() : lastActivity(i);
  }
}
