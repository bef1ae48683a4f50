package dev.claude500.chat;

import java.time.Duration;
import java.util.Optional;

/**
 * A chat platform refused or failed a post. {@link #retryable()} tells whether the same post may
 * succeed later (rate limits, 5xx, timeouts); {@link #retryAfter()} how long the platform asked to
 * wait; {@link #outcomeUnknown()} whether the platform may have taken it after all (its answer was
 * lost and the adapter could not tell), so that a caller keeping a record looks for the post before
 * sending it again.
 */
public final class ChatDeliveryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean retryable;
  private final boolean outcomeUnknown;
  private final transient Optional<Duration> retryAfter;

  /** Creates an exception. */
  public ChatDeliveryException(String message, boolean retryable, Optional<Duration> retryAfter, Throwable cause) {
    this(message, retryable, false, retryAfter, cause);
  }

  private ChatDeliveryException(String message, boolean retryable, boolean outcomeUnknown,
      Optional<Duration> retryAfter, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
    this.outcomeUnknown = outcomeUnknown;
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

  /**
   * Returns a failure whose post the platform may have taken: its answer was lost and the adapter
   * could not find out. It is {@link #retryable()} (nothing is dropped), but a caller that can should
   * look for the post ({@link ChatPort#findPosted}) before sending it again.
   */
  public static ChatDeliveryException outcomeUnknown(String message, Throwable cause) {
    return new ChatDeliveryException(message, true, true, Optional.empty(), cause);
  }

  /** Returns true when the same post may succeed later. */
  public boolean retryable() {
    return retryable;
  }

  /** Returns true when the platform may have taken the post although this reports a failure. */
  public boolean outcomeUnknown() {
    return outcomeUnknown;
  }

  /** Returns how long the platform asked to wait, if it said. */
  public Optional<Duration> retryAfter() {
    return retryAfter;
  }
}
