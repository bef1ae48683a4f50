package dev.claude500.slack;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import dev.claude500.metrics.BotMetrics;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one Web API call under a {@link RetryPolicy}: reads Slack's answer, or the failure, into a
 * {@link SlackCallException} of the kind it is, and tries again when that may help.
 *
 * <p>When a call is tried again: always when Slack certainly did not take it: HTTP 429 (after its
 * {@code Retry-After}), any other non-200 status (Slack answers every method outcome, errors such as
 * {@code internal_error} included, with HTTP 200 and {@code ok:false}, so a 5xx comes from in front
 * of the method and means it did not run), {@code ratelimited}, {@code service_unavailable} and
 * {@code request_timeout} (the POST arrived truncated), and a connection that was never made.
 * Calls that change nothing when repeated ({@link Safety#REPEATABLE}: {@code chat.update}, {@code
 * auth.test}, lookups) are also tried again when the answer was lost. A post ({@link Safety#ONCE}:
 * {@code chat.postMessage}, a {@code response_url}) whose answer was lost (read timeout, connection
 * reset, {@code internal_error}, {@code fatal_error}) is not repeated, as that could show it twice:
 * it fails with {@link SlackCallException.Kind#UNKNOWN_OUTCOME}. Thread-safe.
 */
final class RetryingCaller {
  private static final Logger LOG = LoggerFactory.getLogger(RetryingCaller.class);

  /** Slack errors that say the method did not run and may run later. */
  private static final Set<String> NOT_TAKEN = Set.of("ratelimited", "service_unavailable", "request_timeout");
  /** Slack errors after which the method may have run in part. */
  private static final Set<String> MAYBE_TAKEN = Set.of("internal_error", "fatal_error");

  private final RetryPolicy policy;
  private final BotMetrics metrics;

  /** Creates the caller; every {@code Retry-After} waited for in line is recorded on {@code metrics}. */
  RetryingCaller(RetryPolicy policy, BotMetrics metrics) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  /** Whether repeating a call could change anything. */
  enum Safety {
    /** Repeating it changes nothing: retried whenever the answer is lost. */
    REPEATABLE,
    /** Repeating it could post twice: retried only when Slack certainly did not take it. */
    ONCE
  }

  /** One attempt at a call. */
  @FunctionalInterface
  interface Call<T> {
    T run() throws IOException, SlackApiException;
  }

  /** What a {@code response_url} answered. */
  record WebhookResult(int code, String body) {}

  /** Returns how calls are retried. */
  RetryPolicy policy() {
    return policy;
  }

  /**
   * Returns the answer of {@code method}, tried as often as the policy allows and the call's safety
   * permits; an answer is either a {@link SlackApiTextResponse} or a {@link WebhookResult}.
   *
   * @throws SlackCallException when it failed for good
   */
  <T> T call(String method, Safety safety, Call<T> call) {
    for (int attempt = 1; ; attempt++) {
      SlackCallException failure;
      try {
        T answer = call.run();
        Optional<SlackCallException> refused = refusal(method, safety, answer);
        if (refused.isEmpty()) {
          return answer;
        }
        failure = refused.get();
      } catch (SlackApiException e) {
        failure = httpFailure(method, e.getResponse().code(), e.getResponse().header("Retry-After"), e);
      } catch (IOException e) {
        failure = ioFailure(method, safety, e);
      } catch (RuntimeException e) {
        // An answer the client could not read: whether it was taken is unknown.
        failure = new SlackCallException(method, "unreadable answer: " + e, safety == Safety.ONCE
            ? SlackCallException.Kind.UNKNOWN_OUTCOME : SlackCallException.Kind.RETRYABLE, Optional.empty(), e);
      }
      if (failure.kind() != SlackCallException.Kind.RETRYABLE || attempt >= policy.maxAttempts()) {
        throw failure;
      }
      Duration wait = failure.retryAfter().orElse(policy.backoff(attempt));
      if (wait.compareTo(policy.maxWait()) > 0) {
        throw failure;
      }
      LOG.info("{} (attempt {} of {}), trying again in {} ms", failure.getMessage(), attempt,
          policy.maxAttempts(), wait.toMillis());
      failure.retryAfter().ifPresent(asked -> metrics.rateLimitWait(SlackAdapter.PLATFORM, asked));
      try {
        policy.pause().pause(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw failure;
      }
    }
  }

  private Optional<SlackCallException> refusal(String method, Safety safety, Object answer) {
    if (answer instanceof WebhookResult w) {
      if (w.code() == 200) {
        return Optional.empty();
      }
      return Optional.of(httpFailure(method, w.code(), null, null));
    }
    SlackApiTextResponse r = (SlackApiTextResponse) answer;
    if (r.isOk()) {
      return Optional.empty();
    }
    String error = r.getError() == null ? "unknown_error" : r.getError();
    SlackCallException.Kind kind;
    if (NOT_TAKEN.contains(error)) {
      kind = SlackCallException.Kind.RETRYABLE;
    } else if (MAYBE_TAKEN.contains(error)) {
      kind = safety == Safety.REPEATABLE ? SlackCallException.Kind.RETRYABLE : SlackCallException.Kind.UNKNOWN_OUTCOME;
    } else {
      kind = SlackCallException.Kind.PERMANENT;
    }
    if (r.getNeeded() != null) {
      LOG.warn("{} refused with {}: the app needs the scope {} (reinstall it from deploy/slack/manifest.yml)",
          method, error, r.getNeeded());
    }
    return Optional.of(new SlackCallException(method, error, kind,
        retryAfter(header(r.getHttpResponseHeaders(), "retry-after")), null));
  }

  private static SlackCallException httpFailure(String method, int code, String retryAfterHeader, Throwable cause) {
    if (code == 429) {
      Optional<Duration> wait = retryAfter(retryAfterHeader).or(() -> Optional.of(Duration.ofSeconds(1)));
      return new SlackCallException(method, "http_429", SlackCallException.Kind.RETRYABLE, wait, cause);
    }
    SlackCallException.Kind kind = code >= 500 || code == 408
        ? SlackCallException.Kind.RETRYABLE : SlackCallException.Kind.PERMANENT;
    String error = cause instanceof SlackApiException e && e.getError() != null && e.getError().getError() != null
        ? e.getError().getError() : "http_" + code;
    return new SlackCallException(method, error, kind, Optional.empty(), cause);
  }

  private static SlackCallException ioFailure(String method, Safety safety, IOException e) {
    boolean neverSent = e instanceof ConnectException || e instanceof UnknownHostException
        || e instanceof NoRouteToHostException
        || (e instanceof InterruptedIOException && String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("connect"));
    SlackCallException.Kind kind = neverSent || safety == Safety.REPEATABLE
        ? SlackCallException.Kind.RETRYABLE : SlackCallException.Kind.UNKNOWN_OUTCOME;
    return new SlackCallException(method, e.getClass().getSimpleName() + ": " + e.getMessage(), kind, Optional.empty(), e);
  }

  private static Optional<Duration> retryAfter(String header) {
    if (header == null || !header.strip().matches("\\d{1,6}")) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofSeconds(Long.parseLong(header.strip())));
  }

  private static String header(Map<String, List<String>> headers, String name) {
    if (headers == null) {
      return null;
    }
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
