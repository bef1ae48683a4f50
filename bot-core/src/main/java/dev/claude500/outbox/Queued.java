package dev.claude500.outbox;

import java.time.Instant;
import java.util.Objects;

/**
 * A message as the outbox keeps it until it is delivered.
 *
 * @param seq its place in the order messages were queued (higher is later)
 * @param message the message
 * @param queuedAt when it was queued
 */
public record Queued(long seq, Outgoing message, Instant queuedAt) {
  /** Rejects null. */
  public Queued {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(queuedAt, "queuedAt");
  }
}
