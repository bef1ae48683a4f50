package dev.claude500.slack;

import com.slack.api.model.Message;
import com.slack.api.model.block.LayoutBlock;
import dev.claude500.chat.ConversationKey;
import dev.claude500.chat.Reply;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts a triage's replies in its thread, one message per reply, each tagged ({@link PostTag}) so
 * that a post whose answer was lost is looked for rather than lost or shown twice, and takes the
 * buttons off a question once it is answered: the question a thread waits on is remembered in
 * {@link Prompts} when it is posted (here or through the chat port), and found again in the thread
 * by its token after a restart.
 *
 * <p>Work on one conversation runs one input at a time ({@link #serially}), so the replies to one
 * input are all posted before the next input is applied: a thread never shows them out of order.
 *
 * <p>A reply Slack has not taken once {@link WebApi}'s retries are spent (a longer outage, a
 * {@code Retry-After} longer than the policy waits in line) is held back, with the replies after
 * it, and tried again later on the worker: after the {@code Retry-After}, else after a backoff from
 * {@link #FIRST_HOLD} doubling up to {@link #LONGEST_HOLD}, for up to {@link #GIVE_UP_AFTER}. One whose outcome was unknown is
 * looked for in the thread before it is posted again. Replies of a later input queue behind held
 * ones. Only a refusal for good (the channel is gone, the bot was removed) drops them. Held
 * replies live in memory: a shutdown logs how many were still waiting. Thread-safe.
 */
final class TriageThreads implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TriageThreads.class);
  private static final int STRIPES = 64;
  /** The backoff before the first try of a held-back reply; it doubles with each further hold. */
  static final Duration FIRST_HOLD = Duration.ofSeconds(1);
  /** The longest backoff between two tries of a held-back reply. */
  static final Duration LONGEST_HOLD = Duration.ofMinutes(2);
  /** How long a reply is held back before it is given up. */
  static final Duration GIVE_UP_AFTER = Duration.ofHours(1);
  /** The wait before another try when the worker had no room for it. */
  private static final Duration WORKER_FULL_WAIT = Duration.ofSeconds(5);

  private final WebApi web;
  private final TaggedPosts tagged;
  private final Prompts prompts;
  private final Worker worker;
  private final ScheduledExecutorService timer;
  private final Object[] stripes = new Object[STRIPES];
  /** Replies not posted yet, per conversation; each queue is only touched under its conversation's stripe. */
  private final ConcurrentMap<ConversationKey, Backlog> held = new ConcurrentHashMap<>();

  TriageThreads(WebApi web, Prompts prompts, Worker worker) {
    this.web = Objects.requireNonNull(web, "web");
    this.tagged = new TaggedPosts(web);
    this.prompts = Objects.requireNonNull(prompts, "prompts");
    this.worker = Objects.requireNonNull(worker, "worker");
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "claude500-slack-held-replies");
      t.setDaemon(true);
      return t;
    });
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
   * Posts each reply in the thread, in order, after any replies of this conversation still held
   * back; replies Slack does not take now are held back and posted later. Call inside {@link #serially}.
   */
  void post(ConversationKey key, List<Reply> replies) {
    Backlog backlog = held.computeIfAbsent(key, k -> new Backlog());
    for (Reply reply : replies) {
      backlog.replies.add(new Unsent(SlackMessages.render(reply), PostTag.fresh("triage", reply)));
    }
    drain(key, backlog);
  }

  /** Posts a conversation's replies in order until one is not taken; holds that one and those after it. */
  private void drain(ConversationKey key, Backlog backlog) {
    Deque<Unsent> queue = backlog.replies;
    while (!queue.isEmpty()) {
      Unsent next = queue.peek();
      String ts;
      try {
        ts = next.maybePosted ? lookFor(key, next).orElseGet(() -> send(key, next)) : send(key, next);
      } catch (SlackCallException e) {
        if (e.kind() == SlackCallException.Kind.PERMANENT) {
          LOG.warn("reply in {} not posted: {}; {} repl{} for this thread dropped", key, e.getMessage(), queue.size(),
              queue.size() == 1 ? "y" : "ies");
          queue.clear();
          break;
        }
        next.maybePosted |= e.kind() == SlackCallException.Kind.UNKNOWN_OUTCOME;
        hold(key, backlog, next, e);
        return;
      }
      queue.poll();
      if (ts != null && next.tag.prompt().isPresent()) {
        prompts.remember(key, new Prompts.Prompt(ts, next.tag.prompt().get(), next.message.blocks()));
      }
    }
    held.remove(key, backlog);
  }

  private String send(ConversationKey key, Unsent reply) {
    return tagged.post(key.channel(), key.thread(), false, reply.message, reply.tag);
  }

  /** Looks in the thread for a reply Slack may have taken; throws when Slack would not say (then it is held again). */
  private Optional<String> lookFor(ConversationKey key, Unsent reply) {
    return tagged.find(key.channel(), Optional.of(key.thread()), reply.tag::isOn).map(Message::getTs);
  }

  private void hold(ConversationKey key, Backlog backlog, Unsent next, SlackCallException e) {
    if (System.nanoTime() - next.since > GIVE_UP_AFTER.toNanos()) {
      LOG.error("gave up posting {} repl{} in {} after {} min: {}", backlog.replies.size(),
          backlog.replies.size() == 1 ? "y" : "ies", key, GIVE_UP_AFTER.toMinutes(), e.getMessage());
      backlog.replies.clear();
      held.remove(key, backlog);
      return;
    }
    if (backlog.retryScheduled) {
      return;
    }
    next.holds++;
    Duration backoff = FIRST_HOLD.multipliedBy(1L << Math.min(next.holds - 1, 10));
    Duration wait = e.retryAfter().orElse(backoff.compareTo(LONGEST_HOLD) > 0 ? LONGEST_HOLD : backoff);
    LOG.warn("reply in {} not posted yet ({}); {} repl{} held back, trying again in {} ms", key, e.getMessage(),
        backlog.replies.size(), backlog.replies.size() == 1 ? "y" : "ies", wait.toMillis());
    backlog.retryScheduled = true;
    schedule(key, backlog, wait);
  }

  private void schedule(ConversationKey key, Backlog backlog, Duration wait) {
    try {
      timer.schedule(() -> {
        boolean queued = worker.offer("held-back replies in " + key, () -> serially(key, () -> {
          backlog.retryScheduled = false;
          if (held.get(key) == backlog) {
            drain(key, backlog);
          }
        }), failure -> { }); // nobody asked for these just now: the failure is only logged
        if (!queued) {
          schedule(key, backlog, WORKER_FULL_WAIT);
        }
      }, wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closed) {
      LOG.warn("shutting down: {} repl{} in {} not posted", backlog.replies.size(),
          backlog.replies.size() == 1 ? "y" : "ies", key);
    }
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

  /** Stops trying held-back replies; logs how many were still waiting. */
  @Override
  public void close() {
    timer.shutdownNow();
    int waiting = held.values().stream().mapToInt(b -> b.replies.size()).sum();
    if (waiting > 0) {
      LOG.warn("shutting down with {} triage repl{} in {} thread{} not posted", waiting, waiting == 1 ? "y" : "ies",
          held.size(), held.size() == 1 ? "" : "s");
    }
  }

  /** The replies of one conversation still to be posted, oldest first. */
  private static final class Backlog {
    final Deque<Unsent> replies = new ArrayDeque<>();
    boolean retryScheduled;
  }

  /** A reply not yet known to be in the thread, with the tag it goes out with every time. */
  private static final class Unsent {
    final SlackMessage message;
    final PostTag tag;
    final long since = System.nanoTime();
    int holds;
    boolean maybePosted;

    Unsent(SlackMessage message, PostTag tag) {
      this.message = message;
      this.tag = tag;
    }
  }
}
