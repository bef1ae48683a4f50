package dev.claude500.testing;

import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ChatDeliveryException;
import dev.claude500.chat.ChatPort;
import dev.claude500.chat.MessageRef;
import dev.claude500.chat.PlainTextRenderer;
import dev.claude500.chat.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A chat platform in memory for tests of code that speaks first (the incident watcher, follow-ups):
 * it records every post, thread reply and edit in order, gives each message an id ({@code m1},
 * {@code m2}...), and answers permalinks as {@code https://chat.test/<channel>/<id>}.
 *
 * <p>A test can make it refuse calls with {@link #failWhen} (a rate limit now and then, a channel
 * refused for good), can make it take a post and then lose the answer ({@link #loseAnswerWhen}),
 * and can make it find earlier posts by their item key ({@link #canFindPosts}), as an adapter that
 * tags its posts would. A refused call records nothing. Thread-safe.
 */
public final class RecordingChatPort implements ChatPort {
  /** The kinds of call. */
  public enum Kind {
    /** A top-level post. */
    POST,
    /** A reply in a thread. */
    THREAD,
    /** An edit. */
    UPDATE
  }

  /**
   * One call about to be made, for {@link #failWhen}.
   *
   * @param kind what it is
   * @param channel where
   * @param itemKey the item key the caller tagged it with, if any
   * @param number how many calls came before it (refused ones included)
   */
  public record Call(Kind kind, ChannelRef channel, Optional<String> itemKey, int number) {}

  /**
   * A message the port accepted.
   *
   * @param messageId its id
   * @param channel its channel
   * @param threadId the message it replies under, if a thread reply
   * @param reply what was posted
   * @param alsoToChannel true when a thread reply was also shown in the channel
   * @param itemKey the item key it was tagged with, if any
   */
  public record Post(String messageId, ChannelRef channel, Optional<String> threadId, Reply reply,
      boolean alsoToChannel, Optional<String> itemKey) {
    /** Returns the reply as plain text. */
    public String text() {
      return PlainTextRenderer.render(reply);
    }

    /** Returns true for a top-level post. */
    public boolean isTopLevel() {
      return threadId.isEmpty();
    }
  }

  /**
   * An edit the port accepted.
   *
   * @param message the message edited
   * @param reply its new content
   */
  public record Edit(MessageRef message, Reply reply) {
    /** Returns the new content as plain text. */
    public String text() {
      return PlainTextRenderer.render(reply);
    }
  }

  private final String platform;
  private final List<Post> posts = new ArrayList<>();
  private final List<Edit> edits = new ArrayList<>();
  private Function<Call, Optional<ChatDeliveryException>> failures = c -> Optional.empty();
  private Predicate<Call> lostAnswers = c -> false;
  private boolean canFindPosts;
  private Function<ChannelRef, String> workspaces = ChannelRef::platform;
  private int calls;
  private int ids;

  /** Creates a port for a platform, e.g. {@code slack}. */
  public RecordingChatPort(String platform) {
    this.platform = Objects.requireNonNull(platform, "platform");
  }

  /** Makes the port throw what {@code rule} returns for a call, instead of making it. */
  public synchronized RecordingChatPort failWhen(Function<Call, Optional<ChatDeliveryException>> rule) {
    this.failures = Objects.requireNonNull(rule, "rule");
    return this;
  }

  /** Returns a rule that rate-limits every {@code n}th call, asking to wait {@code retryAfter}. */
  public static Function<Call, Optional<ChatDeliveryException>> rateLimitEvery(int n, Duration retryAfter) {
    return c -> c.number() % n == n - 1
        ? Optional.of(ChatDeliveryException.retryable("429 rate limited", Optional.of(retryAfter)))
        : Optional.empty();
  }

  /**
   * Makes the port record a matching post and then throw {@link ChatDeliveryException#outcomeUnknown},
   * as a platform does whose answer is lost on the way back.
   */
  public synchronized RecordingChatPort loseAnswerWhen(Predicate<Call> rule) {
    this.lostAnswers = Objects.requireNonNull(rule, "rule");
    return this;
  }

  /** Makes {@link #findPosted} find accepted posts by the item key they were tagged with. */
  public synchronized RecordingChatPort canFindPosts(boolean can) {
    this.canFindPosts = can;
    return this;
  }

  /** Makes {@link #workspace} answer what {@code rule} says of a channel (by default: the platform's name). */
  public synchronized RecordingChatPort inWorkspaces(Function<ChannelRef, String> rule) {
    this.workspaces = Objects.requireNonNull(rule, "rule");
    return this;
  }

  @Override
  public synchronized String workspace(ChannelRef channel) {
    return workspaces.apply(channel);
  }

  @Override
  public String platform() {
    return platform;
  }

  @Override
  public MessageRef post(ChannelRef channel, Reply reply) {
    return record(channel, Optional.empty(), reply, false, Optional.empty());
  }

  @Override
  public MessageRef post(ChannelRef channel, Reply reply, String itemKey) {
    return record(channel, Optional.empty(), reply, false, Optional.of(itemKey));
  }

  @Override
  public MessageRef postInThread(ChannelRef channel, String threadId, Reply reply, boolean alsoToChannel) {
    return record(channel, Optional.of(threadId), reply, alsoToChannel, Optional.empty());
  }

  @Override
  public MessageRef postInThread(ChannelRef channel, String threadId, Reply reply, boolean alsoToChannel,
      String itemKey) {
    return record(channel, Optional.of(threadId), reply, alsoToChannel, Optional.of(itemKey));
  }

  @Override
  public synchronized void update(MessageRef message, Reply reply) {
    check(new Call(Kind.UPDATE, message.channel(), Optional.empty(), calls++));
    edits.add(new Edit(message, reply));
  }

  @Override
  public Optional<String> permalink(MessageRef message) {
    return Optional.of("https://chat.test/" + message.channel().channelId() + "/" + message.messageId());
  }

  @Override
  public synchronized Optional<MessageRef> findPosted(ChannelRef channel, Optional<String> threadId, String itemKey) {
    if (!canFindPosts) {
      return Optional.empty();
    }
    return posts.stream()
        .filter(p -> p.channel().equals(channel) && p.threadId().equals(threadId)
            && p.itemKey().equals(Optional.of(itemKey)))
        .findFirst()
        .map(p -> new MessageRef(channel, p.messageId()));
  }

  /** Returns every accepted post and reply, in order. */
  public synchronized List<Post> posts() {
    return List.copyOf(posts);
  }

  /** Returns the accepted posts and replies in one channel, in order. */
  public synchronized List<Post> posts(ChannelRef channel) {
    return posts.stream().filter(p -> p.channel().equals(channel)).toList();
  }

  /** Returns the top-level posts in one channel, in order. */
  public synchronized List<Post> topLevel(ChannelRef channel) {
    return posts(channel).stream().filter(Post::isTopLevel).toList();
  }

  /** Returns the replies under one message, in order. */
  public synchronized List<Post> thread(ChannelRef channel, String threadId) {
    return posts(channel).stream().filter(p -> p.threadId().equals(Optional.of(threadId))).toList();
  }

  /** Returns every accepted edit, in order. */
  public synchronized List<Edit> edits() {
    return List.copyOf(edits);
  }

  /** Returns the edits of one message, in order. */
  public synchronized List<Edit> edits(MessageRef message) {
    return edits.stream().filter(e -> e.message().equals(message)).toList();
  }

  /** Returns how many calls were made, refused ones included. */
  public synchronized int calls() {
    return calls;
  }

  private synchronized MessageRef record(ChannelRef channel, Optional<String> threadId, Reply reply,
      boolean alsoToChannel, Optional<String> itemKey) {
    Call call = new Call(threadId.isPresent() ? Kind.THREAD : Kind.POST, channel, itemKey, calls++);
    check(call);
    String id = "m" + ++ids;
    posts.add(new Post(id, channel, threadId, reply, alsoToChannel, itemKey));
    if (lostAnswers.test(call)) {
      throw ChatDeliveryException.outcomeUnknown("answer lost after " + id + " was posted", null);
    }
    return new MessageRef(channel, id);
  }

  private void check(Call call) {
    Optional<ChatDeliveryException> failure = failures.apply(call);
    if (failure.isPresent()) {
      throw failure.get();
    }
  }
}
