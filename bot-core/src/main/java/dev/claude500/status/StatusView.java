package dev.claude500.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The status page at a glance: indicator, every component, open incidents and maintenances, and
 * how old the data is. Built from a {@link StatusSnapshot}; adapters render it.
 *
 * @param indicator the page's indicator ({@link StatusIndicator#UNKNOWN} when never reached)
 * @param description the page's own description, e.g. "All Systems Operational"
 * @param components every top-level component, in page order
 * @param incidents the open incidents
 * @param maintenances the maintenances in progress or upcoming
 * @param asOf when the data was fetched, if ever
 * @param age how old the data is, if there is any
 * @param fresh true when the page answered on the last attempt
 * @param problem why the last attempt failed, when it did
 */
public record StatusView(
    StatusIndicator indicator,
    String description,
    List<ComponentState> components,
    List<IncidentView> incidents,
    List<IncidentView> maintenances,
    Optional<Instant> asOf,
    Optional<Duration> age,
    boolean fresh,
    Optional<String> problem) {
  /** Validates and copies. */
  public StatusView {
    Objects.requireNonNull(indicator, "indicator");
    description = description == null ? "" : description;
    components = List.copyOf(components);
    incidents = List.copyOf(incidents);
    maintenances = List.copyOf(maintenances);
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(age, "age");
    Objects.requireNonNull(problem, "problem");
  }

  /** Returns the view of a snapshot, its age measured on {@code clock}. */
  public static StatusView of(StatusSnapshot snapshot, Clock clock) {
    Optional<Duration> age = snapshot.asOf().map(t -> {
      Duration d = Duration.between(t, clock.instant());
      return d.isNegative() ? Duration.ZERO : d;
    });
    if (snapshot.summary().isEmpty()) {
      return new StatusView(StatusIndicator.UNKNOWN, "", List.of(), List.of(), List.of(),
          Optional.empty(), Optional.empty(), false, snapshot.problem());
    }
    Summary s = snapshot.summary().get();
    List<ComponentState> components = s.components().stream()
        .filter(c -> c.groupId() == null)
        .sorted(Comparator.comparingInt(Component::position))
        .map(c -> new ComponentState(c.id(), c.name(), c.status()))
        .toList();
    List<IncidentView> incidents = s.incidents().stream()
        .filter(Incident::isOpen).map(IncidentView::of).toList();
    List<IncidentView> maintenances = s.scheduledMaintenances().stream()
        .filter(Incident::isOpen).map(IncidentView::of).toList();
    return new StatusView(s.status().indicator(), s.status().description(), components, incidents,
        maintenances, snapshot.asOf(), age, snapshot.fresh(), snapshot.problem());
  }

  /** Returns the colour people call the indicator: green, yellow, orange, red, blue or unknown. */
  public static String colour(StatusIndicator indicator) {
    switch (indicator) {
      case NONE:
        return "green";
      case MINOR:
        return "yellow";
      case MAJOR:
        return "orange";
      case CRITICAL:
        return "red";
      case MAINTENANCE:
        return "blue";
      default:
        return "unknown";
    }
  }

  /** Returns this view's colour word. */
  public String colour() {
    return colour(indicator);
  }

  /** Returns true when the page was never reached. */
  public boolean isUnknown() {
    return asOf.isEmpty();
  }
}
