package dev.claude500.incidents;

import dev.claude500.chat.ConversationKey;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A triage that ended waiting for an incident to clear.
 *
 * @param key its thread
 * @param incidentId the incident it waits on; empty when it knew of none (a person said the page
 *     was red), and then it waits for the page to turn green
 * @param since when it started waiting
 */
public record WaitingTriage(ConversationKey key, Optional<String> incidentId, Instant since) {
  /** Validates every part. */
  public WaitingTriage {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(since, "since");
  }
}
