package dev.claude500.status;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An incident or a scheduled maintenance (the page gives both the same shape).
 *
 * @param id the incident's id
 * @param name its title
 * @param status its current status word
 * @param impact its impact
 * @param createdAt when it was opened
 * @param updatedAt when it last changed
 * @param monitoringAt when it entered monitoring, or null
 * @param resolvedAt when it was resolved, or null
 * @param startedAt when it started, or null
 * @param shortlink the page's short link to it, or null
 * @param scheduledFor a maintenance's planned start, or null
 * @param scheduledUntil a maintenance's planned end, or null
 * @param incidentUpdates its updates, newest first as the page sends them
 * @param components the components it touches, as of now
 */
public record Incident(
    String id,
    String name,
    IncidentStatus status,
    Impact impact,
    Instant createdAt,
    Instant updatedAt,
    Instant monitoringAt,
    Instant resolvedAt,
    Instant startedAt,
    String shortlink,
    Instant scheduledFor,
    Instant scheduledUntil,
    List<IncidentUpdate> incidentUpdates,
    List<Component> components) {
  private static final Set<IncidentStatus> CLOSED =
      Set.of(IncidentStatus.RESOLVED, IncidentStatus.POSTMORTEM, IncidentStatus.COMPLETED);

  /** Never null collections, status or impact. */
  public Incident {
    status = status == null ? IncidentStatus.UNKNOWN : status;
    impact = impact == null ? Impact.UNKNOWN : impact;
    name = name == null ? "" : name;
    incidentUpdates = incidentUpdates == null ? List.of() : List.copyOf(incidentUpdates);
    components = components == null ? List.of() : List.copyOf(components);
  }

  /** Returns true while the incident or maintenance has not ended. */
  public boolean isOpen() {
    return !CLOSED.contains(status);
  }

  /** Returns true when this is a scheduled maintenance rather than an incident. */
  public boolean isMaintenance() {
    return scheduledFor != null || impact == Impact.MAINTENANCE;
  }

  /** Returns the update shown last on the page (by display time), if any. */
  public Optional<IncidentUpdate> latestUpdate() {
    return incidentUpdates.stream()
        .filter(u -> u.shownAt() != null)
        .max(Comparator.comparing(IncidentUpdate::shownAt));
  }

  /**
   * Returns when the incident last changed: its latest update, resolution or edit ({@link
   * Instant#EPOCH} when nothing is dated).
   */
  public Instant lastActivity() {
    return Stream.concat(
            Stream.of(updatedAt, resolvedAt, createdAt),
            incidentUpdates.stream().flatMap(u -> Stream.of(u.createdAt(), u.displayAt(), u.updatedAt())))
        .filter(Objects::nonNull)
        .max(Comparator.naturalOrder())
        .orElse(Instant.EPOCH);
  }

  /** Returns when the incident ended: its resolution time, else its last activity. */
  public Instant closedAt() {
    return resolvedAt != null ? resolvedAt : lastActivity();
  }

  /** Returns the updates that have an id in the order they are posted: display time, then id. */
  public List<IncidentUpdate> updatesInOrder() {
    return incidentUpdates.stream()
        .filter(u -> u.id() != null)
        .sorted(Comparator.comparing((IncidentUpdate u) -> u.shownAt() == null ? Instant.EPOCH : u.shownAt())
            .thenComparing(IncidentUpdate::id))
        .toList();
  }

  /** Returns true when any current component or any update's affected component has this id. */
  public boolean touches(String componentId) {
    return components.stream().anyMatch(c -> c.id().equals(componentId))
        || incidentUpdates.stream()
            .flatMap(u -> u.affectedComponents().stream())
            .anyMatch(a -> componentId.equals(a.code()));
  }

  /** Returns the link people should follow: the page's incident page. */
  public String link(String pageUrl) {
    String base = pageUrl == null || pageUrl.isBlank() ? StatusLinks.PUBLIC_PAGE : pageUrl;
    return base.replaceAll("/+$", "") + "/incidents/" + id;
  }
}
