package dev.claude500.testing;

import dev.claude500.chat.ChatPort;
import dev.claude500.hits.HitButton;
import dev.claude500.hits.HitEdits;
import dev.claude500.incidents.ChatPorts;
import dev.claude500.metrics.BotMetrics;
import dev.claude500.outbox.Outbox;
import dev.claude500.outbox.Scheduler;
import dev.claude500.status.StatusSource;
import dev.claude500.store.Store;
import java.time.Clock;

/**
 * The "I'm hit too" button's core, as a running bot wires it, for tests: the button, the edits it
 * schedules and the chat ports they edit through (add the adapter's port once it exists).
 */
public final class WhoIsHit {
  private final ChatPorts ports = new ChatPorts();
  private final HitEdits edits;
  private final HitButton button;

  /** Wires the button on {@code store}, editing through {@code outbox} on {@code clock} and {@code scheduler}. */
  public WhoIsHit(Store store, StatusSource status, Outbox outbox, Clock clock, Scheduler scheduler,
      BotMetrics metrics) {
    this.edits = new HitEdits(store, ports, status, outbox, clock, scheduler, metrics);
    this.button = new HitButton(store, edits, clock);
  }

  /** Makes {@code port} the one posts of its platform are edited through. */
  public WhoIsHit add(ChatPort port) {
    ports.add(port);
    return this;
  }

  /** Returns the button's handler. */
  public HitButton button() {
    return button;
  }

  /** Returns the edits. */
  public HitEdits edits() {
    return edits;
  }
}
