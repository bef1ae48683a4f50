package dev.claude500.incidents;

import dev.claude500.chat.ChannelMention;
import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ChatPort;
import dev.claude500.chat.Reply;
import dev.claude500.commands.Subscription;
import dev.claude500.status.Incident;
import dev.claude500.status.IncidentUpdate;
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
import java.util.stream.Collectors;

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
 * <p>A channel's filters ({@link ChannelFilter}) may hold a top post or thread replies back; what
 * was held goes out as one digest per incident when they allow it.
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
  private final HitPosts hits;

  IncidentPublisher(Outbox outbox, Clock clock, IncidentHits hits) {
    this.outbox = outbox;
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
   * Returns what is new of one incident in one channel, in the order to post it: nothing the
   * ledger shows settled, nor what the top-level post (queued or to queue) shows already.
   *
   * @param horizon incidents that ended before this are history for the channel
   */
  List<Outgoing> publish(Subscription sub, Incident incident, Ledgered ledgered, Instant horizon,
      Map<String, String> names) {
    ChannelRef channel = sub.channel();
    ChannelFilter filter = ChannelFilter.of(sub.filters());
    Instant now = clock.instant();
    String rootKey = ItemKeys.incident(incident.id());
    Optional<LedgerEntry> root = ledgered.find(channel, rootKey);
    if (root.isEmpty() && (!wanted(sub, incident, horizon) || !filter.mayStart(incident, now))) {
      return List.of();
    }
    if (root.isPresent() && root.get().isSettled() && !root.get().isPosted()) {
      return List.of(); // refused for good: nothing can hang under it
    }
    List<Outgoing> out = new ArrayList<>();
    Set<String> shown = Set.of();
    boolean quiet = filter.holds(incident, now);
    if (root.isEmpty() || !root.get().isSettled()) {
      Outgoing top = outbox.find(channel, rootKey).orElseGet(() -> top(channel, incident, root, filter));
      out.add(top);
      if (quiet || filter.tellsStory()) {
        return out; // filters (issue 14): the story so far goes out as a digest once the post is in
      }
      shown = Set.copyOf(top.settles());
    } else {
      // filters (issue 14): what waited goes out as one digest; in quiet hours only the top post is edited
      List<IncidentUpdate> held = quiet && !filter.releasesWhileQuiet() ? List.of()
          : held(filter, channel, incident, ledgered, root.get(), now);
      if (!held.isEmpty()) {
        out.add(digest(channel, incident, rootKey, held, names));
        shown = held.stream().map(ItemKeys::update).collect(Collectors.toSet());
      }
    }
    if (!quiet) {
      for (IncidentUpdate u : incident.updatesInOrder()) {
        String key = ItemKeys.update(u);
        if (!shown.contains(key) && !ledgered.isSettled(channel, key)) {
          out.add(new Outgoing.UnderRoot(key, channel, rootKey, Posts.update(incident, u, names),
              key.startsWith("resolved/"), incident.id(), List.of()));
        }
      }
    }
    Optional<IncidentUpdate> latest = incident.latestUpdate().filter(u -> u.id() != null);
    if (latest.isPresent()) {
      String key = ItemKeys.edit(incident.id(), latest.get().id());
      if (!shown.contains(key) && !ledgered.isSettled(channel, key)) {
        out.add(new Outgoing.EditRoot(key, channel, rootKey,
            hits.post(port(channel), channel, incident, ChannelMention.NONE), incident.id()));
      }
    }
    return out;
  }

  /**
   * Returns the updates not yet in the channel that go out together as one digest rather than each
   * in turn (filters, issue 14): those written by the end of the last quiet hours, and, for a top
   * post that filters may have held back, those written before it was made (its story so far).
   * An update already on its way alone ({@link #onItsWay}) is left to that post.
   */
  private List<IncidentUpdate> held(ChannelFilter filter, ChannelRef channel, Incident incident,
      Ledgered ledgered, LedgerEntry root, Instant now) {
    Optional<Instant> quietEnd = filter.heldUntil(now);
    Optional<Instant> story = filter.tellsStory() ? Optional.of(root.claimedAt()) : Optional.empty();
    Optional<Instant> by = quietEnd.isEmpty() ? story
        : story.map(s -> s.isAfter(quietEnd.get()) ? s : quietEnd.get()).or(() -> quietEnd);
    if (by.isEmpty()) {
      return List.of();
    }
    return incident.updatesInOrder().stream()
        .filter(u -> !written(u).isAfter(by.get()))
        .filter(u -> !onItsWay(channel, ItemKeys.update(u), ledgered))
        .toList();
  }

  /**
   * Returns true when the item is in the channel or on its way there by itself: queued in this
   * process's outbox (a critical update waiting out a {@code Retry-After}, say) or claimed in the
   * ledger (a send under way, here or in another process), let alone settled. Such an update is
   * never told again in a digest: it would be in the thread twice.
   */
  private boolean onItsWay(ChannelRef channel, String itemKey, Ledgered ledgered) {
    return ledgered.find(channel, itemKey).isPresent() || outbox.find(channel, itemKey).isPresent();
  }

  /**
   * Returns the held updates as one digest in the incident's thread, delivered once (keyed by the
   * last of them), which settles each of them.
   */
  private static Outgoing digest(ChannelRef channel, Incident incident, String rootKey, List<IncidentUpdate> held,
      Map<String, String> names) {
    String key = ItemKeys.digest(incident.id(), held.get(held.size() - 1).id());
    List<String> settles = held.stream().map(ItemKeys::update).toList();
    return new Outgoing.UnderRoot(key, channel, rootKey, Posts.digest(incident, held, names), false, incident.id(),
        settles);
  }

  /**
   * Returns the incident's top-level post as it stands now. A new one shows every update and the
   * state, so it settles them; one claimed before (it may be in the chat already, found by its key,
   * showing the incident as it was then) settles only the updates written by its claim, and the
   * post is edited to the state now in any case (an edit is idempotent, while update times can
   * predate what the post showed: a lagging page, a replay). With filters that may have held the
   * post back, it settles only the latest of those updates, the earlier ones being left for the
   * digest of its story ({@link #held}).
   */
  private Outgoing.Top top(ChannelRef channel, Incident incident, Optional<LedgerEntry> claimed, ChannelFilter filter) {
    Instant shownAt = claimed.map(LedgerEntry::claimedAt).orElse(Instant.MAX);
    List<IncidentUpdate> shown = incident.updatesInOrder().stream().filter(u -> !written(u).isAfter(shownAt)).toList();
    if (filter.tellsStory() && shown.size() > 1) {
      shown = shown.subList(shown.size() - 1, shown.size());
    }
    List<String> settles = new ArrayList<>();
    shown.forEach(u -> settles.add(ItemKeys.update(u)));
    if (claimed.isEmpty()) {
      incident.latestUpdate().filter(u -> u.id() != null)
          .ifPresent(u -> settles.add(ItemKeys.edit(incident.id(), u.id())));
    }
    Reply post = hits.post(port(channel), channel, incident, filter.mentionFor(incident));
    return new Outgoing.Top(ItemKeys.incident(incident.id()), channel, post, incident.id(), settles);
  }

  /** Returns the port of the channel's platform: the watcher publishes only to channels served here. */
  private ChatPort port(ChannelRef channel) {
    return outbox.port(channel.platform())
        .orElseThrow(() -> new IllegalStateException("no port for " + channel.platform() + " here"));
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
