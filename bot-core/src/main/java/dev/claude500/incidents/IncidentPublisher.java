package dev.claude500.incidents;

import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ChatPort;
import dev.claude500.chat.MessageRef;
import dev.claude500.chat.Reply;
import dev.claude500.commands.Subscription;
import dev.claude500.status.Incident;
import dev.claude500.status.IncidentUpdate;
import dev.claude500.status.PageRead;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Publishes incidents in one channel: the top-level post, each update in its thread (a resolution
 * also to the channel), and the post edited to the latest state after each update.
 *
 * <p>The top-level post shows the incident as it is when it is made, so the updates already on the
 * page then are recorded as delivered by it (under its message id) rather than replayed in the
 * thread: a new incident's post carries its first update, and one found open at a first start
 * carries its state so far. Only updates that appear afterwards are threaded, each once, whenever
 * it appears (keyed by its id, not by its time).
 *
 * <p>Which incidents a channel gets: those touching its components (all when it named none) that
 * are open, or that ended after both the watcher's first start and the channel's subscription, and
 * less than {@link #CATCH_UP} ago (a long outage of the bot does not flood channels with old news).
 */
final class IncidentPublisher {
  /** How old an ended incident may be and still be posted for the first time. */
  static final Duration CATCH_UP = Duration.ofHours(24);

  private final PostLedger ledger;
  private final LedgerPoster poster;
  private final Clock clock;
  private final HitPosts hits;

  IncidentPublisher(PostLedger ledger, LedgerPoster poster, Clock clock, IncidentHits hits) {
    this.ledger = ledger;
    this.poster = poster;
    this.clock = clock;
    this.hits = new HitPosts(hits);
  }

  /** Returns the incidents worth a look this round: open ones and ones active lately. */
  static List<Incident> active(PageRead page, Instant now) {
    Instant since = now.minus(CATCH_UP);
    return page.incidents().stream()
        .filter(i -> i.isOpen() || i.lastActivity().isAfter(since))
        .toList();
  }

  /**
   * Publishes what is new of one incident in one channel.
   *
   * @param horizon incidents that ended before this are history for the channel
   * @return {@link PostOutcome.Deferred} when the channel must wait, else any other outcome
   */
  PostOutcome publish(ChatPort port, Subscription sub, Incident incident, Ledgered ledgered, Instant horizon,
      Map<String, String> names) {
    ChannelRef channel = sub.channel();
    String rootKey = ItemKeys.incident(incident.id());
    Optional<LedgerEntry> root = ledgered.find(channel, rootKey);
    if (root.isEmpty() && !wanted(sub, incident, horizon)) {
      return new PostOutcome.Passed();
    }
    if (root.isEmpty() || !root.get().isSettled()) {
      Reply post = hits.post(port, channel, incident);
      PostOutcome made = poster.send(port, channel, rootKey, incident.id(), root, Optional.empty(), false,
          p -> p.post(channel, post, rootKey));
      if (made instanceof PostOutcome.Posted p) {
        // a post found on the platform shows the incident as it was when it was claimed: its updates
        // written by then are covered, and it is edited to the state now in any case (an edit is
        // idempotent, while update times can predate what the post showed: a lagging page, a replay)
        Instant shown = p.justNow() ? Instant.MAX : root.map(LedgerEntry::claimedAt).orElse(Instant.MAX);
        cover(channel, incident, p.messageId(), shown, p.justNow());
      }
      return made;
    }
    if (!root.get().isPosted()) {
      return new PostOutcome.Passed(); // refused for good: nothing can hang under it
    }
    String rootId = root.get().messageId().orElseThrow();
    for (IncidentUpdate u : incident.updatesInOrder()) {
      String key = ItemKeys.update(u);
      Optional<LedgerEntry> entry = ledgered.find(channel, key);
      if (entry.isPresent() && entry.get().isSettled()) {
        continue;
      }
      Reply.Message reply = Posts.update(incident, u, names);
      boolean broadcast = key.startsWith("resolved/");
      PostOutcome sent = poster.send(port, channel, key, incident.id(), entry, Optional.of(rootId), false,
          p -> p.postInThread(channel, rootId, reply, broadcast, key));
      if (sent.stopsChannel()) {
        return sent;
      }
    }
    return edit(port, channel, incident, ledgered, rootId);
  }

  /** Edits the top-level post to the incident's latest state, once per state. */
  private PostOutcome edit(ChatPort port, ChannelRef channel, Incident incident, Ledgered ledgered, String rootId) {
    Optional<IncidentUpdate> latest = incident.latestUpdate();
    if (latest.isEmpty() || latest.get().id() == null) {
      return new PostOutcome.Passed();
    }
    String key = ItemKeys.edit(incident.id(), latest.get().id());
    Optional<LedgerEntry> entry = ledgered.find(channel, key);
    if (entry.isPresent() && entry.get().isSettled()) {
      return new PostOutcome.Passed();
    }
    MessageRef rootRef = new MessageRef(channel, rootId);
    Reply view = hits.post(port, channel, incident);
    return poster.send(port, channel, key, incident.id(), entry, Optional.empty(), true, p -> {
      p.update(rootRef, view);
      return rootRef;
    });
  }

  /**
   * Records the updates (and, for a post made just now, the state) a new top-level post shows as
   * delivered by it: those written by {@code shownAt}, the moment the post showed the incident.
   */
  private void cover(ChannelRef channel, Incident incident, String rootId, Instant shownAt, boolean showsStateNow) {
    Instant now = clock.instant();
    List<IncidentUpdate> shown = incident.updatesInOrder().stream()
        .filter(u -> !written(u).isAfter(shownAt))
        .toList();
    for (IncidentUpdate u : shown) {
      record(channel, ItemKeys.update(u), incident.id(), rootId, now);
    }
    if (showsStateNow && shown.size() == incident.incidentUpdates().size()) {
      incident.latestUpdate().filter(u -> u.id() != null)
          .ifPresent(u -> record(channel, ItemKeys.edit(incident.id(), u.id()), incident.id(), rootId, now));
    }
  }

  private static Instant written(IncidentUpdate u) {
    Instant t = u.createdAt() != null ? u.createdAt() : u.shownAt();
    return t == null ? Instant.EPOCH : t;
  }

  private void record(ChannelRef channel, String key, String incidentId, String messageId, Instant now) {
    if (ledger.claim(channel, key, incidentId, now)) {
      ledger.confirm(channel, key, messageId, now);
    }
  }

  private boolean wanted(Subscription sub, Incident incident, Instant horizon) {
    boolean touches = sub.allComponents() || sub.componentIds().stream().anyMatch(incident::touches);
    if (!touches) {
      return false;
    }
    if (incident.isOpen()) {
      return true;
    }
    Instant closed = incident.closedAt();
    return closed.isAfter(horizon) && closed.isAfter(clock.instant().minus(CATCH_UP));
  }
}
