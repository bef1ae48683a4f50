package dev.claude500.chat;

import java.time.Duration;
import java.util.Optional;

/**
 * A chat platform refused or failed a post. {@link #retryable()} tells whether the same post may
 * succeed later (rate limits, 5xx, timeouts); {@link #retryAfter()} how long the platform asked to
 * wait; {@link #outcomeUnknown()} whether the platform may have taken it after all (its answer was
 * lost and the adapter could not tell), so that a caller keeping a record looks for the post before
 * sending it again. {@link #scope()} says what a rate limit holds back when the adapter knows it:
 * the channel, or the whole workspace (Slack) or server (Discord) the channel is in.
 */
public final class ChatDeliveryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What a failure worth retrying holds back. */
  public enum Scope {
    /** The channel only (the default: a per-channel limit, or one the adapter could not place). */
    CHANNEL,
    /** Every channel of the workspace or server (a workspace-wide or global rate limit). */
    WORKSPACE
  }

  private final boolean retryable;
  private final boolean outcomeUnknown;
  private final transient Optional<Duration> retryAfter;
  private final Scope scope;

  /** Creates an exception. */
  public ChatDeliveryException(String message, boolean retryable, Optional<Duration> retryAfter, Throwable cause) {
    this(message, retryable, false, retryAfter, Scope.CHANNEL, cause);
  }

  private ChatDeliveryException(String message, boolean retryable, boolean outcomeUnknown,
      Optional<Duration> retryAfter, Scope scope, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
    this.outcomeUnknown = outcomeUnknown;
    this.retryAfter = retryAfter == null ? Optional.empty() : retryAfter;
    this.scope = scope == null ? Scope.CHANNEL : scope;
  }

  /**
   * Returns a rate limit (or other failure worth retrying) that holds back {@code scope}: the
   * channel, or its whole workspace or server.
   */
  public static ChatDeliveryException rateLimited(String message, Optional<Duration> retryAfter, Scope scope,
      Throwable cause) {
    return new ChatDeliveryException(message, true, false, retryAfter, scope, cause);
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
    return new ChatDeliveryException(message, true, true, Optional.empty(), Scope.CHANNEL, cause);
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

  /** Returns what the failure holds back: the channel unless the adapter knew it was wider. */
  public Scope scope() {
    return scope;
  }
}
