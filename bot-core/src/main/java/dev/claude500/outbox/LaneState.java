package dev.claude500.outbox;

import java.time.Instant;
import java.util.TreeMap;

/** One lane's messages not yet delivered, by seq, and how its tries are going. Guarded by the outbox's lock. */
final class LaneState {
  /** The lane's messages, oldest first. */
  final TreeMap<Long, Queued> queue = new TreeMap<>();
  /** True while a thread sends the lane's messages. */
  boolean draining;
  /** Failures in a row, for the backoff. */
  int strikes;
  /** When the lane may be tried again after a failure. */
  Instant notBefore = Instant.MIN;
  /** When a scheduled wake-up of the lane is due, if one is. */
  Instant wakeAt;
}
