package dev.claude500.chat;

import java.time.Instant;

/**
 * Remembers deliveries already handled (a platform's event id, an interaction id), so a retried
 * delivery is applied once. Thread-safe.
 */
public interface SeenDeliveries {
  /**
   * Records a delivery.
   *
   * @return true the first time this id is seen; false for every repeat
   */
  boolean firstSeen(String deliveryId, Instant now);

  /**
   * Forgets up to {@code limit} deliveries seen before {@code cutoff}, oldest first.
   *
   * @return how many were forgotten; fewer than {@code limit} when no more match
   * @throws IllegalArgumentException when {@code limit} is negative
   */
  int purgeBefore(Instant cutoff, int limit);
}
