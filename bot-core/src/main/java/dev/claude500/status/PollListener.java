package dev.claude500.status;

import java.time.Instant;

/**
 * What acts on the page after each of the {@link StatusPoller}'s rounds, on the poller's thread
 * (the incident watcher's diff and posts). A listener never throws; one that does is logged and
 * the round goes on.
 */
public interface PollListener {
  /**
   * Acts on one round.
   *
   * @param round what the round knows of the page
   * @return the latest moment this listener wants another round; {@link Instant#MAX} when it has no
   *     wish of its own (the poller's next read decides)
   */
  Instant polled(PollRound round);
}
