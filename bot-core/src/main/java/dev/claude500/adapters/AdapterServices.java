package dev.claude500.adapters;

import dev.claude500.commands.Commands;
import dev.claude500.hits.HitButton;
import dev.claude500.metrics.BotMetrics;
import dev.claude500.outbox.Outbox;
import dev.claude500.status.StatusSource;
import dev.claude500.store.Store;
import dev.claude500.triage.TriageEngine;
import java.time.Clock;
import java.util.Objects;

/**
 * What a chat adapter is given by the launcher: the engine, the command handler, the
 * status page, the store (for delivery de-duplication and subscriptions), the clock, the
 * metrics (acknowledgement latency, rate-limit waits) and the outbox every triage reply goes out
 * through (the adapter registers its chat port with it when it starts).
 *
 * @param engine the triage engine
 * @param commands what answers every {@code /claude500} command
 * @param status the status page
 * @param store the store
 * @param clock the time
 * @param metrics where the adapter records what it measures
 * @param outbox where the adapter sends a triage's replies, in order and exactly once
 * @param hits what a click on an incident post's "I'm hit too" button does
 */
public record AdapterServices(TriageEngine engine, Commands commands, StatusSource status, Store store, Clock clock,
    BotMetrics metrics, Outbox outbox, HitButton hits) {
  /** Validates. */
  public AdapterServices {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(commands, "commands");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(outbox, "outbox");
    Objects.requireNonNull(hits, "hits");
  }
}
