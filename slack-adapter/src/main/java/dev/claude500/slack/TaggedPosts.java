package dev.claude500.slack;

import com.slack.api.methods.response.conversations.ConversationsRepliesResponse;
import com.slack.api.model.Message;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts that can be found again: each goes out with its {@link PostTag} as message metadata, and
 * one whose answer was lost (Slack may have taken it) is looked for where it would be before it is
 * posted again, so a lost answer neither drops the post nor shows it twice.
 *
 * <p>Where a post is looked for: among the newest {@value #HISTORY_WINDOW} messages of the
 * channel's history, or among the first {@value #REPLIES_WINDOW} replies of its thread. The look
 * waits at least {@link #LOOKUP_DELAY} after the lost answer (longer as the policy backs off), so
 * that Slack shows a post it took by then. Thread-safe.
 */
final class TaggedPosts {
  /** Messages of a channel's history looked through: its newest. */
  static final int HISTORY_WINDOW = 200;
  /** Replies of a thread looked through, a page at a time, oldest first. */
  static final int REPLIES_WINDOW = 1_000;
  /** The least wait between a lost answer and the look for its post. */
  static final Duration LOOKUP_DELAY = Duration.ofSeconds(1);

  private static final int PAGE = 200;
  private static final Logger LOG = LoggerFactory.getLogger(TaggedPosts.class);

  private final WebApi web;

  TaggedPosts(WebApi web) {
    this.web = Objects.requireNonNull(web, "web");
  }

  /**
   * Posts a tagged message and returns its {@code ts}: the new post, or the one a lost answer
   * turned out to have made. Makes at most as many posts as the policy allows attempts.
   *
   * @param threadTs the thread to post in, or null for the channel
   * @param broadcast also show a thread reply in the channel
   * @throws SlackCallException {@link SlackCallException.Kind#UNKNOWN_OUTCOME} when the answers kept
   *     getting lost or a look failed, so whether the post is there is still unknown; any other
   *     failure as {@link WebApi} reports it
   */
  String post(String channel, String threadTs, boolean broadcast, SlackMessage message, PostTag tag) {
    Objects.requireNonNull(tag, "tag");
    RetryPolicy policy = web.policy();
    for (int attempt = 1; ; attempt++) {
      SlackCallException lost;
      try {
        return web.postMessage(channel, threadTs, broadcast, message, Optional.of(tag));
      } catch (SlackCallException e) {
        if (e.kind() != SlackCallException.Kind.UNKNOWN_OUTCOME || attempt >= policy.maxAttempts()) {
          throw e;
        }
        lost = e;
      }
      Duration wait = policy.backoff(attempt);
      wait = wait.compareTo(LOOKUP_DELAY) < 0 ? LOOKUP_DELAY : wait;
      LOG.info("{}; looking for {} in {} in {} ms before posting it again", lost.getMessage(), tag.itemKey(),
          channel, wait.toMillis());
      try {
        policy.pause().pause(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw lost;
      }
      Optional<Message> found;
      try {
        found = find(channel, Optional.ofNullable(threadTs), tag::isOn);
      } catch (SlackCallException e) {
        LOG.warn("could not look for {} in {}: {}", tag.itemKey(), channel, e.getMessage());
        throw lost;
      }
      if (found.isPresent()) {
        LOG.info("{} was posted in {} after all, as {}", tag.itemKey(), channel, found.get().getTs());
        return found.get().getTs();
      }
    }
  }

  /**
   * Returns the first recent message that matches, read with its metadata: in the channel's
   * history (newest first), or in the thread {@code threadTs} (oldest first). Empty when none
   * matches or the thread is gone.
   *
   * @throws SlackCallException when Slack would not say
   */
  Optional<Message> find(String channel, Optional<String> threadTs, Predicate<Message> matching) {
    if (threadTs.isEmpty()) {
      return web.history(channel, HISTORY_WINDOW).stream().filter(matching).findFirst();
    }
    String cursor = null;
    for (int read = 0; read < REPLIES_WINDOW; read += PAGE) {
      ConversationsRepliesResponse page;
      try {
        page = web.replies(channel, threadTs.get(), cursor, PAGE);
      } catch (SlackCallException e) {
        if (e.error().equals("thread_not_found")) {
          return Optional.empty();
        }
        throw e;
      }
      List<Message> messages = page.getMessages() == null ? List.of() : page.getMessages();
      Optional<Message> hit = messages.stream().filter(matching).findFirst();
      cursor = page.getResponseMetadata() == null ? null : page.getResponseMetadata().getNextCursor();
      if (hit.isPresent() || cursor == null || cursor.isBlank()) {
        return hit;
      }
    }
    return Optional.empty();
  }
}
