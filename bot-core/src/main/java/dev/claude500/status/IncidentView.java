package dev.claude500.status;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An incident or maintenance as shown to people: title, impact, state, the components it touches
 * with their latest states, its latest update and its link.
 *
 * @param id the incident id
 * @param name its title
 * @param status its status word
 * @param impact its impact
 * @param components the components it touches, with the state its latest update gave them
 * @param latest its latest update, if any
 * @param link the public page for it
 * @param startedAt when it started
 * @param resolvedAt when it was resolved, if it was
 * @param maintenance true for a scheduled maintenance
 */
public record IncidentView(
    String id,
    String name,
    IncidentStatus status,
    Impact impact,
    List<ComponentState> components,
    Optional<IncidentUpdate> latest,
    String link,
    Instant startedAt,
    Optional<Instant> resolvedAt,
    boolean maintenance) {
  /** Validates and copies. */
  public IncidentView {
    Objects.requireNonNull(id, "id");
    components = List.copyOf(components);
    Objects.requireNonNull(latest, "latest");
    Objects.requireNonNull(resolvedAt, "resolvedAt");
  }

  /**
   * Returns the view of an incident. Component states come from the newest update that names the
   * component, else from the incident's component list.
   */
  public static IncidentView of(Incident incident) {
    Map<String, ComponentState> states = new LinkedHashMap<>();
    for (Component c : incident.components()) {
      states.put(c.id(), new ComponentState(c.id(), c.name(), c.status()));
    }
    incident.incidentUpdates().stream()
        .filter(u -> u.shownAt() != null)
        .sorted(java.util.Comparator.comparing(IncidentUpdate::shownAt))
        .flatMap(u -> u.affectedComponents().stream())
        .filter(a -> a.code() != null)
        .forEach(a -> states.put(a.code(), new ComponentState(a.code(),
            states.containsKey(a.code()) ? states.get(a.code()).name() : a.name(), a.newStatus())));
    Instant started = incident.startedAt() != null ? incident.startedAt()
        : incident.scheduledFor() != null ? incident.scheduledFor() : incident.createdAt();
    return new IncidentView(
        incident.id(),
        incident.name(),
        incident.status(),
        incident.impact(),
        List.copyOf(states.values()),
        incident.latestUpdate(),
        incident.link(StatusLinks.PUBLIC_PAGE),
        started,
        Optional.ofNullable(incident.resolvedAt()),
        incident.isMaintenance());
  }

  /** Returns true once the incident or maintenance has ended. */
  public boolean isClosed() {
    return status == IncidentStatus.RESOLVED
        || status == IncidentStatus.POSTMORTEM
        || status == IncidentStatus.COMPLETED;
  }
}
