package dev.claude500.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The reads {@link StatusPoller#poke()}s ask for: at most one waiting at a time (later pokes join
 * it), and the reads pokes bring at least {@link #SPACING} apart, so a flood of pokes costs at most
 * one extra read per spacing. Any read made after a poke answers it, whatever brought the read. The
 * page's API may serve a copy cached for a few seconds, so the read right after a poke may not show
 * the change behind it: the page is read once more {@link #SECOND_LOOK} after the last poke, unless a
 * read is made by then anyway. Time is whatever the caller passes. Thread-safe.
 */
final class Pokes {
  /** The least time between two reads that pokes bring. */
  static final Duration SPACING = Duration.ofSeconds(5);
  /** How long after a poke a read surely shows the change behind it: the page's API caches for about 10 s. */
  static final Duration SECOND_LOOK = Duration.ofSeconds(10);

  /** When the read a poke asked for is due; null when none waits. */
  private Instant waiting;
  /** When the read that surely shows the last poke's change is due; null when one was made since. */
  private Instant secondLook;
  /** When the last read a poke brought was made. */
  private Instant lastPokedRead;
  /** When the round scheduled for pokes comes; null when none is. */
  private Instant roundAt;

  /** Asks for a read at {@code now}, or at the end of the spacing, and one more later; returns what became of the ask. */
  synchronized Poke ask(Instant now) {
    Instant look = now.plus(SECOND_LOOK);
    secondLook = secondLook != null && secondLook.isAfter(look) ? secondLook : look;
    if (waiting != null) {
      return Poke.JOINED;
    }
    Instant spaced = lastPokedRead == null ? now : lastPokedRead.plus(SPACING);
    waiting = spaced.isAfter(now) ? spaced : now;
    return waiting.equals(now) ? Poke.NOW : Poke.LATER;
  }

  /** Returns when the next read pokes ask for is due, if one waits: the poke's own, or the second look. */
  synchronized Optional<Instant> waiting() {
    if (waiting == null || secondLook == null) {
      return Optional.ofNullable(waiting != null ? waiting : secondLook);
    }
    return Optional.of(waiting.isBefore(secondLook) ? waiting : secondLook);
  }

  /**
   * Notes a read made at {@code now}: it answers the poke waiting, if any, and the second look once
   * it is due, and starts a spacing when it answered one and {@code brought} (no poll was due).
   */
  synchronized void read(Instant now, boolean brought) {
    boolean answered = waiting != null || (secondLook != null && !now.isBefore(secondLook));
    waiting = null;
    if (secondLook != null && !now.isBefore(secondLook)) {
      secondLook = null;
    }
    if (answered && brought) {
      lastPokedRead = now;
    }
  }

  /**
   * Returns when to schedule a round for the pokes: when a read waits and no round scheduled for
   * them comes by then (so a flood of pokes schedules no pile of rounds); notes it scheduled.
   */
  synchronized Optional<Instant> roundToSchedule() {
    Optional<Instant> at = waiting();
    if (at.isEmpty() || (roundAt != null && !roundAt.isAfter(at.get()))) {
      return Optional.empty();
    }
    roundAt = at.get();
    return at;
  }

  /** Notes that the round scheduled for {@code at} runs now. */
  synchronized void roundRuns(Instant at) {
    if (at.equals(roundAt)) {
      roundAt = null;
    }
  }
}
