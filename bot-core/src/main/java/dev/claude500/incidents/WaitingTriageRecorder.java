package dev.claude500.incidents;

import dev.claude500.triage.TriageEngine;
import dev.claude500.triage.TriageOutcome;
import dev.claude500.triage.TriageView;
import java.time.Clock;
import java.util.Objects;

/**
 * Registers each triage that ends waiting for recovery against the incident its status check found
 * (or against a green page, when it found none), so the watcher tells its thread when to retry;
 * a triage that ends any other way is no longer waiting. Give it to {@link
 * TriageEngine} as its end listener. Thread-safe.
 *
 * <p>A crash between the engine storing the ending and this registering it loses the follow-up for
 * that one triage (the person still has the advice to retry once the page is green).
 */
public final class WaitingTriageRecorder implements TriageEngine.EndListener {
  private final WaitingTriages waiting;
  private final Clock clock;

  /** Creates a recorder writing to {@code waiting}. */
  public WaitingTriageRecorder(WaitingTriages waiting, Clock clock) {
    this.waiting = Objects.requireNonNull(waiting, "waiting");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void ended(TriageView view) {
    if (view.outcome().filter(o -> o == TriageOutcome.WAITING).isPresent()) {
      waiting.register(view.key(), view.statusIncidentId(), clock.instant());
    } else {
      waiting.remove(view.key());
    }
  }
}
