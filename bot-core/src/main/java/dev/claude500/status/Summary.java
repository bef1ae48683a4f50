package dev.claude500.status;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The page as {@code /api/v2/summary.json} shows it.
 *
 * @param page the page
 * @param status the overall indicator and its description
 * @param components every component
 * @param incidents the unresolved incidents
 * @param scheduledMaintenances upcoming and in-progress maintenances
 */
public record Summary(
    Page page,
    Status status,
    List<Component> components,
    List<Incident> incidents,
    List<Incident> scheduledMaintenances) {
  /** Never null collections or status. */
  public Summary {
    status = status == null ? new Status(StatusIndicator.UNKNOWN, "") : status;
    components = components == null ? List.of() : List.copyOf(components);
    incidents = incidents == null ? List.of() : List.copyOf(incidents);
    scheduledMaintenances =
        scheduledMaintenances == null ? List.of() : List.copyOf(scheduledMaintenances);
  }

  /** Returns the unresolved incident or the scheduled maintenance with this id. */
  public Optional<Incident> incident(String id) {
    return Stream.concat(incidents.stream(), scheduledMaintenances.stream())
        .filter(i -> i.id() != null && i.id().equals(id))
        .findFirst();
  }

  /** Returns the component with this id. */
  public Optional<Component> component(String id) {
    return components.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  /**
   * The page's overall state.
   *
   * @param indicator the colour
   * @param description the page's own words, e.g. "All Systems Operational"
   */
  public record Status(StatusIndicator indicator, String description) {
    /** Defaults missing values. */
    public Status {
      indicator = indicator == null ? StatusIndicator.UNKNOWN : indicator;
      description = description == null ? "" : description;
    }
  }
}
