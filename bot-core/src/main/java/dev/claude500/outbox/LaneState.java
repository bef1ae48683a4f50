package dev.claude500.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

  /** Counts a failure; returns the backoff before the next try, from the first doubling up to the longest. */
  Duration failed() {
    strikes++;
    Duration d = Outbox.FIRST_BACKOFF.multipliedBy(1L << Math.min(strikes - 1, 20));
    return d.compareTo(Outbox.LONGEST_BACKOFF) > 0 ? Outbox.LONGEST_BACKOFF : d;
  }

  /** Forgets the failures: a message went out. */
  void delivered() {
    strikes = 0;
    notBefore = Instant.MIN;
  }

  /** Empties the queue; returns what was in it, oldest first. */
  List<Queued> takeAll() {
    List<Queued> all = new ArrayList<>(queue.values());
    queue.clear();
    return all;
  }
}
