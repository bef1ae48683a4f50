package dev.claude500.status;

import java.time.Instant;
import java.util.List;

/**
 * One update posted on an incident or a maintenance.
 *
 * @param id the update's id
 * @param status the status word it set
 * @param body what it says
 * @param incidentId the incident it belongs to
 * @param createdAt when it was written
 * @param updatedAt when it was last edited
 * @param displayAt the time the page shows for it (can be earlier than an update already shown)
 * @param affectedComponents the components it changed
 */
public record IncidentUpdate(
    String id,
    IncidentStatus status,
    String body,
    String incidentId,
    Instant createdAt,
    Instant updatedAt,
    Instant displayAt,
    List<AffectedComponent> affectedComponents) {
  /** Never null collections or status. */
  public IncidentUpdate {
    status = status == null ? IncidentStatus.UNKNOWN : status;
    body = body == null ? "" : body;
    affectedComponents = affectedComponents == null ? List.of() : List.copyOf(affectedComponents);
  }

  /** Returns the time to order this update by: display time, else creation time. */
  public Instant shownAt() {
    return displayAt != null ? displayAt : createdAt;
  }
}
