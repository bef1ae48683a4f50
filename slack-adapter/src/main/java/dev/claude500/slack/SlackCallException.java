package dev.claude500.slack;

import dev.claude500.chat.ChatDeliveryException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** A Web API call that failed for good (after the retries the policy allows). */
final class SlackCallException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Whether the same call may work later. */
  enum Kind {
    /** Slack refused it and will again (no permission, unknown channel, bad request). */
    PERMANENT,
    /** Slack did not take it (rate limit, outage, unreachable); the same call may work later. */
    RETRYABLE,
    /** It may or may not have been taken (the answer was lost); repeating it could post twice. */
    UNKNOWN_OUTCOME
  }

  private final String method;
  private final String error;
  private final Kind kind;
  private final transient Optional<Duration> retryAfter;

  SlackCallException(String method, String error, Kind kind, Optional<Duration> retryAfter, Throwable cause) {
    super(method + " failed: " + error + " (" + kind.name().toLowerCase(java.util.Locale.ROOT) + ")", cause);
    this.method = Objects.requireNonNull(method, "method");
    this.error = Objects.requireNonNull(error, "error");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.retryAfter = retryAfter == null ? Optional.empty() : retryAfter;
  }

  /** Returns the Web API method (or {@code response_url}). */
  String method() {
    return method;
  }

  /** Returns Slack's error code (e.g. {@code not_in_channel}), {@code http_503}, or the I/O error. */
  String error() {
    return error;
  }

  /** Returns whether it may work later. */
  Kind kind() {
    return kind;
  }

  /** Returns how long Slack asked to wait, when it said. */
  Optional<Duration> retryAfter() {
    return retryAfter;
  }

  /** Returns true when Slack said the bot cannot post in the channel. */
  boolean isNotInChannel() {
    return error.equals("not_in_channel") || error.equals("channel_not_found");
  }

  /**
   * Returns the chat port's exception for this failure. An unknown outcome is reported as such
   * ({@link ChatDeliveryException#outcomeUnknown}): repeating it blindly could post twice and
   * dropping it could lose it, so the caller's ledger looks for it before posting again.
   *
   * <p>A rate limit says what it holds back: Slack limits posting with {@code chat.postMessage}
   * per channel, and every other method per workspace (its rate tiers count each method's calls
   * across the workspace), so a limit met by any other call holds back the whole workspace.
   */
  ChatDeliveryException toDelivery() {
    if (kind == Kind.UNKNOWN_OUTCOME) {
      return ChatDeliveryException.outcomeUnknown(getMessage(), this);
    }
    if (kind == Kind.RETRYABLE && isRateLimit()) {
      return ChatDeliveryException.rateLimited(getMessage(), retryAfter, method.equals("chat.postMessage")
          ? ChatDeliveryException.Scope.CHANNEL : ChatDeliveryException.Scope.WORKSPACE, this);
    }
    return new ChatDeliveryException(getMessage(), kind == Kind.RETRYABLE, retryAfter, this);
  }

  /** Returns true when Slack refused the call for its rate limit (HTTP 429, or {@code ratelimited}). */
  boolean isRateLimit() {
    return error.equals("http_429") || error.equals("ratelimited");
  }
}
