package dev.claude500.incidents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claude500.status.Incident;
import dev.claude500.status.IncidentStatus;
import dev.claude500.status.StatusJson;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduled maintenances the watcher saw start, kept in the store until their end is old news.
 *
 * <p>The summary lists maintenances only while upcoming or under way; a completed one leaves it.
 * So a maintenance ends when the summary shows it {@code completed} or stops listing it, and the
 * watcher must remember which it saw in progress (and their names, for the notice) across
 * restarts. Not thread-safe: the watcher's one round at a time uses it.
 */
final class Maintenances {
  static final String STATE_KEY = "maintenances";
  /**
   * How long an ended maintenance stays tracked: its end notice may wait out quiet hours (a day
   * with {@code quiet=all}, 25 hours when the clocks go back), and a bot down at their end must
   * still find it when it is back.
   */
  static final Duration KEEP_ENDED = Duration.ofDays(2);
  private static final Set<IncidentStatus> UNDER_WAY = Set.of(IncidentStatus.IN_PROGRESS, IncidentStatus.VERIFYING);
  private static final Logger LOG = LoggerFactory.getLogger(Maintenances.class);
  private static final ObjectMapper JSON = StatusJson.newMapper();
  private static final TypeReference<Map<String, Tracked>> TYPE = new TypeReference<>() {};

  /**
   * A maintenance seen under way.
   *
   * @param id its id
   * @param name its title
   * @param startedAt when the watcher first saw it under way
   * @param endedAt when the watcher saw it end, or null while it runs
   */
  record Tracked(String id, String name, Instant startedAt, Instant endedAt) {
    Tracked {
      Objects.requireNonNull(id, "id");
      name = name == null ? "" : name;
      Objects.requireNonNull(startedAt, "startedAt");
    }

    boolean ended() {
      return endedAt != null;
    }
  }

  private final WatcherState state;

  Maintenances(WatcherState state) {
    this.state = state;
  }

  /**
   * Folds what the summary lists now into what was tracked, stores the result and returns it,
   * oldest start first.
   *
   * @param listed the summary's scheduled maintenances
   * @param keepEnded how long an ended maintenance stays tracked
   */
  List<Tracked> update(List<Incident> listed, Instant now, Duration keepEnded) {
    Map<String, Tracked> before = load();
    Map<String, Tracked> after = new LinkedHashMap<>(before);
    Map<String, Incident> byId = new LinkedHashMap<>();
    listed.stream().filter(m -> m.id() != null).forEach(m -> byId.put(m.id(), m));
    for (Incident m : byId.values()) {
      Tracked t = after.get(m.id());
      if (UNDER_WAY.contains(m.status()) && (t == null || t.ended())) {
        after.put(m.id(), new Tracked(m.id(), m.name(), t == null ? now : t.startedAt(), null));
      } else if (m.status() == IncidentStatus.COMPLETED && t != null && !t.ended()) {
        after.put(m.id(), new Tracked(m.id(), m.name(), t.startedAt(), now));
      }
    }
    for (Tracked t : before.values()) {
      if (!t.ended() && !byId.containsKey(t.id())) {
        after.put(t.id(), new Tracked(t.id(), t.name(), t.startedAt(), now));
      }
    }
    after.values().removeIf(t -> t.ended() && t.endedAt().isBefore(now.minus(keepEnded)));
    if (!after.equals(before)) {
      save(after, now);
    }
    return after.values().stream()
        .sorted(Comparator.comparing(Tracked::startedAt).thenComparing(Tracked::id))
        .toList();
  }

  /** Returns the ids of the maintenances tracked now, as last stored; writes nothing. */
  Set<String> trackedIds() {
    return Set.copyOf(load().keySet());
  }

  /** Returns true when the summary shows this maintenance under way. */
  static boolean underWay(Optional<Incident> listed) {
    return listed.map(m -> UNDER_WAY.contains(m.status())).orElse(false);
  }

  private Map<String, Tracked> load() {
    Optional<String> json = state.get(STATE_KEY);
    if (json.isEmpty()) {
      return Map.of();
    }
    try {
      Map<String, Tracked> read = JSON.readValue(json.get(), TYPE);
      return read == null ? Map.of() : read;
    } catch (JsonProcessingException e) {
      LOG.warn("The stored maintenances cannot be read ({}); starting afresh", e.getOriginalMessage());
      return Map.of();
    }
  }

  private void save(Map<String, Tracked> tracked, Instant now) {
    try {
      state.put(STATE_KEY, JSON.writeValueAsString(tracked), now);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the tracked maintenances", e);
    }
  }
}
