package dev.claude500.hits;

import dev.claude500.chat.ChannelMention;
import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ChatPort;
import dev.claude500.chat.HitCount;
import dev.claude500.chat.MessageRef;
import dev.claude500.chat.Reply;
import dev.claude500.commands.Subscription;
import dev.claude500.incidents.ChatPorts;
import dev.claude500.incidents.HitScope;
import dev.claude500.incidents.TopPosts;
import dev.claude500.incidents.Workspaces;
import dev.claude500.metrics.BotMetrics;
import dev.claude500.outbox.Outbox;
import dev.claude500.outbox.Outgoing;
import dev.claude500.outbox.Scheduler;
import dev.claude500.status.Incident;
import dev.claude500.status.IncidentView;
import dev.claude500.status.StatusSource;
import dev.claude500.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Edits incident posts to the count of people hit, coalesced: a change in a {@link HitScope} edits
 * that scope's posts (every channel of the workspace where the incident is posted) at the next
 * boundary of {@link #EVERY} on the clock, reading the count from the store then, so a burst of
 * changes costs one edit per post and the last state always lands. Each edit goes through the
 * {@link Outbox} keyed {@code hits/<incident>/<slot>}: replicas that see changes in the same slot
 * make one edit between them, and a post is edited at most once per slot. An edit rebuilds the whole
 * post from this replica's copy of the page; a post that already shows more (the watcher, perhaps
 * on another replica, edited it for a newer update or told it resolved) is left to a later slot,
 * when the copy has caught up.
 *
 * <p>Also keeps the gauge of people hit per open incident, after each edit and every
 * {@link #GAUGE_EVERY}. Time comes only from the clock and scheduler given. Thread-safe.
 *
 * <p>An edit due in this process is lost if it stops before the boundary (the count is safe in the
 * store; the next change or state edit of the post shows it).
 */
public final class HitEdits {
  /** The shortest time between two edits of one post for its count. */
  public static final Duration EVERY = Duration.ofSeconds(10);
  /** How often the gauge is read again without a change (incidents end without one). */
  public static final Duration GAUGE_EVERY = Duration.ofMinutes(1);
  /** How many slots in a row an edit that fails (the store unreachable) is tried again. */
  private static final int TRIES = 30;
  private static final Logger LOG = LoggerFactory.getLogger(HitEdits.class);

  private final Store store;
  private final ChatPorts ports;
  private final StatusSource status;
  private final Outbox outbox;
  private final Clock clock;
  private final Scheduler scheduler;
  private final BotMetrics metrics;
  private final Workspaces workspaces = new Workspaces();
  /** The slot each scope's edit is scheduled for. */
  private final ConcurrentMap<HitScope, Long> pending = new ConcurrentHashMap<>();
  private final ConcurrentMap<HitScope, Integer> failures = new ConcurrentHashMap<>();

  /** Creates the editor; {@link #start()} starts the gauge's rounds. */
  public HitEdits(Store store, ChatPorts ports, StatusSource status, Outbox outbox, Clock clock, Scheduler scheduler,
      BotMetrics metrics) {
    this.store = Objects.requireNonNull(store, "store");
    this.ports = Objects.requireNonNull(ports, "ports");
    this.status = Objects.requireNonNull(status, "status");
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  /**
   * Reads the gauge every {@link #GAUGE_EVERY}, for as long as the scheduler runs; the first read
   * comes after one such wait, when the status poller has fed the page's state (reading it before
   * would make the status cache fetch the page itself).
   */
  public void start() {
    scheduler.schedule(GAUGE_EVERY, this::gaugeRound);
  }

  /**
   * Takes note that the count of a scope changed: its posts are edited at the next boundary of
   * {@link #EVERY} after now, unless an edit is already due then. Never blocks on the platform.
   */
  public void changed(HitScope scope) {
    Objects.requireNonNull(scope, "scope");
    long now = clock.millis();
    long every = EVERY.toMillis();
    long slot = Math.floorDiv(now, every) + 1;
    boolean[] fresh = {false};
    pending.compute(scope, (s, due) -> {
      if (due != null && due >= slot) {
        return due;
      }
      fresh[0] = true;
      return slot;
    });
    if (fresh[0]) {
      scheduler.schedule(Duration.ofMillis(slot * every - now), () -> edit(scope, slot));
    }
  }

  /** Returns where people hit by an incident in this channel are counted (the platform asked once per channel). */
  HitScope scope(String incidentId, ChatPort port, ChannelRef channel) {
    return workspaces.scope(incidentId, port, channel);
  }

  private void edit(HitScope scope, long slot) {
    pending.remove(scope, slot);
    try {
      List<Outgoing> edits = new ArrayList<>();
      boolean behind = edits(scope, slot, edits);
      outbox.send(edits);
      if (behind) {
        LOG.debug("some posts of {} show more than this replica's copy of the page; edited at a later slot", scope);
        again(scope, "this replica's copy of the page stayed behind its posts");
        return;
      }
      failures.remove(scope);
    } catch (RuntimeException e) {
      if (!failures.containsKey(scope)) {
        LOG.warn("posts of {} not edited for their count yet ({}); trying again", scope, e.toString());
      }
      again(scope, e.toString());
      return;
    }
    refreshGauge();
  }

  /** Edits the scope's posts at the next slot, up to {@link #TRIES} slots in a row. */
  private void again(HitScope scope, String why) {
    int failed = failures.merge(scope, 1, Integer::sum);
    if (failed >= TRIES) {
      failures.remove(scope);
      LOG.warn("gave up editing the posts of {} for their count ({})", scope, why);
      return;
    }
    changed(scope);
  }

  /**
   * Adds one edit for each post of the scope's incident in a channel of its workspace, but for the
   * posts that show more than this replica's copy of the page ({@link TopPosts#aheadOf}): an edit
   * rebuilds the whole post, and one from an older view would put it back (a resolved post to open).
   *
   * @return true when a post was left for that reason
   */
  private boolean edits(HitScope scope, long slot, List<Outgoing> edits) {
    Optional<ChatPort> port = ports.find(scope.platform());
    Optional<Incident> incident = status.incident(scope.incidentId());
    if (port.isEmpty() || incident.isEmpty()) {
      LOG.debug("no edit of {}: {}", scope, port.isEmpty() ? "its platform does not run here" : "not on the page now");
      return false;
    }
    int people = store.incidentHits().count(scope);
    Reply.Incident post = new Reply.Incident(IncidentView.of(incident.get()), ChannelMention.NONE,
        Optional.of(new HitCount(people)));
    String key = "hits/" + scope.incidentId() + "/" + slot;
    Set<ChannelRef> ahead = TopPosts.aheadOf(store.ledger(), incident.get());
    boolean behind = false;
    for (Subscription sub : store.subscriptions().all()) {
      ChannelRef channel = sub.channel();
      if (!channel.platform().equals(scope.platform())) {
        continue;
      }
      Optional<MessageRef> top = TopPosts.find(store.ledger(), channel, scope.incidentId());
      if (top.isPresent() && inScope(scope, port.get(), channel)) {
        if (ahead.contains(channel)) {
          behind = true;
        } else {
          edits.add(new Outgoing.Edit(key, top.get(), Optional.empty(), post));
        }
      }
    }
    return behind;
  }

  private boolean inScope(HitScope scope, ChatPort port, ChannelRef channel) {
    try {
      return workspaces.scope(scope.incidentId(), port, channel).equals(scope);
    } catch (RuntimeException e) {
      LOG.info("cannot tell the workspace of {} ({}); its post of {} keeps its count for now", channel, e.toString(),
          scope.incidentId());
      return false;
    }
  }

  private void gaugeRound() {
    try {
      refreshGauge();
    } catch (RuntimeException e) {
      LOG.debug("gauge of people hit not read: {}", e.toString());
    } finally {
      scheduler.schedule(GAUGE_EVERY, this::gaugeRound);
    }
  }

  /** Sets the gauge to the people hit by each incident open on the page as last read. */
  private void refreshGauge() {
    List<String> open = status.peek().summary().map(s -> s.incidents().stream()
        .filter(Incident::isOpen).map(Incident::id).filter(Objects::nonNull).toList()).orElse(List.of());
    Map<String, Integer> people = new TreeMap<>();
    open.forEach(id -> people.put(id, 0));
    people.putAll(open.isEmpty() ? Map.of() : store.incidentHits().people(open));
    metrics.peopleHit(people);
  }
}
