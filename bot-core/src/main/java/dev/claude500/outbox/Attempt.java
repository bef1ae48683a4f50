package dev.claude500.outbox;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** What became of one try at delivering a message. */
sealed interface Attempt {
  /** The message is in the chat (posted now, or found or recorded there before): it is done. */
  record Delivered() implements Attempt {}

  /**
   * The message is not in the chat yet and may get there later.
   *
   * @param why the failure, for the log
   * @param retryAfter how long the platform asked the channel to wait, if it said
   */
  record Retry(String why, Optional<Duration> retryAfter) implements Attempt {
    public Retry {
      Objects.requireNonNull(why, "why");
      Objects.requireNonNull(retryAfter, "retryAfter");
    }
  }

  /**
   * The platform refused the message for good (no permission, the channel is gone).
   *
   * @param why the refusal, for the log
   */
  record Refused(String why) implements Attempt {
    public Refused {
      Objects.requireNonNull(why, "why");
    }
  }
}
