package dev.claude500.status;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one round of the {@link StatusPoller} hands its listeners.
 *
 * @param at when the round began; a read made in this round has this as its {@link PageRead#readAt()}
 * @param latest the latest successful read, this round's or an earlier one; empty before the first
 * @param answering true when the page's last read succeeded
 */
public record PollRound(Instant at, Optional<PageRead> latest, boolean answering) {
  /** Validates the arguments. */
  public PollRound {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(latest, "latest");
  }
}
