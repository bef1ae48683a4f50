package dev.claude500.incidents;

import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ChatPort;
import dev.claude500.chat.ConversationKey;
import dev.claude500.chat.MessageRef;
import dev.claude500.chat.Reply;
import dev.claude500.chat.Text;
import dev.claude500.status.Incident;
import dev.claude500.status.KnownComponents;
import dev.claude500.status.PageRead;
import dev.claude500.triage.Disposition;
import dev.claude500.triage.TriageEngine;
import dev.claude500.triage.TriageResult;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells each waiting triage's thread, once, that its incident cleared: resumes the triage in the
 * engine and posts what it says (the note, then its "does it work now?" question).
 *
 * <p>A triage waiting on an incident is told when the page shows that incident ended, or when the
 * incident is gone from the page and nothing touches Claude Code or the API any more; one that knew
 * of no incident, when the page turns green for Claude Code and the API. The ledger item {@code
 * followup/<platform>/<channel>/<thread>} makes it once: claimed before the triage is resumed,
 * confirmed when every reply is posted. Replies refused for now are posted later from the engine
 * ({@link TriageEngine#replayResume}), so a rate limit or a restart delays the follow-up and never
 * loses it. Each reply is posted under its own key ({@code followup/...#<n>}); when the follow-up
 * was claimed before this attempt (a restart, a refusal for now, a lost answer), each reply not yet
 * known posted is first looked for on the platform ({@link ChatPort#findPosted}), so a reply that
 * went out just before a crash is not posted again where the platform can tell. Not thread-safe:
 * the watcher's one round at a time uses it.
 */
final class FollowUps {
  /** The components whose recovery a waiting triage waits for: those the playbook's status check reads. */
  static final List<String> COMPONENTS = List.of(KnownComponents.CLAUDE_CODE, KnownComponents.API);

  private static final Logger LOG = LoggerFactory.getLogger(FollowUps.class);

  private final WaitingTriages waiting;
  private final PostLedger ledger;
  private final LedgerPoster poster;
  private final TriageEngine engine;
  private final Clock clock;
  /** How many of each follow-up's replies this process posted already, and the last one's id. */
  private final Map<String, Progress> progress = new HashMap<>();

  private record Progress(int posted, String lastMessageId) {}

  FollowUps(WaitingTriages waiting, PostLedger ledger, LedgerPoster poster, TriageEngine engine, Clock clock) {
    this.waiting = waiting;
    this.ledger = ledger;
    this.poster = poster;
    this.engine = engine;
    this.clock = clock;
  }

  /** Forgets progress made under an earlier lease. */
  void forget() {
    progress.clear();
  }

  /** Follows up every waiting triage whose incident the page shows cleared. */
  void run(PageRead page, ChatPorts ports) {
    for (WaitingTriage w : waiting.all()) {
      Optional<ChatPort> port = ports.find(w.key().platform());
      if (port.isEmpty() || poster.isWaiting(w.key().channelRef(), clock.instant())) {
        continue;
      }
      Optional<Incident> incident = w.incidentId().flatMap(page::incident);
      if (cleared(w, incident, page)) {
        followUp(port.get(), w, incident.filter(i -> !i.isOpen()));
      }
    }
  }

  static boolean cleared(WaitingTriage w, Optional<Incident> incident, PageRead page) {
    if (incident.isPresent()) {
      return !incident.get().isOpen();
    }
    return page.greenFor(COMPONENTS);
  }

  private void followUp(ChatPort port, WaitingTriage w, Optional<Incident> ended) {
    ConversationKey key = w.key();
    ChannelRef channel = key.channelRef();
    String itemKey = ItemKeys.followUp(key);
    Instant now = clock.instant();
    Optional<LedgerEntry> entry = ledger.find(channel, itemKey);
    if (entry.isPresent() && entry.get().isSettled()) {
      waiting.remove(key);
      return;
    }
    if (entry.isEmpty() && !ledger.claim(channel, itemKey, w.incidentId().orElse(ItemKeys.ANY_INCIDENT), now)) {
      return;
    }
    Text note = Posts.followUpNote(ended);
    List<Reply> replies = replies(key, note);
    if (replies.isEmpty()) {
      LOG.info("Triage {} no longer waits; no follow-up", key);
      poster.refuse(channel, itemKey, "the triage no longer waits");
      finish(key, itemKey);
      return;
    }
    Progress done = progress.getOrDefault(itemKey, new Progress(0, null));
    boolean claimedBefore = entry.isPresent();
    for (int i = done.posted(); i < replies.size(); i++) {
      Reply reply = replies.get(i);
      String replyKey = itemKey + "#" + i;
      Optional<MessageRef> earlier = claimedBefore
          ? poster.findPosted(port, channel, Optional.of(key.thread()), replyKey) : Optional.empty();
      if (earlier.isPresent()) {
        done = new Progress(i + 1, earlier.get().messageId());
        progress.put(itemKey, done);
        continue;
      }
      PostOutcome o = poster.attempt(port, channel, replyKey,
          p -> p.postInThread(channel, key.thread(), reply, false, replyKey));
      if (o instanceof PostOutcome.Posted posted) {
        done = new Progress(i + 1, posted.messageId());
        progress.put(itemKey, done);
      } else if (o.stopsChannel()) {
        return;
      } else {
        poster.refuse(channel, itemKey, "the platform refused the follow-up");
        finish(key, itemKey);
        return;
      }
    }
    if (done.lastMessageId() != null) {
      ledger.confirm(channel, itemKey, done.lastMessageId(), clock.instant());
    }
    LOG.info("Told triage {} to retry: {}", key, w.incidentId().map(id -> "incident " + id + " cleared")
        .orElse("the page is green"));
    finish(key, itemKey);
  }

  /** Returns what to post: the triage resumed now, or as it was resumed before; empty when it no longer waits. */
  private List<Reply> replies(ConversationKey key, Text note) {
    TriageResult resumed = engine.resume(key, note);
    if (resumed.disposition() == Disposition.APPLIED) {
      progress.remove(ItemKeys.followUp(key));
      return resumed.replies();
    }
    TriageResult again = engine.replayResume(key, note);
    return again.disposition() == Disposition.APPLIED ? again.replies() : List.of();
  }

  private void finish(ConversationKey key, String itemKey) {
    waiting.remove(key);
    progress.remove(itemKey);
  }
}
