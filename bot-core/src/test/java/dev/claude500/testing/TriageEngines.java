package dev.claude500.testing;

import dev.claude500.metrics.BotMetrics;
import dev.claude500.playbook.Playbook;
import dev.claude500.status.StatusSource;
import dev.claude500.triage.ConversationStore;
import dev.claude500.triage.GreenFailures;
import dev.claude500.chat.ChannelRef;
import dev.claude500.store.Store;
import dev.claude500.triage.TriageEngine;
import dev.claude500.triage.TriageLog;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Builds triage engines for tests: the launcher's constructor with its hooks left quiet (no end
 * listener, no start notes, no metrics) unless a test names them.
 */
public final class TriageEngines {
  /** An end listener that hears nothing. */
  public static final TriageEngine.EndListener NO_END_LISTENER = view -> {};
  /** Start notes that never add a note. */
  public static final TriageEngine.StartNotes NO_START_NOTES = (key, incidentId) -> Optional.empty();

  private TriageEngines() {}

  /** Returns an engine without hooks or metrics. */
  public static TriageEngine of(Map<String, Playbook> playbooks, String defaultPlaybook, ConversationStore store,
      StatusSource status, Clock clock, Duration idleTimeout) {
    return of(playbooks, defaultPlaybook, store, status, clock, idleTimeout, GreenFailures.NONE);
  }

  /** Returns an engine without hooks or metrics but for one told of triages failing on a green page. */
  public static TriageEngine of(Map<String, Playbook> playbooks, String defaultPlaybook, ConversationStore store,
      StatusSource status, Clock clock, Duration idleTimeout, GreenFailures greenFailures) {
    return new TriageEngine(playbooks, defaultPlaybook, store, status, clock, idleTimeout, NO_END_LISTENER,
        NO_START_NOTES, BotMetrics.none(), greenFailures, TriageLog.none());
  }

  /**
   * Returns an engine without hooks or metrics that keeps a record of every triage in {@code store},
   * each channel's workspace named after its platform (as {@link TeamStatsRigs} counts them).
   */
  public static TriageEngine recording(Map<String, Playbook> playbooks, String defaultPlaybook, Store store,
      StatusSource status, Clock clock, Duration idleTimeout) {
    return new TriageEngine(playbooks, defaultPlaybook, store.conversations(), status, clock, idleTimeout,
        NO_END_LISTENER, NO_START_NOTES, BotMetrics.none(), GreenFailures.NONE,
        new TriageLog(store.triageRecords(), ChannelRef::platform));
  }
}
