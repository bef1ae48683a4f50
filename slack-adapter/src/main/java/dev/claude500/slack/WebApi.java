package dev.claude500.slack;

import com.slack.api.Slack;
import com.slack.api.app_backend.interactive_components.ActionResponseSender;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.app_backend.slash_commands.SlashCommandResponseSender;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.request.chat.ChatUnfurlRequest.UnfurlDetail;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest.FileDetails;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.conversations.ConversationsRepliesResponse;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import com.slack.api.methods.response.files.FilesInfoResponse;
import com.slack.api.model.Message;
import com.slack.api.model.User;
import com.slack.api.model.view.View;
import com.slack.api.webhook.WebhookResponse;
import dev.claude500.metrics.BotMetrics;
import dev.claude500.slack.RetryingCaller.Safety;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Web API calls the adapter makes, each run by one {@link RetryingCaller}, which says when a
 * call is tried again: a post whose answer was lost is not repeated blindly but fails with {@link
 * SlackCallException.Kind#UNKNOWN_OUTCOME} ({@link TaggedPosts} then looks for a tagged post before
 * posting it again). The HTTP client underneath is built with OkHttp's silent connection retry off
 * for the same reason. Thread-safe.
 */
final class WebApi {
  private static final Logger LOG = LoggerFactory.getLogger(WebApi.class);

  private final Slack slack;
  private final MethodsClient methods;
  private final RetryingCaller caller;

  /** Creates the client; every {@code Retry-After} waited for in line is recorded on {@code metrics}. */
  WebApi(Slack slack, String botToken, RetryPolicy policy, BotMetrics metrics) {
    this.slack = Objects.requireNonNull(slack, "slack");
    this.methods = slack.methods(Objects.requireNonNull(botToken, "botToken"));
    this.caller = new RetryingCaller(policy, metrics);
  }

