package dev.claude500.status;

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
}
