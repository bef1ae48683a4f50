package dev.claude500.triage;

import dev.claude500.chat.ConversationKey;
import dev.claude500.metrics.BotMetrics;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Stores what an input did to a conversation, and tells of it: applies the input to the stored
 * state with optimistic concurrency (a write that lost a race is applied again to the newer state,
 * a few times at most), then counts the branch it reached and its ending on the metrics and tells
 * the {@link TriageEngine.EndListener} of the ending. Thread-safe.
 */
final class ConversationWrites {
  private static final int WRITE_ATTEMPTS = 5;

  private final ConversationStore store;
  private final Clock clock;
  private final TriageEngine.EndListener endListener;
  private final BotMetrics metrics;
  private final GreenFailures greenFailures;
  private final TriageLog log;

  ConversationWrites(ConversationStore store, Clock clock, TriageEngine.EndListener endListener, BotMetrics metrics,
      GreenFailures greenFailures, TriageLog log) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.endListener = Objects.requireNonNull(endListener, "endListener");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.greenFailures = Objects.requireNonNull(greenFailures, "greenFailures");
    this.log = Objects.requireNonNull(log, "log");
  }

  /**
   * Applies {@code change} to the conversation in {@code key}'s thread and stores the result when
   * it applied; {@link Disposition#NO_TRIAGE} when there is none, {@link Disposition#STALE} when
   * every attempt lost its race.
   */
  TriageResult mutate(ConversationKey key, Function<ConversationState, TriageResult> change) {
    for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
      Optional<StoredConversation> stored = store.find(key);
      if (stored.isEmpty()) {
        return TriageResult.nothing(Disposition.NO_TRIAGE);
      }
      StoredConversation before = stored.get();
      ConversationState state = ConversationState.fromJson(before.state());
      String branchBefore = state.branch;
      int greenBefore = GreenFailure.level(state);
      boolean hadFirstMove = state.questionsToFirstMove != null;
      TriageResult result = change.apply(state);
      if (result.disposition() != Disposition.APPLIED) {
        return result;
      }
      Instant now = clock.instant();
      state.updatedAt = now;
      TriageLog.stamp(state, hadFirstMove, now);
      if (store.update(new StoredConversation(key, state.toJson(), before.version() + 1, state.open, now))) {
        log.record(key, state, before.version() + 1);
        countBranch(branchBefore, state);
        tellGreen(key, greenBefore, state);
        return told(result);
      }
    }
    return TriageResult.nothing(Disposition.STALE);
  }

  /** Tells the end listener (and the metrics) of a stored ending; returns the result unchanged. */
  TriageResult told(TriageResult result) {
    result.ended().ifPresent(view -> {
      metrics.triageEnded(view.outcome().map(Enum::name).orElse("none"), view.questions());
      try {
        endListener.ended(view);
      } catch (RuntimeException e) {
        TriageEngine.LOG.warn("The end listener failed for triage {}: {}", view.key(), e.toString());
      }
    });
    return result;
  }

  /** Tells of a stored input that took the triage further in failing on a green page. */
  void tellGreen(ConversationKey key, int levelBefore, ConversationState after) {
    if (GreenFailure.level(after) <= levelBefore) {
      return;
    }
    try {
      GreenFailure.of(key, after, clock.instant()).ifPresent(greenFailures::failing);
    } catch (RuntimeException e) {
      TriageEngine.LOG.warn("The green-page listener failed for triage {}: {}", key, e.toString());
    }
  }

  /** Notes a new triage's moments in its state, before it is first stored. */
  void stampNew(ConversationState state, Instant now) {
    TriageLog.stamp(state, false, now);
  }

  /** Records a triage just created (version 0) in the triage log. */
  void created(ConversationKey key, ConversationState state) {
    log.record(key, state, 0);
  }

  /** Counts the branch a stored input reached, when it is not the one the triage was on before. */
  void countBranch(String before, ConversationState after) {
    if (after.branch != null && !after.branch.equals(before)) {
      metrics.branchReached(after.branch);
    }
  }
}
