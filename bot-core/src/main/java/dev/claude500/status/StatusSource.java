package dev.claude500.status;

import java.util.Optional;

/**
 * Where the rest of the bot learns the page's state. Implementations are thread-safe and never
 * throw: failures become a stale or unknown {@link StatusSnapshot}.
 */
public interface StatusSource {
  /**
   * Returns the page's state, waiting for a first fetch at most for the source's bounded timeout.
   * Never call it on a path that must answer at once (a chat acknowledgement); use {@link #peek()}.
   */
  StatusSnapshot current();

  /** Returns what is known right now without waiting; unknown when nothing was fetched yet. */
  StatusSnapshot peek();

  /**
   * Returns the incident or maintenance with this id as the last read of the page showed it, without
   * waiting and without reading the page; empty when that read did not list it or nothing was read
   * yet. The summary lists unresolved incidents and upcoming or running maintenances; a source that
   * also holds the page's recent incidents list may answer for resolved ones too.
   */
  default Optional<Incident> incident(String id) {
    return peek().summary().flatMap(s -> s.incident(id));
  }
}
