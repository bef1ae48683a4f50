package dev.claude500.incidents;

import dev.claude500.status.AffectedComponent;
import dev.claude500.status.Component;
import dev.claude500.status.ComponentStatus;
import dev.claude500.status.Impact;
import dev.claude500.status.Incident;
import dev.claude500.status.IncidentStatus;
import dev.claude500.status.IncidentUpdate;
import dev.claude500.status.KnownComponents;
import dev.claude500.status.Page;
import dev.claude500.status.StatusIndicator;
import dev.claude500.status.Summary;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Crafted Statuspage records for watcher tests. */
final class Pages {
  static final Instant T0 = Instant.parse("2026-05-04T10:00:00Z");
  static final String AI = KnownComponents.CLAUDE_AI;
  static final String CODE = KnownComponents.CLAUDE_CODE;
  static final String API = KnownComponents.API;
  static final Page PAGE = new Page("tymt9n04zgry", "Claude", "https://status.claude.com", T0);

  private Pages() {}

  /** Returns an update shown at {@code at}. */
  static IncidentUpdate update(String id, String incidentId, IncidentStatus status, Instant at, String body,
      AffectedComponent... changes) {
    return new IncidentUpdate(id, status, body, incidentId, at, at, at, Arrays.asList(changes));
  }

  /** Returns a component change an update made. */
  static AffectedComponent change(String code, ComponentStatus from, ComponentStatus to) {
    String name = KnownComponents.all().stream().filter(c -> c.id().equals(code)).findFirst()
        .map(Component::name).orElse(code);
    return new AffectedComponent(code, name, from, to);
  }

  /** Returns an incident with these updates; its status and times follow its latest update. */
  static Incident incident(String id, String name, List<String> componentIds, IncidentUpdate... updates) {
    List<IncidentUpdate> list = Arrays.stream(updates)
        .sorted(Comparator.comparing(IncidentUpdate::shownAt).reversed()).toList();
    IncidentUpdate latest = list.get(0);
    IncidentUpdate first = list.get(list.size() - 1);
    Instant resolved = list.stream().filter(u -> u.status() == IncidentStatus.RESOLVED)
        .map(IncidentUpdate::shownAt).min(Comparator.naturalOrder()).orElse(null);
    IncidentStatus status = latest.status();
    return new Incident(id, name, status, Impact.MAJOR, first.shownAt(), latest.shownAt(), null,
        status == IncidentStatus.RESOLVED || status == IncidentStatus.POSTMORTEM ? resolved : null,
        first.shownAt(), null, null, null, list, components(componentIds));
  }

  /** Returns a scheduled maintenance in a given state. */
  static Incident maintenance(String id, String name, IncidentStatus status, Instant from, List<String> componentIds) {
    return new Incident(id, name, status, Impact.MAINTENANCE, from.minusSeconds(86_400), from, null, null,
        status == IncidentStatus.SCHEDULED ? null : from, null, from, from.plusSeconds(7_200),
        List.of(update(id + "-u", id, status, from, name + ": " + status.words())), components(componentIds));
  }

  /** Returns a summary listing these open incidents and maintenances, every component operational. */
  static Summary summary(List<Incident> open, List<Incident> maintenances) {
    List<Component> components = KnownComponents.all().stream()
        .map(c -> new Component(c.id(), c.name(), ComponentStatus.OPERATIONAL, null, false, c.position()))
        .toList();
    StatusIndicator indicator = open.isEmpty() ? StatusIndicator.NONE : StatusIndicator.MAJOR;
    return new Summary(PAGE, new Summary.Status(indicator, ""), components, open, maintenances);
  }

  private static List<Component> components(List<String> ids) {
    return ids.stream()
        .map(id -> KnownComponents.all().stream().filter(c -> c.id().equals(id)).findFirst()
            .map(c -> new Component(c.id(), c.name(), ComponentStatus.OPERATIONAL, null, false, c.position()))
            .orElse(new Component(id, id, ComponentStatus.OPERATIONAL, null, false, 99)))
        .toList();
  }
}
