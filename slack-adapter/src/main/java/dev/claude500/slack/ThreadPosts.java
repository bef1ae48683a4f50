package dev.claude500.slack;

import com.slack.api.model.Message;
import com.slack.api.model.block.LayoutBlock;
import dev.claude500.chat.ConversationKey;
import dev.claude500.chat.Reply;
import dev.claude500.outbox.Outbox;
import dev.claude500.outbox.Outgoing;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A triage's thread on Slack: its replies go out through the {@link Outbox} (in order, held back
 * and retried there, each tagged through the chat port so that a post whose answer was lost is
 * looked for rather than shown twice), and what is Slack's own stays here: taking the buttons off
 * a question once it is answered. The question a thread waits on is remembered in {@link Prompts}
 * when the chat port posts it, and found again in the thread by its token after a restart.
 *
 * <p>Work on one conversation runs one input at a time ({@link #serially}), and the outbox sends a
 * reply on the calling thread when its thread is free, so the replies to one input are out (or
 * queued, when Slack does not take them now) before the next input is applied. Thread-safe.
 */
final class ThreadPosts {
  private static final Logger LOG = LoggerFactory.getLogger(ThreadPosts.class);
  private static final int STRIPES = 64;

  private final WebApi web;
  private final TaggedPosts tagged;
  private final Prompts prompts;
  private final Outbox outbox;
  private final Object[] stripes = new Object[STRIPES];

  ThreadPosts(WebApi web, Prompts prompts, Outbox outbox) {
    this.web = Objects.requireNonNull(web, "web");
    this.tagged = new TaggedPosts(web);
    this.prompts = Objects.requireNonNull(prompts, "prompts");
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Object();
    }
  }

  /** Runs work on one conversation after any other work on it (in this process) has finished. */
  void serially(ConversationKey key, Runnable work) {
    synchronized (stripes[Math.floorMod(key.hashCode(), STRIPES)]) {
      work.run();
    }
  }

  /**
   * Queues the replies in the thread, after any of this conversation's replies still queued; those
   * Slack takes now are posted before this returns. Call inside {@link #serially}.
   */
  void post(ConversationKey key, List<Reply> replies) {
    outbox.send(Outgoing.triageReplies(key, replies));
  }

  /**
   * Forgets the waiting question's message when it is the one that was clicked.
   *
   * @return its blocks as posted, when it was
   */
  Optional<List<LayoutBlock>> clicked(ConversationKey key, String messageTs) {
    return prompts.takeMessage(key, messageTs).map(Prompts.Prompt::blocks);
  }

  /**
   * Marks the question that asked with {@code token} as answered in the thread by {@code userId}:
   * its buttons go. The question is the one remembered, or else the one found in the thread.
   */
  void answeredInThread(ConversationKey key, String token, String userId) {
    Optional<Prompts.Prompt> p = prompts.takeToken(key, token).or(() -> findPrompt(key, token));
    if (p.isEmpty()) {
      LOG.debug("question {} in {} not found; its buttons stay (clicking them does nothing)", token, key);
      return;
    }
    try {
      web.update(key.channel(), p.get().ts(), SlackMessages.answered(p.get().blocks(), null, userId));
    } catch (SlackCallException e) {
      LOG.info("question in {} not marked answered: {}", key, e.getMessage());
    }
  }

  private Optional<Prompts.Prompt> findPrompt(ConversationKey key, String token) {
    try {
      Optional<Message> m = tagged.find(key.channel(), Optional.of(key.thread()), msg -> PostTag.asks(msg, token));
      return m.map(found -> new Prompts.Prompt(found.getTs(), token, found.getBlocks()));
    } catch (SlackCallException e) {
      LOG.info("could not look for question {} in {}: {}", token, key, e.getMessage());
      return Optional.empty();
    }
  }
}
