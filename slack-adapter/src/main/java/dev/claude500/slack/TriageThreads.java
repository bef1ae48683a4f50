package dev.claude500.slack;

import com.slack.api.model.block.LayoutBlock;
import dev.claude500.chat.ConversationKey;
import dev.claude500.chat.Reply;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts a triage's replies in its thread, one message per reply, and remembers the message with
 * the question now waiting, so that when it is answered by a reply in the thread its buttons can be
 * taken away as a click takes them away. The memory is bounded and lost on restart (then the old
 * buttons merely stay; clicking them does nothing).
 *
 * <p>Work on one conversation runs one input at a time ({@link #serially}), so the replies to one
 * input are all posted before the next input is applied: a thread never shows them out of order.
 * Thread-safe.
 */
final class TriageThreads {
  private static final Logger LOG = LoggerFactory.getLogger(TriageThreads.class);
  private static final int MAX_REMEMBERED = 10_000;
  private static final int STRIPES = 64;

  private final WebApi web;
  private final Map<ConversationKey, Prompt> prompts = new LinkedHashMap<>(64, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<ConversationKey, Prompt> eldest) {
      return size() > MAX_REMEMBERED;
    }
  };

  private final Object[] stripes = new Object[STRIPES];

  TriageThreads(WebApi web) {
    this.web = Objects.requireNonNull(web, "web");
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

  /** Posts each reply in the thread, in order; stops at the first post Slack refuses for good. */
  void post(ConversationKey key, List<Reply> replies) {
    for (Reply reply : replies) {
      SlackMessage message = BlockKit.render(reply);
      String ts;
      try {
        ts = web.postMessage(key.channel(), key.thread(), false, message);
      } catch (SlackCallException e) {
        LOG.warn("reply in {} not posted: {}", key, e.getMessage());
        if (e.kind() == SlackCallException.Kind.PERMANENT) {
          return;
        }
        continue;
      }
      if (ts != null && (reply instanceof Reply.Question || reply instanceof Reply.TextRequest)) {
        synchronized (prompts) {
          prompts.put(key, new Prompt(ts, message.blocks()));
        }
      }
    }
  }

  /**
   * Forgets the waiting question's message when it is the one that was clicked.
   *
   * @return its blocks as posted, when it was
   */
  Optional<List<LayoutBlock>> clicked(ConversationKey key, String messageTs) {
    synchronized (prompts) {
      Prompt p = prompts.get(key);
      if (p != null && p.ts().equals(messageTs)) {
        prompts.remove(key);
        return Optional.of(p.blocks());
      }
      return Optional.empty();
    }
  }

  /** Marks the waiting question's message as answered in the thread by {@code userId}. */
  void answeredInThread(ConversationKey key, String userId) {
    Prompt p;
    synchronized (prompts) {
      p = prompts.remove(key);
    }
    if (p == null) {
      return;
    }
    try {
      web.update(key.channel(), p.ts(), BlockKit.answered(p.blocks(), null, userId));
    } catch (SlackCallException e) {
      LOG.info("question in {} not marked answered: {}", key, e.getMessage());
    }
  }

  private record Prompt(String ts, List<LayoutBlock> blocks) {}
}
