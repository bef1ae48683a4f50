package dev.claude500.slack;

import com.slack.api.Slack;
import com.slack.api.app_backend.slash_commands.SlashCommandResponseSender;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.conversations.ConversationsRepliesResponse;
import com.slack.api.methods.response.files.FilesInfoResponse;
import com.slack.api.model.Message;
import com.slack.api.model.User;
import com.slack.api.webhook.WebhookResponse;
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
 * The Web API calls the adapter makes, each retried by one policy.
 *
 * <p>When a call is retried: always when Slack certainly did not take it: HTTP 429 (after its
 * {@code Retry-After}), any other non-200 status (Slack answers every method outcome, errors such as
 * {@code internal_error} included, with HTTP 200 and {@code ok:false}, so a 5xx comes from in front
 * of the method and means it did not run), {@code ratelimited}, {@code service_unavailable} and
 * {@code request_timeout} (the POST arrived truncated), and a connection that was never made.
 * Calls that change nothing when repeated ({@code chat.update}, {@code auth.test}, lookups) are
 * also retried when the answer was lost. A post ({@code chat.postMessage}, a {@code response_url})
 * whose answer was lost (read timeout, connection reset, {@code internal_error}, {@code fatal_error})
 * is not repeated, as that could show it twice: it fails with {@link SlackCallException.Kind#UNKNOWN_OUTCOME}
 * ({@link TaggedPosts} then looks for a tagged post before posting it again). The HTTP client
 * underneath is built with OkHttp's silent connection retry off for the same reason. Thread-safe.
 */
final class WebApi {
  private static final Logger LOG = LoggerFactory.getLogger(WebApi.class);

  /** Slack errors that say the method did not run and may run later. */
  private static final Set<String> NOT_TAKEN = Set.of("ratelimited", "service_unavailable", "request_timeout");
  /** Slack errors after which the method may have run in part. */
  private static final Set<String> MAYBE_TAKEN = Set.of("internal_error", "fatal_error");

  private final Slack slack;
  private final MethodsClient methods;
  private final RetryPolicy policy;
  private final BotMetrics metrics;

  WebApi(Slack slack, String botToken, RetryPolicy policy) {
    this(slack, botToken, policy, BotMetrics.none());
  }

  /** Creates the client; every {@code Retry-After} waited for in line is recorded on {@code metrics}. */
  WebApi(Slack slack, String botToken, RetryPolicy policy, BotMetrics metrics) {
    this.slack = Objects.requireNonNull(slack, "slack");
    this.methods = slack.methods(Objects.requireNonNull(botToken, "botToken"));
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

  /** Calls {@code auth.test}: who the bot is. */
  AuthTestResponse authTest() {
    return call("auth.test", Safety.REPEATABLE, () -> methods.authTest(r -> r));
  }

  /**
   * Posts a message and returns its {@code ts}.
   *
   * @param threadTs the thread to post in, or null for the channel
   * @param broadcast also show a thread reply in the channel
   */
  String postMessage(String channel, String threadTs, boolean broadcast, SlackMessage message) {
    return postMessage(channel, threadTs, broadcast, message, Optional.empty());
  }

  /** Posts a message, with {@code tag} as its message metadata when given, and returns its {@code ts}. */
  String postMessage(String channel, String threadTs, boolean broadcast, SlackMessage message, Optional<PostTag> tag) {
    return call("chat.postMessage", Safety.ONCE, () -> methods.chatPostMessage(r -> r
        .channel(channel)
        .threadTs(threadTs)
        .replyBroadcast(threadTs != null && broadcast)
        .text(message.text())
        .blocks(message.blocks())
        .metadata(tag.map(PostTag::metadata).orElse(null))
        .unfurlLinks(false)
        .unfurlMedia(false))).getTs();
  }

  /** Returns the newest {@code limit} messages of a channel's history, newest first, with their metadata. */
  List<Message> history(String channel, int limit) {
    List<Message> messages = call("conversations.history", Safety.REPEATABLE, () -> methods.conversationsHistory(r -> r
        .channel(channel).includeAllMetadata(true).limit(limit))).getMessages();
    return messages == null ? List.of() : messages;
  }

  /**
   * Returns a page of a thread, oldest first (its first message first), with their metadata.
   *
   * @param cursor where the page starts, or null for the first page
   */
  ConversationsRepliesResponse replies(String channel, String threadTs, String cursor, int limit) {
    return call("conversations.replies", Safety.REPEATABLE, () -> methods.conversationsReplies(r -> r
        .channel(channel).ts(threadTs).includeAllMetadata(true).limit(limit).cursor(cursor)));
  }

  /**
   * Returns a text file's content ({@code files.info}), e.g. a snippet Slack made of a long paste;
   * empty when Slack will not say (no {@code files:read} scope, a file that is not text).
   */
  Optional<FileText> fileText(String fileId) {
    try {
      FilesInfoResponse r = call("files.info", Safety.REPEATABLE, () -> methods.filesInfo(q -> q.file(fileId)));
      return r.getContent() == null ? Optional.empty() : Optional.of(new FileText(r.getContent(), r.isTruncated()));
    } catch (SlackCallException e) {
      LOG.info("could not read file {}: {}", fileId, e.getMessage());
      return Optional.empty();
    }
  }

  /** Returns how calls are retried. */
  RetryPolicy policy() {
    return policy;
  }

  /** Replaces a message. */
  void update(String channel, String ts, SlackMessage message) {
    call("chat.update", Safety.REPEATABLE, () -> methods.chatUpdate(r -> r
        .channel(channel).ts(ts).text(message.text()).blocks(message.blocks())));
  }

  /**
   * Posts a message in a channel (in a thread when {@code threadTs} is set) that only {@code userId}
   * sees.
   */
  void postEphemeral(String channel, String userId, String threadTs, SlackMessage message) {
    call("chat.postEphemeral", Safety.ONCE, () -> methods.chatPostEphemeral(r -> r
        .channel(channel).user(userId).threadTs(threadTs).text(message.text()).blocks(message.blocks())));
  }

  /** Returns a message's permalink; empty when Slack will not say. */
  Optional<String> permalink(String channel, String ts) {
    try {
      return Optional.ofNullable(call("chat.getPermalink", Safety.REPEATABLE,
          () -> methods.chatGetPermalink(r -> r.channel(channel).messageTs(ts))).getPermalink());
    } catch (SlackCallException e) {
      LOG.info("no permalink for {} {}: {}", channel, ts, e.getMessage());
      return Optional.empty();
    }
  }

  /** Returns a user's display name; empty when Slack will not say (e.g. no {@code users:read} scope). */
  Optional<String> displayName(String userId) {
    try {
      User u = call("users.info", Safety.REPEATABLE, () -> methods.usersInfo(r -> r.user(userId))).getUser();
      if (u == null) {
        return Optional.empty();
      }
      String display = u.getProfile() == null ? null : u.getProfile().getDisplayName();
      String real = u.getProfile() == null ? u.getRealName() : u.getProfile().getRealName();
      return firstNonBlank(display, real, u.getName());
    } catch (SlackCallException e) {
      LOG.debug("no name for {}: {}", userId, e.getMessage());
      return Optional.empty();
    }
  }

  /** Answers a slash command through its {@code response_url}, visible only to the person who typed it. */
  void respond(String responseUrl, SlackMessage message) {
    SlashCommandResponse body = SlashCommandResponse.builder()
        .responseType("ephemeral").text(message.text()).blocks(message.blocks()).build();
    SlashCommandResponseSender sender = new SlashCommandResponseSender(slack);
    call("response_url", Safety.ONCE, () -> {
      WebhookResponse r = sender.send(responseUrl, body);
      return new WebhookResult(r.getCode() == null ? 0 : r.getCode(), r.getBody());
    });
  }

  private <T> T call(String method, Safety safety, Call<T> call) {
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

  private static Optional<String> firstNonBlank(String... names) {
    for (String n : names) {
      if (n != null && !n.isBlank()) {
        return Optional.of(n.strip());
      }
    }
    return Optional.empty();
  }

  /** One attempt at a call. */
  @FunctionalInterface
  private interface Call<T> {
    T run() throws IOException, SlackApiException;
  }

  /** What a {@code response_url} answered. */
  private record WebhookResult(int code, String body) {}

  /**
   * A text file's content as Slack gives it.
   *
   * @param text the content
   * @param truncated true when Slack gave only its beginning
   */
  record FileText(String text, boolean truncated) {}
}
