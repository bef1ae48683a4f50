package dev.claude500.incidents;

import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.Reply;
import dev.claude500.commands.Subscription;
import dev.claude500.status.Incident;
import dev.claude500.status.IncidentUpdate;
import dev.claude500.status.IncidentView;
import dev.claude500.status.PageRead;
import dev.claude500.outbox.Outbox;
import dev.claude500.outbox.Outgoing;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Publishes incidents in one channel: the top-level post, each update in its thread (a resolution
 * also to the channel), and the post edited to the latest state after each update. It decides what
 * to post; the {@link Outbox} delivers it, in order in the channel and exactly once.
 *
 * <p>The top-level post shows the incident as it is when it is queued, so the updates already on
 * the page then are delivered by it ({@link Outgoing#settles()}) rather than replayed in the
 * thread: a new incident's post carries its first update, and one found open at a first start
 * carries its state so far. Only updates that appear afterwards are threaded, each once, whenever
 * it appears (keyed by its id, not by its time), even while the top-level post is still queued:
 * a thread reply names its root by item key and reads the root's message id when it is sent.
 *
 * <p>Which incidents a channel gets: those touching its components (all when it named none) that
 * are open, or that ended after both the watcher's first start and the channel's subscription, and
 * less than {@link #CATCH_UP} ago (a long outage of the bot does not flood channels with old news).
 */
final class IncidentPublisher {
  /** How old an ended incident may be and still be posted for the first time. */
  static final Duration CATCH_UP = Duration.ofHours(24);

  private final Outbox outbox;
  private final Clock clock;

  IncidentPublisher(Outbox outbox, Clock clock) {
    this.outbox = outbox;
    this.clock = clock;
  }

  /** Returns the incidents worth a look this round: open ones and ones active lately. */
  static List<Incident> active(PageRead page, Instant now) {
    Instant since = now.minus(CATCH_UP);
    return page.incidents().stream()
        .filter(i -> i.isOpen() || i.lastActivity().isAfter(since))
        .toList();
  }

  /**
   * Returns what is new of one incident in one channel, in the order to post it: nothing the
   * ledger shows settled, nor what the top-level post (queued or to queue) shows already.
   *
   * @param horizon incidents that ended before this are history for the channel
   */
  List<Outgoing> publish(Subscription sub, Incident incident, Ledgered ledgered, Instant horizon,
      Map<String, String> names) {
    ChannelRef channel = sub.channel();
    String rootKey = ItemKeys.incident(incident.id());
    Optional<LedgerEntry> root = ledgered.find(channel, rootKey);
    if (root.isEmpty() && !wanted(sub, incident, horizon)) {
      return List.of();
    }
    if (root.isPresent() && root.get().isSettled() && !root.get().isPosted()) {
      return List.of(); // refused for good: nothing can hang under it
    }
    List<Outgoing> out = new ArrayList<>();
    Set<String> shown = Set.of();
    if (root.isEmpty() || !root.get().isSettled()) {
      Outgoing top = outbox.find(channel, rootKey).orElseGet(() -> top(channel, incident, root));
      out.add(top);
      shown = Set.copyOf(top.settles());
    }
    for (IncidentUpdate u : incident.updatesInOrder()) {
      String key = ItemKeys.update(u);
      if (!shown.contains(key) && !ledgered.isSettled(channel, key)) {
        out.add(new Outgoing.UnderRoot(key, channel, rootKey, Posts.update(incident, u, names),
            key.startsWith("resolved/"), incident.id()));
      }
    }
    Optional<IncidentUpdate> latest = incident.latestUpdate().filter(u -> u.id() != null);
    if (latest.isPresent()) {
      String key = ItemKeys.edit(incident.id(), latest.get().id());
      if (!shown.contains(key) && !ledgered.isSettled(channel, key)) {
        out.add(new Outgoing.EditRoot(key, channel, rootKey, new Reply.Incident(IncidentView.of(incident)),
            incident.id()));
      }
    }
    return out;
  }

  /**
   * Returns the incident's top-level post as it stands now. A new one shows every update and the
   * state, so it settles them; one claimed before (it may be in the chat already, found by its key,
   * showing the incident as it was then) settles only the updates written by its claim, and the
   * post is edited to the state now in any case (an edit is idempotent, while update times can
   * predate what the post showed: a lagging page, a replay).
   */
  private Outgoing.Top top(ChannelRef channel, Incident incident, Optional<LedgerEntry> claimed) {
    Instant shownAt = claimed.map(LedgerEntry::claimedAt).orElse(Instant.MAX);
    List<String> settles = new ArrayList<>();
    incident.updatesInOrder().stream().filter(u -> !written(u).isAfter(shownAt))
        .forEach(u -> settles.add(ItemKeys.update(u)));
    if (claimed.isEmpty()) {
      incident.latestUpdate().filter(u -> u.id() != null)
          .ifPresent(u -> settles.add(ItemKeys.edit(incident.id(), u.id())));
    }
    return new Outgoing.Top(ItemKeys.incident(incident.id()), channel, new Reply.Incident(IncidentView.of(incident)),
        incident.id(), settles);
  }

  private static Instant written(IncidentUpdate u) {
    Instant t = u.createdAt() != null ? u.createdAt() : u.shownAt();
    return t == null ? Instant.EPOCH : t;
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
