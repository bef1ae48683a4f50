package dev.claude500.triage;

import dev.claude500.chat.ConversationKey;
import java.time.Instant;
import java.util.Objects;

/**
 * A triage conversation as stored: its state is an opaque JSON document owned by the engine.
 *
 * @param key which thread it is
 * @param state the engine's JSON state
 * @param version increases by one with every write; used for optimistic concurrency
 * @param open false once the triage ended
 * @param updatedAt when it was last written
 */
public record StoredConversation(
    ConversationKey key, String state, long version, boolean open, Instant updatedAt) {
  /** Validates every part. */
  public StoredConversation {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (version < 0) {
      throw new IllegalArgumentException("version must be >= 0");
    }
  }
}