  /** Calls {@code auth.test}: who the bot is. */
  AuthTestResponse authTest() {
    return caller.call("auth.test", Safety.REPEATABLE, () -> methods.authTest(r -> r));
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
    return caller.call("chat.postMessage", Safety.ONCE, () -> methods.chatPostMessage(r -> r
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
    List<Message> messages = caller.call("conversations.history", Safety.REPEATABLE, () -> methods.conversationsHistory(r -> r
        .channel(channel).includeAllMetadata(true).limit(limit))).getMessages();
    return messages == null ? List.of() : messages;
  }

  /**
   * Returns one message of a channel by its {@code ts}: a top-level one through {@code
   * conversations.history} ({@code latest} = ts, inclusive, limit 1), else a thread reply through
   * {@code conversations.replies}; empty when Slack has no such message (deleted, or never there).
   */
  Optional<Message> message(String channel, String ts) {
    List<Message> top = caller.call("conversations.history", Safety.REPEATABLE, () -> methods.conversationsHistory(r -> r
        .channel(channel).latest(ts).inclusive(true).limit(1))).getMessages();
    Optional<Message> found = top == null ? Optional.empty() : top.stream().filter(m -> ts.equals(m.getTs())).findFirst();
    if (found.isPresent()) {
      return found;
    }
    try {
      List<Message> thread = replies(channel, ts, null, 1).getMessages();
      return thread == null ? Optional.empty() : thread.stream().filter(m -> ts.equals(m.getTs())).findFirst();
    } catch (SlackCallException e) {
      if (e.error() != null && e.error().equals("thread_not_found")) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * Returns a page of a thread, oldest first (its first message first), with their metadata.
   *
   * @param cursor where the page starts, or null for the first page
   */
  ConversationsRepliesResponse replies(String channel, String threadTs, String cursor, int limit) {
    return caller.call("conversations.replies", Safety.REPEATABLE, () -> methods.conversationsReplies(r -> r
        .channel(channel).ts(threadTs).includeAllMetadata(true).limit(limit).cursor(cursor)));
  }

  /**
   * Returns a text file's content ({@code files.info}), e.g. a snippet Slack made of a long paste;
   * empty when Slack will not say (no {@code files:read} scope, a file that is not text).
   */
  Optional<FileText> fileText(String fileId) {
    try {
      FilesInfoResponse r = caller.call("files.info", Safety.REPEATABLE, () -> methods.filesInfo(q -> q.file(fileId)));
      return r.getContent() == null ? Optional.empty() : Optional.of(new FileText(r.getContent(), r.isTruncated()));
    } catch (SlackCallException e) {
      LOG.info("could not read file {}: {}", fileId, e.getMessage());
      return Optional.empty();
    }
  }

  /** Returns how calls are retried. */
  RetryPolicy policy() {
    return caller.policy();
  }

  /** Replaces a message. */
  void update(String channel, String ts, SlackMessage message) {
    caller.call("chat.update", Safety.REPEATABLE, () -> methods.chatUpdate(r -> r
        .channel(channel).ts(ts).text(message.text()).blocks(message.blocks())));
  }

  /**
   * Posts a message in a channel (in a thread when {@code threadTs} is set) that only {@code userId}
   * sees.
   */
  void postEphemeral(String channel, String userId, String threadTs, SlackMessage message) {
    caller.call("chat.postEphemeral", Safety.ONCE, () -> methods.chatPostEphemeral(r -> r
        .channel(channel).user(userId).threadTs(threadTs).text(message.text()).blocks(message.blocks())));
  }

  /**
   * Shows previews under links of a message ({@code chat.unfurl}), keyed by the link as Slack gave it.
   * Sending the same previews again replaces them with themselves, so the call is tried again like a
   * lookup.
   */
  void unfurl(UnfurlTarget target, Map<String, UnfurlDetail> unfurls) {
    caller.call("chat.unfurl", Safety.REPEATABLE, () -> methods.chatUnfurl(r -> r
        .channel(target.channel()).ts(target.ts()).unfurlId(target.unfurlId()).source(target.source())
        .unfurls(unfurls)));
  }

  /** Returns a message's permalink; empty when Slack will not say. */
  Optional<String> permalink(String channel, String ts) {
    try {
      return Optional.ofNullable(caller.call("chat.getPermalink", Safety.REPEATABLE,
          () -> methods.chatGetPermalink(r -> r.channel(channel).messageTs(ts))).getPermalink());
    } catch (SlackCallException e) {
      LOG.info("no permalink for {} {}: {}", channel, ts, e.getMessage());
      return Optional.empty();
    }
  }

  /** Returns a user's display name; empty when Slack will not say (e.g. no {@code users:read} scope). */
  Optional<String> displayName(String userId) {
    try {
      User u = caller.call("users.info", Safety.REPEATABLE, () -> methods.usersInfo(r -> r.user(userId))).getUser();
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

  /**
   * Uploads a file the way Slack wants it now: {@code files.getUploadURLExternal}, the bytes posted
   * to the URL it gives, then {@code files.completeUploadExternal}, which shares it into {@code
   * channel} with {@code comment} when a channel is given and otherwise leaves it private to the app
   * (for an image block to show by its id). Returns the file's id.
   */
  String upload(String fileName, String title, byte[] bytes, Optional<String> channel, Optional<String> comment) {
    FilesGetUploadURLExternalResponse target = caller.call("files.getUploadURLExternal", Safety.REPEATABLE,
        () -> methods.filesGetUploadURLExternal(r -> r.filename(fileName).length(bytes.length).altTxt(title)));
    caller.call("files.upload_url", Safety.REPEATABLE, () -> {
      MultipartBody body = new MultipartBody.Builder().setType(MultipartBody.FORM)
          .addFormDataPart("filename", fileName, RequestBody.create(bytes, MediaType.get("image/png"))).build();
      try (okhttp3.Response r = slack.getHttpClient().postMultipart(target.getUploadUrl(), null, body)) {
        return new RetryingCaller.WebhookResult(r.code(), r.body() == null ? "" : r.body().string());
      }
    });
    FileDetails file = FileDetails.builder().id(target.getFileId()).title(title).build();
    caller.call("files.completeUploadExternal", Safety.ONCE, () -> methods.filesCompleteUploadExternal(r -> {
      r.files(List.of(file));
      channel.ifPresent(r::channelId);
      comment.ifPresent(r::initialComment);
      return r;
    }));
    return target.getFileId();
  }

  /** Publishes a person's App Home tab ({@code views.publish}). */
  void publishHome(String userId, View view) {
    caller.call("views.publish", Safety.REPEATABLE, () -> methods.viewsPublish(r -> r.userId(userId).view(view)));
  }

  /** Answers a slash command through its {@code response_url}, visible only to the person who typed it. */
  void respond(String responseUrl, SlackMessage message) {
    SlashCommandResponse body = SlashCommandResponse.builder()
        .responseType("ephemeral").text(message.text()).blocks(message.blocks()).build();
    SlashCommandResponseSender sender = new SlashCommandResponseSender(slack);
    caller.call("response_url", Safety.ONCE, () -> {
      WebhookResponse r = sender.send(responseUrl, body);
      return new RetryingCaller.WebhookResult(r.getCode() == null ? 0 : r.getCode(), r.getBody());
    });
  }

  /**
   * Answers a click on a message's button through its {@code response_url}, visible only to the
   * person who clicked; {@code replaceOriginal} puts it in place of the clicked message (an
   * ephemeral one).
   */
  void respondToClick(String responseUrl, SlackMessage message, boolean replaceOriginal) {
    ActionResponse body = ActionResponse.builder().responseType("ephemeral").replaceOriginal(replaceOriginal)
        .text(message.text()).blocks(message.blocks()).build();
    ActionResponseSender sender = new ActionResponseSender(slack);
    caller.call("response_url", Safety.ONCE, () -> {
      WebhookResponse r = sender.send(responseUrl, body);
      return new RetryingCaller.WebhookResult(r.getCode() == null ? 0 : r.getCode(), r.getBody());
    });
  }

  private static Optional<String> firstNonBlank(String... names) {
    for (String n : names) {
      if (n != null && !n.isBlank()) {
        return Optional.of(n.strip());
      }
    }
    return Optional.empty();
  }

  /**
   * The message whose links {@link #unfurl} previews: a channel and ts, or Slack's unfurl id and
   * source (the unused pair is null).
   */
  record UnfurlTarget(String channel, String ts, String unfurlId, String source) {
    static UnfurlTarget inMessage(String channel, String ts) {
      return new UnfurlTarget(Objects.requireNonNull(channel, "channel"), Objects.requireNonNull(ts, "ts"), null, null);
    }

    static UnfurlTarget byUnfurlId(String unfurlId, String source) {
      return new UnfurlTarget(null, null, Objects.requireNonNull(unfurlId, "unfurlId"), Objects.requireNonNull(source, "source"));
    }

    @Override
    public String toString() {
      return unfurlId != null ? "unfurl " + unfurlId + " (" + source + ")" : channel + " " + ts;
    }
  }

  /**
   * A text file's content as Slack gives it.
   *
   * @param text the content
   * @param truncated true when Slack gave only its beginning
   */
  record FileText(String text, boolean truncated) {}
}
