package dev.claude500.store;

import dev.claude500.chat.ConversationKey;
import dev.claude500.incidents.HitScope;
import dev.claude500.incidents.IncidentHits;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Who is hit, as rows in a map keyed like table {@code incident_hit}; every operation holds the lock. */
final class InMemoryIncidentHits implements IncidentHits {
  private record Row(HitScope scope, String personId, String via) {}

  private final Map<Row, Instant> rows = new HashMap<>();

  @Override
  public synchronized boolean toggleClick(HitScope scope, String personId, Instant now) {
    Objects.requireNonNull(scope, "scope");
    Checks.requireNonBlank(personId, "personId");
    Instant at = Micros.truncate(Objects.requireNonNull(now, "now"));
    Row row = new Row(scope, personId, CLICK);
    if (rows.remove(row) != null) {
      return false;
    }
    rows.put(row, at);
    return true;
  }

  @Override
  public synchronized void triageWaits(HitScope scope, String personId, ConversationKey triage, Instant now) {
    Objects.requireNonNull(scope, "scope");
    Checks.requireNonBlank(personId, "personId");
    Instant at = Micros.truncate(Objects.requireNonNull(now, "now"));
    rows.putIfAbsent(new Row(scope, personId, IncidentHits.via(triage)), at);
  }

  @Override
  public synchronized List<HitScope> forgetTriage(ConversationKey triage) {
    String via = IncidentHits.via(triage);
    List<Row> gone = rows.keySet().stream()
        .filter(r -> r.via().equals(via) && r.scope().platform().equals(triage.platform())).toList();
    gone.forEach(rows::remove);
    return gone.stream().map(Row::scope).distinct()
        .sorted(Comparator.comparing(HitScope::incidentId).thenComparing(HitScope::workspace)).toList();
  }

  @Override
  public synchronized int count(HitScope scope) {
    Objects.requireNonNull(scope, "scope");
    return (int) rows.keySet().stream().filter(r -> r.scope().equals(scope)).map(Row::personId).distinct().count();
  }

  @Override
  public synchronized boolean countedByTriage(HitScope scope, String personId) {
    Objects.requireNonNull(scope, "scope");
    Checks.requireNonBlank(personId, "personId");
    return rows.keySet().stream().anyMatch(r -> r.scope().equals(scope) && r.personId().equals(personId)
        && !r.via().equals(CLICK));
  }

  @Override
  public synchronized Map<String, Integer> people(Collection<String> incidentIds) {
    Set<String> wanted = new HashSet<>(incidentIds);
    Map<String, Set<List<String>>> people = new HashMap<>();
    for (Row r : rows.keySet()) {
      if (wanted.contains(r.scope().incidentId())) {
        people.computeIfAbsent(r.scope().incidentId(), id -> new HashSet<>())
            .add(List.of(r.scope().platform(), r.scope().workspace(), r.personId()));
      }
    }
    Map<String, Integer> counts = new HashMap<>();
    people.forEach((id, who) -> counts.put(id, who.size()));
    return counts;
  }

  @Override
  public synchronized int purgeBefore(Instant cutoff, int limit) {
    Instant before = Micros.truncate(Objects.requireNonNull(cutoff, "cutoff"));
    Checks.requireLimit(limit);
    List<Row> batch = rows.entrySet().stream().filter(e -> e.getValue().isBefore(before))
        .sorted(Map.Entry.comparingByValue()).limit(limit).map(Map.Entry::getKey).toList();
    batch.forEach(rows::remove);
    return batch.size();
  }
}
