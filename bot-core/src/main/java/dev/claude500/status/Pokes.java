package dev.claude500.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The reads {@link StatusPoller#poke()}s ask for: at most one waiting at a time (later pokes join
 * it), and the reads pokes bring at least {@link #SPACING} apart, so a flood of pokes costs at most
 * one extra read per spacing. Any read made after a poke answers it, whatever brought the read.
 * Time is whatever the caller passes. Thread-safe.
 */
final class Pokes {
  /** The least time between two reads that pokes bring. */
  static final Duration SPACING = Duration.ofSeconds(5);

  /** When the read a poke asked for is due; null when none waits. */
  private Instant waiting;
  /** When the last read a poke brought was made. */
  private Instant lastPokedRead;

  /** Asks for a read at {@code now}, or at the end of the spacing; returns what became of the ask. */
  synchronized Poke ask(Instant now) {
    if (waiting != null) {
      return Poke.JOINED;
    }
    Instant spaced = lastPokedRead == null ? now : lastPokedRead.plus(SPACING);
    waiting = spaced.isAfter(now) ? spaced : now;
    return waiting.equals(now) ? Poke.NOW : Poke.LATER;
  }

  /** Returns when the read a poke asked for is due, if one waits. */
  synchronized Optional<Instant> waiting() {
    return Optional.ofNullable(waiting);
  }

  /**
   * Notes a read made at {@code now}: it answers the poke waiting, if any, and starts a spacing
   * when {@code brought} (no poll was due: the poke alone brought it).
   */
  synchronized void read(Instant now, boolean brought) {
    if (waiting != null) {
      waiting = null;
      if (brought) {
        lastPokedRead = now;
      }
    }
  }
}
