package dev.claude500.incidents;

import dev.claude500.chat.ConversationKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Triages waiting for an incident to clear, one per thread. Thread-safe. */
public interface WaitingTriages {
  /** Records that the triage in this thread waits on an incident (or on a green page), replacing any earlier record. */
  void register(ConversationKey key, Optional<String> incidentId, Instant now);

  /** Forgets the thread's waiting triage; returns false when there was none. */
  boolean remove(ConversationKey key);

  /** Returns the waiting triage in a thread. */
  Optional<WaitingTriage> find(ConversationKey key);

  /** Returns every waiting triage, longest waiting first (ties by platform, channel, thread). */
  List<WaitingTriage> all();
}
