package dev.claude500.outbox;

import dev.claude500.chat.ChatDeliveryException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** What became of one try at delivering a message. */
sealed interface Attempt {
  /**
   * The message is in the chat (posted now, or found or recorded there before), or settled for
   * good without it: it is done.
   *
   * @param how {@code posted}, {@code edited}, {@code found} (already there) or {@code settled}
   *     (nothing sent: the ledger had it settled, or its root was refused)
   */
  record Delivered(String how) implements Attempt {
    public Delivered {
      Objects.requireNonNull(how, "how");
    }
  }

  /**
   * The message is not in the chat yet and may get there later.
   *
   * @param why the failure, for the log
   * @param retryAfter how long the platform asked to wait, if it said
   * @param scope what the wait holds back: the channel or its whole workspace
   */
  record Retry(String why, Optional<Duration> retryAfter, ChatDeliveryException.Scope scope) implements Attempt {
    public Retry {
      Objects.requireNonNull(why, "why");
      Objects.requireNonNull(retryAfter, "retryAfter");
      Objects.requireNonNull(scope, "scope");
    }

    /** A failure without a wait asked for, holding back the message's lane only. */
    static Retry plain(String why) {
      return new Retry(why, Optional.empty(), ChatDeliveryException.Scope.CHANNEL);
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
