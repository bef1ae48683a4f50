package dev.claude500.status;

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
 * summary has that the list lacks) and the summary. {@link StatusPoller} makes one per successful
 * read; the incident watcher diffs it against what was posted.
 *
 * @param incidents every incident, oldest first (ties by id)
 * @param summary the summary
 * @param readAt when it was read
 */
public record PageRead(List<Incident> incidents, Summary summary, Instant readAt) {
  /** Copies the incidents; validates the rest. */
  public PageRead {
    incidents = List.copyOf(incidents);
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(readAt, "readAt");
  }

  /** Returns the page made of the recent incidents and the summary (the recent list's copy of an incident wins). */
  public static PageRead of(List<Incident> recent, Summary summary, Instant readAt) {
    Map<String, Incident> byId = new LinkedHashMap<>();
    Stream.concat(summary.incidents().stream(), recent.stream())
        .filter(i -> i.id() != null)
        .forEach(i -> byId.put(i.id(), i));
    List<Incident> sorted = byId.values().stream()
        .sorted(Comparator.comparing(PageRead::firstSeen).thenComparing(Incident::id))
        .toList();
    return new PageRead(sorted, summary, readAt);
  }

  /** Returns the incident with this id. */
  public Optional<Incident> incident(String id) {
    return incidents.stream().filter(i -> i.id().equals(id)).findFirst();
  }

  /** Returns true when any incident is open. */
  public boolean anyIncidentOpen() {
    return incidents.stream().anyMatch(Incident::isOpen);
  }

  /** Returns the current name of every component, by id. */
  public Map<String, String> componentNames() {
    Map<String, String> names = new LinkedHashMap<>();
    summary.components().forEach(c -> names.put(c.id(), c.name()));
    return names;
  }

  /**
   * Returns true when no open incident touches any of these components and none of them is shown
   * in trouble: the page is green for them.
   */
  public boolean greenFor(Collection<String> componentIds) {
    boolean incident = incidents.stream()
        .filter(Incident::isOpen)
        .anyMatch(i -> componentIds.stream().anyMatch(i::touches));
    boolean degraded = summary.components().stream()
        .filter(c -> componentIds.contains(c.id()))
        .map(Component::status)
        .anyMatch(s -> s != ComponentStatus.OPERATIONAL && s != ComponentStatus.UNKNOWN);
    return !incident && !degraded;
  }

  private static Instant firstSeen(Incident i) {
    return i.createdAt() != null ? i.createdAt() : i.lastActivity();
  }
}
