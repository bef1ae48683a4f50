package dev.claude500.incidents;

import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ConversationKey;
import dev.claude500.chat.Reply;
import dev.claude500.chat.Text;
import dev.claude500.outbox.Outbox;
import dev.claude500.outbox.Outgoing;
import dev.claude500.status.Incident;
import dev.claude500.status.KnownComponents;
import dev.claude500.status.PageRead;
import dev.claude500.triage.Disposition;
import dev.claude500.triage.TriageEngine;
import dev.claude500.triage.TriageResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells each waiting triage's thread, once, that its incident cleared: resumes the triage in the
 * engine and queues what it says (the note, then its "does it work now?" question) in the outbox,
 * in the triage's thread after its own replies.
 *
 * <p>A triage waiting on an incident is told when the page shows that incident ended, or when the
 * incident is gone from the page and nothing touches Claude Code or the API any more; one that knew
 * of no incident, when the page turns green for Claude Code and the API. The ledger item {@code
 * followup/<platform>/<channel>/<thread>} makes it once: claimed before the triage is resumed, and
 * confirmed (and the triage no longer waiting) once the last reply is in the chat. Until then each
 * round queues the same replies again from the engine ({@link TriageEngine#replayResume}) under the
 * same keys ({@code followup/...#<n>}), which the outbox and the ledger deliver once each: a rate
 * limit or a restart delays the follow-up and never loses or doubles it. Not thread-safe: the
 * watcher's one round at a time uses it.
 */
final class FollowUps {
  /** The components whose recovery a waiting triage waits for: those the playbook's status check reads. */
  static final List<String> COMPONENTS = List.of(KnownComponents.CLAUDE_CODE, KnownComponents.API);

  private static final Logger LOG = LoggerFactory.getLogger(FollowUps.class);

  private final WaitingTriages waiting;
  private final PostLedger ledger;
  private final Outbox outbox;
  private final TriageEngine engine;
  private final Clock clock;

  FollowUps(WaitingTriages waiting, PostLedger ledger, Outbox outbox, TriageEngine engine, Clock clock) {
    this.waiting = waiting;
    this.ledger = ledger;
    this.outbox = outbox;
    this.engine = engine;
    this.clock = clock;
  }

  /** Follows up every waiting triage whose incident the page shows cleared. */
  void run(PageRead page) {
    for (WaitingTriage w : waiting.all()) {
      if (!outbox.serves(w.key().platform())) {
        continue;
      }
      Optional<Incident> incident = w.incidentId().flatMap(page::incident);
      if (cleared(w, incident, page)) {
        followUp(w, incident.filter(i -> !i.isOpen()));
      }
    }
  }

  static boolean cleared(WaitingTriage w, Optional<Incident> incident, PageRead page) {
    if (incident.isPresent()) {
      return !incident.get().isOpen();
    }
    return page.greenFor(COMPONENTS);
  }

  private void followUp(WaitingTriage w, Optional<Incident> ended) {
    ConversationKey key = w.key();
    ChannelRef channel = key.channelRef();
    String itemKey = ItemKeys.followUp(key);
    Optional<LedgerEntry> entry = ledger.find(channel, itemKey);
    if (entry.isPresent() && entry.get().isSettled()) {
      waiting.remove(key);
      return;
    }
    if (entry.isEmpty()
        && !ledger.claim(channel, itemKey, w.incidentId().orElse(ItemKeys.ANY_INCIDENT), clock.instant())) {
      return;
    }
    List<Reply> replies = replies(key, Posts.followUpNote(ended));
    if (replies.isEmpty()) {
      LOG.info("Triage {} no longer waits; no follow-up", key);
      settle(key, itemKey, Optional.empty(), "the triage no longer waits");
      return;
    }
    List<Outgoing> posts = new ArrayList<>(replies.size());
    for (int i = 0; i < replies.size(); i++) {
      posts.add(new Outgoing.ThreadPost(itemKey + "#" + i, channel, key.thread(), replies.get(i), false));
    }
    if (posts.stream().anyMatch(p -> ledger.find(channel, p.itemKey()).filter(LedgerEntry::isFailed).isPresent())) {
      settle(key, itemKey, Optional.empty(), "the platform refused the follow-up");
      return;
    }
    String lastKey = posts.get(posts.size() - 1).itemKey();
    if (!posted(channel, lastKey)) {
      outbox.queue(posts);
    }
    Optional<String> last = ledger.find(channel, lastKey).filter(LedgerEntry::isPosted).flatMap(LedgerEntry::messageId);
    if (last.isPresent()) { // sent already, or just now when the outbox was free
      LOG.info("Told triage {} to retry: {}", key, w.incidentId().map(id -> "incident " + id + " cleared")
          .orElse("the page is green"));
      settle(key, itemKey, last, null);
    }
  }

  private boolean posted(ChannelRef channel, String itemKey) {
    return ledger.find(channel, itemKey).filter(LedgerEntry::isPosted).isPresent();
  }

  /** Returns what to post: the triage resumed now, or as it was resumed before; empty when it no longer waits. */
  private List<Reply> replies(ConversationKey key, Text note) {
    TriageResult resumed = engine.resume(key, note);
    if (resumed.disposition() == Disposition.APPLIED) {
      return resumed.replies();
    }
    TriageResult again = engine.replayResume(key, note);
    return again.disposition() == Disposition.APPLIED ? again.replies() : List.of();
  }

  /** Records the follow-up as made (its last reply's message) or, without one, as given up; the triage waits no more. */
  private void settle(ConversationKey key, String itemKey, Optional<String> lastMessage, String whyNot) {
    ChannelRef channel = key.channelRef();
    if (lastMessage.isPresent()) {
      ledger.confirm(channel, itemKey, lastMessage.get(), clock.instant());
    } else {
      ledger.fail(channel, itemKey, whyNot, clock.instant());
    }
    waiting.remove(key);
  }
}
