package dev.claude500.stats;

import dev.claude500.status.Component;
import dev.claude500.status.Incident;
import dev.claude500.status.KnownComponents;
import dev.claude500.status.StatusLinks;
import dev.claude500.triage.TriageOutcome;
import dev.claude500.triage.TriageRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Turns records and incidents into a {@link StatsReport}: pure, one pass over the records. */
final class StatsMath {
  /** The component name of incidents that named none. */
  static final String NO_COMPONENT = "no component named";

  private StatsMath() {}

  static StatsReport report(String workspace, StatsWindow window, Instant from, Instant to,
      List<TriageRecord> records, List<Incident> incidents) {
    Map<String, Integer> byBranch = new HashMap<>();
    Map<String, Integer> byOutcome = new HashMap<>();
    List<Duration> toFirstMove = new ArrayList<>();
    List<Duration> toResolution = new ArrayList<>();
    Map<String, Set<String>> peopleByIncident = new HashMap<>();
    Map<String, Integer> triagesByIncident = new HashMap<>();
    Map<LocalDate, Map<String, Integer>> perDay = new TreeMap<>();
    int escalations = 0;
    for (TriageRecord r : records) {
      String branch = r.branch().orElse(StatsReport.NO_BRANCH);
      byBranch.merge(branch, 1, Integer::sum);
      byOutcome.merge(r.outcome().map(StatsMath::outcomeWord).orElse(StatsReport.OPEN), 1, Integer::sum);
      r.firstMoveAt().ifPresent(t -> toFirstMove.add(Duration.between(r.startedAt(), t)));
      if (r.outcome().equals(Optional.of(TriageOutcome.RESOLVED)) && r.endedAt().isPresent()) {
        toResolution.add(Duration.between(r.startedAt(), r.endedAt().get()));
      }
      escalations += r.escalated() ? 1 : 0;
      r.incidentId().ifPresent(id -> {
        peopleByIncident.computeIfAbsent(id, k -> new HashSet<>()).add(r.startedBy());
        triagesByIncident.merge(id, 1, Integer::sum);
      });
      perDay.computeIfAbsent(day(r.startedAt()), d -> new HashMap<>()).merge(branch, 1, Integer::sum);
    }
    Map<String, Integer> branches = mostFirst(byBranch);
    return new StatsReport(workspace, window, from, to, records.size(), branches, mostFirst(byOutcome),
        median(toFirstMove), median(toResolution), escalations,
        hits(peopleByIncident, triagesByIncident, incidents), minutes(incidents, from, to),
        days(perDay, branches.keySet(), from, to), spans(incidents, from, to));
  }

  /** The word an outcome is shown with. */
  static String outcomeWord(TriageOutcome outcome) {
    return outcome.name().toLowerCase(java.util.Locale.ROOT);
  }

  private static LocalDate day(Instant t) {
    return LocalDate.ofInstant(t, ZoneOffset.UTC);
  }

  private static <K extends Comparable<K>, V extends Comparable<V>> Map<K, V> mostFirst(Map<K, V> counts) {
    Map<K, V> sorted = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<K, V>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  static Optional<Duration> median(List<Duration> durations) {
    if (durations.isEmpty()) {
      return Optional.empty();
    }
    List<Duration> sorted = durations.stream().sorted().toList();
    int mid = sorted.size() / 2;
    return Optional.of(sorted.size() % 2 == 1 ? sorted.get(mid)
        : sorted.get(mid - 1).plus(sorted.get(mid)).dividedBy(2));
  }

  private static List<StatsReport.IncidentHit> hits(Map<String, Set<String>> people, Map<String, Integer> triages,
      List<Incident> incidents) {
    Map<String, Incident> byId = new HashMap<>();
    incidents.forEach(i -> byId.put(i.id(), i));
    return people.entrySet().stream()
        .map(e -> {
          Incident i = byId.get(e.getKey());
          String name = i == null || i.name().isBlank() ? e.getKey() : i.name();
          String link = i == null ? StatusLinks.PUBLIC_PAGE + "/incidents/" + e.getKey() : i.link(StatusLinks.PUBLIC_PAGE);
          return new StatsReport.IncidentHit(e.getKey(), name, link, e.getValue().size(), triages.get(e.getKey()));
        })
        .sorted(Comparator.comparingInt(StatsReport.IncidentHit::people).reversed()
            .thenComparing(Comparator.comparingInt(StatsReport.IncidentHit::triages).reversed())
            .thenComparing(StatsReport.IncidentHit::id))
        .toList();
  }

  /** The page's incidents (not maintenances) that overlap the window, cut to it. */
  private static List<Incident> within(List<Incident> incidents, Instant from, Instant to) {
    return incidents.stream()
        .filter(i -> !i.isMaintenance())
        .filter(i -> start(i) != null && start(i).isBefore(to) && end(i, to).isAfter(from))
        .toList();
  }

  private static Instant start(Incident i) {
    return i.startedAt() != null ? i.startedAt() : i.createdAt();
  }

  private static Instant end(Incident i, Instant now) {
    Instant end = i.isOpen() ? now : i.closedAt();
    return end.isAfter(now) ? now : end;
  }

  private static Map<String, Long> minutes(List<Incident> incidents, Instant from, Instant to) {
    Map<String, Long> perComponent = new HashMap<>();
    for (Incident i : within(incidents, from, to)) {
      Instant s = start(i).isBefore(from) ? from : start(i);
      long minutes = Math.max(0, Duration.between(s, end(i, to)).toMinutes());
      for (String name : componentNames(i)) {
        perComponent.merge(name, minutes, Long::sum);
      }
    }
    return mostFirst(perComponent);
  }

  /** An incident's components by today's name: those it lists, else those its updates changed. */
  private static Set<String> componentNames(Incident i) {
    Set<String> names = new LinkedHashSet<>();
    for (Component c : i.components()) {
      names.add(KnownComponents.name(c.id()).orElse(c.name()));
    }
    if (names.isEmpty()) {
      i.incidentUpdates().stream().flatMap(u -> u.affectedComponents().stream())
          .forEach(a -> names.add(KnownComponents.name(a.code()).orElse(a.name())));
    }
    if (names.isEmpty()) {
      names.add(NO_COMPONENT);
    }
    return names;
  }

  private static List<StatsReport.Day> days(Map<LocalDate, Map<String, Integer>> perDay, Set<String> branches,
      Instant from, Instant to) {
    List<StatsReport.Day> days = new ArrayList<>();
    for (LocalDate d = day(from); !d.isAfter(day(to)); d = d.plusDays(1)) {
      Map<String, Integer> counted = perDay.getOrDefault(d, Map.of());
      Map<String, Integer> ordered = new LinkedHashMap<>();
      for (String b : branches) {
        ordered.put(b, counted.getOrDefault(b, 0));
      }
      days.add(new StatsReport.Day(d, ordered));
    }
    return days;
  }

  private static List<StatsReport.IncidentSpan> spans(List<Incident> incidents, Instant from, Instant to) {
    return within(incidents, from, to).stream()
        .map(i -> new StatsReport.IncidentSpan(i.name(), start(i).isBefore(from) ? from : start(i), end(i, to)))
        .sorted(Comparator.comparing(StatsReport.IncidentSpan::start))
        .toList();
  }
}
