package dev.claude500.triage;

import dev.claude500.chat.ConversationKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Triage conversations, written with optimistic concurrency. Thread-safe. */
public interface ConversationStore {
  /** Returns the conversation in this thread, open or closed. */
  Optional<StoredConversation> find(ConversationKey key);

  /**
   * Stores a new conversation (its version must be 0).
   *
   * @return false, writing nothing, when the thread already has one
   * @throws IllegalArgumentException when its version is not 0
   */
  boolean create(StoredConversation conversation);

  /**
   * Replaces a conversation when its stored version is still {@code next.version() - 1}.
   *
   * @return false, writing nothing, when someone else wrote it first (or it does not exist)
   * @throws IllegalArgumentException when {@code next.version()} is 0
   */
  boolean update(StoredConversation next);

  /**
   * Returns up to {@code limit} open conversations last written before {@code cutoff}, oldest
   * first.
   *
   * @throws IllegalArgumentException when {@code limit} is negative
   */
  List<StoredConversation> findOpenIdleSince(Instant cutoff, int limit);

  /**
   * Deletes up to {@code limit} closed conversations last written before {@code cutoff}, oldest
   * first. A conversation whose thread still has a waiting triage
   * ({@link dev.claude500.incidents.WaitingTriages}) is kept: the incident watcher resumes it when
   * its incident clears.
   *
   * @return how many were deleted; fewer than {@code limit} when no more match
   * @throws IllegalArgumentException when {@code limit} is negative
   */
  int purgeClosedBefore(Instant cutoff, int limit);
}
