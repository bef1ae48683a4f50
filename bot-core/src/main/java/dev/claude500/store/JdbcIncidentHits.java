package dev.claude500.store;

import dev.claude500.chat.ConversationKey;
import dev.claude500.incidents.HitScope;
import dev.claude500.incidents.IncidentHits;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Who is hit by an incident, in table {@code incident_hit}: one row per reason a person is counted. */
final class JdbcIncidentHits implements IncidentHits {
  private static final String SCOPE = "incident_id = ? AND platform = ? AND workspace = ?";
  /** How many incident ids one {@link #people} query names at most. */
  private static final int IDS_PER_QUERY = 100;

  private final Jdbc jdbc;

  JdbcIncidentHits(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean toggleClick(HitScope scope, String personId, Instant now) {
    Objects.requireNonNull(scope, "scope");
    Checks.requireNonBlank(personId, "personId");
    Objects.requireNonNull(now, "now");
    // a concurrent click of the same person makes the insert fail on the key; the transaction is
    // then retried, and finds the row to take back: two clicks, no mark
    return jdbc.inTransaction("toggling hit of " + personId + " in " + scope, c -> {
      int taken = Jdbc.update(c, "DELETE FROM incident_hit WHERE " + SCOPE + " AND person_id = ? AND via = ?",
          scope.incidentId(), scope.platform(), scope.workspace(), personId, IncidentHits.CLICK);
      if (taken > 0) {
        return false;
      }
      Jdbc.update(c, "INSERT INTO incident_hit (incident_id, platform, workspace, person_id, via, since)"
          + " VALUES (?, ?, ?, ?, ?, ?)", scope.incidentId(), scope.platform(), scope.workspace(), personId,
          IncidentHits.CLICK, now);
      return true;
    });
  }

  @Override
  public void triageWaits(HitScope scope, String personId, ConversationKey triage, Instant now) {
    Objects.requireNonNull(scope, "scope");
    Checks.requireNonBlank(personId, "personId");
    Objects.requireNonNull(now, "now");
    jdbc.insertIfAbsent("recording hit of " + personId + " by triage " + triage,
        "INSERT INTO incident_hit (incident_id, platform, workspace, person_id, via, since) VALUES (?, ?, ?, ?, ?, ?)",
        scope.incidentId(), scope.platform(), scope.workspace(), personId, IncidentHits.via(triage), now);
  }

  @Override
  public List<HitScope> forgetTriage(ConversationKey triage) {
    String via = IncidentHits.via(triage);
    return jdbc.inTransaction("forgetting hits of triage " + triage, c -> {
      List<HitScope> scopes = Jdbc.query(c,
          "SELECT DISTINCT incident_id, platform, workspace FROM incident_hit WHERE platform = ? AND via = ?"
              + " ORDER BY incident_id, workspace",
          rs -> new HitScope(rs.getString(1), rs.getString(2), rs.getString(3)), triage.platform(), via);
      if (!scopes.isEmpty()) {
        Jdbc.update(c, "DELETE FROM incident_hit WHERE platform = ? AND via = ?", triage.platform(), via);
      }
      return scopes;
    });
  }

  @Override
  public int count(HitScope scope) {
    Objects.requireNonNull(scope, "scope");
    return jdbc.queryOne("counting hits in " + scope,
        "SELECT COUNT(DISTINCT person_id) FROM incident_hit WHERE " + SCOPE, rs -> rs.getInt(1),
        scope.incidentId(), scope.platform(), scope.workspace()).orElse(0);
  }

  @Override
  public boolean countedByTriage(HitScope scope, String personId) {
    Objects.requireNonNull(scope, "scope");
    Checks.requireNonBlank(personId, "personId");
    return jdbc.queryOne("looking for triage hits of " + personId + " in " + scope,
        "SELECT COUNT(*) FROM incident_hit WHERE " + SCOPE + " AND person_id = ? AND via <> ?", rs -> rs.getInt(1),
        scope.incidentId(), scope.platform(), scope.workspace(), personId, IncidentHits.CLICK).orElse(0) > 0;
  }

  @Override
  public Map<String, Integer> people(Collection<String> incidentIds) {
    List<String> ids = incidentIds.stream().filter(Objects::nonNull).distinct().sorted().toList();
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
      List<String> part = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
      String marks = String.join(", ", Collections.nCopies(part.size(), "?"));
      // a person is one per platform and workspace: count the distinct triples per incident
      jdbc.query("counting people hit by " + part.size() + " incident(s)",
          "SELECT incident_id, COUNT(*) FROM (SELECT DISTINCT incident_id, platform, workspace, person_id"
              + " FROM incident_hit WHERE incident_id IN (" + marks + ")) people GROUP BY incident_id",
          rs -> Map.entry(rs.getString(1), rs.getInt(2)), part.toArray())
          .forEach(e -> counts.put(e.getKey(), e.getValue()));
    }
    return counts;
  }

  @Override
  public int purgeBefore(Instant cutoff, int limit) {
    Objects.requireNonNull(cutoff, "cutoff");
    Checks.requireLimit(limit);
    if (limit == 0) {
      return 0;
    }
    return jdbc.deleteSelected("purging hits",
        "SELECT incident_id, platform, workspace, person_id, via FROM incident_hit WHERE since < ?"
            + " ORDER BY since FETCH FIRST ? ROWS ONLY",
        new Object[] {cutoff, limit}, 5,
        "DELETE FROM incident_hit WHERE incident_id = ? AND platform = ? AND workspace = ? AND person_id = ?"
            + " AND via = ? AND since < ?",
        cutoff);
  }
}
