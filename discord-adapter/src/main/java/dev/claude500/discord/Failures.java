package dev.claude500.discord;

import dev.claude500.chat.ChatDeliveryException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.PermissionException;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import net.dv8tion.jda.api.requests.ErrorResponse;

/**
 * Reads what went wrong in a JDA request: whether trying again may help (rate limits, Discord's
 * 5xx, timeouts, a dropped connection) or not (missing permissions, an unknown or locked channel,
 * a refused body), and whether the cause is a permission the bot lacks. Stateless.
 */
final class Failures {
  private static final Duration MAX_ACTIVE_THREADS_WAIT = Duration.ofMinutes(10);

  private Failures() {}

  /**
   * What one failure means.
   *
   * @param exception the exception to give the core
   * @param missingPermission true when the bot lacks a permission or access in the channel
   * @param permission the permission JDA named, when it named one
   */
  record Failure(ChatDeliveryException exception, boolean missingPermission, Optional<Permission> permission) {}

  /** Classifies a failure of {@code action} (e.g. "post in 123"). */
  static Failure classify(String action, Throwable thrown) {
    Throwable t = unwrap(thrown);
    if (t instanceof PermissionException p) {
      Optional<Permission> permission = p.getPermission() == Permission.UNKNOWN ? Optional.empty()
          : Optional.of(p.getPermission());
      return new Failure(permanent(action + ": missing permission "
          + permission.map(Permission::getName).orElse(p.getMessage()), t), true, permission);
    }
    if (t instanceof RateLimitedException r) {
      return retryable(action + ": rate limited", Optional.of(Duration.ofMillis(Math.max(0, r.getRetryAfter()))), t);
    }
    if (t instanceof ErrorResponseException e) {
      return classify(action, e);
    }
    if (t instanceof TimeoutException || t instanceof IOException || t instanceof RejectedExecutionException) {
      return retryable(action + ": " + t, Optional.empty(), t);
    }
    if (t instanceof IllegalArgumentException) {
      return new Failure(permanent(action + ": refused before sending: " + t.getMessage(), t), false, Optional.empty());
    }
    return retryable(action + ": " + t, Optional.empty(), t);
  }

  /**
   * Returns true when a request that failed this way may still have been carried out: an answer
   * that timed out or broke off, or a 5xx from behind Discord's front. False for what Discord
   * certainly refused or never saw (a rate limit, a permission, a refused body, no connection).
   */
  static boolean mayHaveBeenTaken(Throwable thrown) {
    Throwable t = thrown == null ? null : unwrap(thrown);
    if (t == null || t instanceof PermissionException || t instanceof RateLimitedException
        || t instanceof IllegalArgumentException || t instanceof RejectedExecutionException
        || t instanceof ConnectException || t instanceof UnknownHostException) {
      return false;
    }
    if (t instanceof ErrorResponseException e) {
      int status = e.getResponse() == null ? 0 : e.getResponse().code;
      return e.isServerError() || status >= 500;
    }
    return true;
  }

  private static Failure classify(String action, ErrorResponseException e) {
    String what = action + ": Discord answered " + e.getErrorCode() + " " + e.getMeaning();
    if (e.isServerError()) {
      return retryable(what, Optional.empty(), e);
    }
    ErrorResponse r = e.getErrorResponse();
    if (r == ErrorResponse.MISSING_PERMISSIONS || r == ErrorResponse.MISSING_ACCESS) {
      return new Failure(permanent(what, e), true, Optional.empty());
    }
    if (r == ErrorResponse.MAX_ACTIVE_THREADS || r == ErrorResponse.MAX_ANNOUNCEMENT_THREADS) {
      return retryable(what, Optional.of(MAX_ACTIVE_THREADS_WAIT), e);
    }
    int status = e.getResponse() == null ? 0 : e.getResponse().code;
    if (status == 429) {
      Optional<Duration> after = e.getResponse().retryAfter > 0
          ? Optional.of(Duration.ofMillis(e.getResponse().retryAfter)) : Optional.empty();
      return new Failure(ChatDeliveryException.rateLimited(what, after, scope(e.getResponse().getRawResponse()), e),
          false, Optional.empty());
    }
    if (status == 408 || status >= 500) {
      return retryable(what, Optional.empty(), e);
    }
    return new Failure(permanent(what, e), false, Optional.empty());
  }

  /**
   * Returns what a 429 holds back: Discord's global limit ({@code X-RateLimit-Global: true}, or
   * {@code X-RateLimit-Scope: global}) holds back the whole server here; a route's limit only the
   * channel.
   */
  static ChatDeliveryException.Scope scope(okhttp3.Response raw) {
    if (raw == null) {
      return ChatDeliveryException.Scope.CHANNEL;
    }
    boolean global = "true".equalsIgnoreCase(raw.header("X-RateLimit-Global"))
        || "global".equalsIgnoreCase(raw.header("X-RateLimit-Scope"));
    return global ? ChatDeliveryException.Scope.WORKSPACE : ChatDeliveryException.Scope.CHANNEL;
  }

  private static Failure retryable(String message, Optional<Duration> after, Throwable cause) {
    return new Failure(new ChatDeliveryException(message, true, after, cause), false, Optional.empty());
  }

  private static ChatDeliveryException permanent(String message, Throwable cause) {
    return new ChatDeliveryException(message, false, Optional.empty(), cause);
  }

  /** Returns the first cause that is not a wrapper of another. */
  static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while ((c instanceof java.util.concurrent.CompletionException
        || c instanceof java.util.concurrent.ExecutionException
        || c.getClass() == RuntimeException.class) && c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    return c;
  }
}
