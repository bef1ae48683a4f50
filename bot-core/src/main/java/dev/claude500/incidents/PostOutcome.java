package dev.claude500.incidents;

/** What became of one item the poster was asked to put in a channel. */
sealed interface PostOutcome {
  /**
   * The item is in the channel as this message.
   *
   * @param justNow true when posted by this call; false when posted earlier (found on the platform,
   *     or confirmed in the ledger)
   */
  record Posted(String messageId, boolean justNow) implements PostOutcome {}

  /** The channel is waiting (a rate limit, an outage): post nothing more to it for now. */
  record Deferred() implements PostOutcome {}

  /** The item will not be posted here by this poster: refused for good, or claimed by another. */
  record Passed() implements PostOutcome {}

  /** Returns true when the channel should get nothing more this round. */
  default boolean stopsChannel() {
    return this instanceof Deferred;
  }
}
