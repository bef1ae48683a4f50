package dev.claude500.status;

import java.util.List;

/**
 * The page as {@code /api/v2/incidents.json} shows it: the most recent incidents, resolved included.
 *
 * @param page the page
 * @param incidents the incidents, newest first
 */
public record IncidentList(Page page, List<Incident> incidents) {
  /** Never a null list. */
  public IncidentList {
    incidents = incidents == null ? List.of() : List.copyOf(incidents);
  }
}
