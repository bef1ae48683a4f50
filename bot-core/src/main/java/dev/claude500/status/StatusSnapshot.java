package dev.claude500.status;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the bot knows of the page at one moment.
 *
 * @param summary the last good summary, if there ever was one
 * @param asOf when that summary was fetched, if there is one
 * @param fresh true when the last attempt to reach the page succeeded
 * @param problem why the last attempt failed, when it did (for logs and "unknown since" notes)
 */
public record StatusSnapshot(
    Optional<Summary> summary, Optional<Instant> asOf, boolean fresh, Optional<String> problem) {
  /** Validates that a summary comes with its time. */
  public StatusSnapshot {
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(problem, "problem");
    if (summary.isPresent() != asOf.isPresent()) {
      throw new IllegalArgumentException("a summary and its time come together");
    }
  }

  /** Returns a snapshot of a summary fetched just now. */
  public static StatusSnapshot fresh(Summary summary, Instant at) {
    return new StatusSnapshot(Optional.of(summary), Optional.of(at), true, Optional.empty());
  }

  /** Returns a snapshot for a page never reached. */
  public static StatusSnapshot unknown(String problem) {
    return new StatusSnapshot(Optional.empty(), Optional.empty(), false, Optional.of(problem));
  }

  /** Returns this snapshot's summary marked stale because the page failed just now. */
  public StatusSnapshot stale(String why) {
    return new StatusSnapshot(summary, asOf, false, Optional.of(why));
  }

  /** Returns true when there is a summary to show, fresh or not. */
  public boolean isKnown() {
    return summary.isPresent();
  }
}
