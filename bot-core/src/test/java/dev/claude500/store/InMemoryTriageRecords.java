package dev.claude500.store;

import dev.claude500.chat.ConversationKey;
import dev.claude500.triage.TriageRecord;
import dev.claude500.triage.TriageRecords;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Triage records in a concurrent map keyed by thread, instants kept to the microsecond as SQL keeps them. */
final class InMemoryTriageRecords implements TriageRecords {
  private static final Comparator<TriageRecord> BY_START = Comparator.comparing(TriageRecord::startedAt)
      .thenComparing(r -> r.key().platform())
      .thenComparing(r -> r.key().channel())
      .thenComparing(r -> r.key().thread());

  private final ConcurrentMap<ConversationKey, TriageRecord> records = new ConcurrentHashMap<>();

  @Override
  public void save(TriageRecord record) {
    TriageRecord r = truncated(Objects.requireNonNull(record, "record"));
    records.merge(r.key(), r, InMemoryTriageRecords::kept);
  }

  /** Returns what {@link TriageRecords#save} keeps of the thread's record {@code old} and a new save {@code now}. */
  private static TriageRecord kept(TriageRecord old, TriageRecord now) {
    int start = now.startedAt().compareTo(old.startedAt());
    boolean replaces = start > 0 || (start == 0 && now.version() > old.version());
    TriageRecord next = replaces ? now : old;
    boolean named = now.workspaceKnown() && (replaces || (start == 0 && !old.workspaceKnown()));
    String workspace = named ? now.workspace() : old.workspace();
    return next.workspace().equals(workspace) ? next : new TriageRecord(workspace, next.key(), next.startedBy(),
        next.startedAt(), next.version(), next.branch(), next.verdict(), next.outcome(), next.firstMoveAt(),
        next.endedAt(), next.escalated(), next.incidentId());
  }

  @Override
  public List<TriageRecord> startedBetween(String workspace, Instant from, Instant to) {
    Objects.requireNonNull(workspace, "workspace");
    if (to.isBefore(Objects.requireNonNull(from, "from"))) {
      throw new IllegalArgumentException("to is before from: " + to + " < " + from);
    }
    Instant f = Micros.truncate(from);
    Instant t = Micros.truncate(to);
    return records.values().stream()
        .filter(r -> r.workspaceKnown() && r.workspace().equals(workspace))
        .filter(r -> !r.startedAt().isBefore(f) && r.startedAt().isBefore(t))
        .sorted(BY_START).toList();
  }

  @Override
  public List<TriageRecord> openBy(String workspace, String userId, int limit) {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(userId, "userId");
    Checks.requireLimit(limit);
    return records.values().stream()
        .filter(r -> r.workspaceKnown() && r.workspace().equals(workspace) && r.startedBy().equals(userId) && r.open())
        .sorted(Comparator.comparing(TriageRecord::startedAt).reversed()
            .thenComparing(r -> r.key().platform()).thenComparing(r -> r.key().channel())
            .thenComparing(r -> r.key().thread()))
        .limit(limit).toList();
  }

  @Override
  public int purgeStartedBefore(Instant cutoff, int limit) {
    Objects.requireNonNull(cutoff, "cutoff");
    Checks.requireLimit(limit);
    Instant c = Micros.truncate(cutoff);
    List<TriageRecord> old = records.values().stream().filter(r -> r.startedAt().isBefore(c))
        .sorted(BY_START).limit(limit).toList();
    int deleted = 0;
    for (TriageRecord r : old) {
      deleted += records.remove(r.key(), r) ? 1 : 0;
    }
    return deleted;
  }

  private static TriageRecord truncated(TriageRecord r) {
    return new TriageRecord(r.workspace(), r.key(), r.startedBy(), Micros.truncate(r.startedAt()), r.version(),
        r.branch(), r.verdict(), r.outcome(), r.firstMoveAt().map(Micros::truncate),
        r.endedAt().map(Micros::truncate), r.escalated(), r.incidentId());
  }
}
