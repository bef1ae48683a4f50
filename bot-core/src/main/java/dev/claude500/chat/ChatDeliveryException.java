package dev.claude500.chat;

import java.time.Duration;
import java.util.Optional;

/**
 * A chat platform refused or failed a post. {@link #retryable()} tells whether the same post may
 * succeed later (rate limits, 5xx, timeouts); {@link #retryAfter()} how long the platform asked to wait.
 */
public final class ChatDeliveryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean retryable;
  private final transient Optional<Duration> retryAfter;

  /** Creates an exception. */
  public ChatDeliveryException(String message, boolean retryable, Optional<Duration> retryAfter, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
    this.retryAfter = retryAfter == null ? Optional.empty() : retryAfter;
  }

  /** Returns a failure worth retrying, after {@code retryAfter} when the platform said so. */
  public static ChatDeliveryException retryable(String message, Optional<Duration> retryAfter) {
    return new ChatDeliveryException(message, true, retryAfter, null);
  }

  /** Returns a failure that will not go away by retrying (no permission, unknown channel). */
  public static ChatDeliveryException permanent(String message) {
    return new ChatDeliveryException(message, false, Optional.empty(), null);
  }

  /** Returns true when the same post may succeed later. */
  public boolean retryable() {
    return retryable;
  }

  /** Returns how long the platform asked to wait, if it said. */
  public Optional<Duration> retryAfter() {
    return retryAfter;
  }
}
