package dev.claude500.outbox;

import dev.claude500.chat.ChannelRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Outbox}'s messages in memory, per lane in order, and what holds each lane back (a
 * backoff, a parked channel or workspace, an owner that may not deliver now). Its monitor is the
 * outbox's lock; it never calls a port, and schedules a lane's wake-up on the scheduler.
 */
final class Lanes {
  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

  private final Clock clock;
  private final Scheduler scheduler;
  private final Function<ChannelRef, Optional<String>> workspaces;
  private final Supplier<Owner> owner;
  private final Consumer<Lane> drain;
  private final Map<Lane, LaneState> lanes = new HashMap<>();
  private final Map<String, Queued> queued = new HashMap<>();
  private final Parking parking = new Parking();
  /** The owner's messages being tried now: handed out by {@link #begin} or {@link #next}, not back yet. */
  private final Set<Queued> ownedTrying = new HashSet<>();
  private boolean closed;

  /** Creates the lanes; {@code drain} is run (on the scheduler) for a lane whose wait is over. */
  Lanes(Clock clock, Scheduler scheduler, Function<ChannelRef, Optional<String>> workspaces, Supplier<Owner> owner,
      Consumer<Lane> drain) {
    this.clock = clock;
    this.scheduler = scheduler;
    this.workspaces = workspaces;
    this.owner = owner;
    this.drain = drain;
  }

  /** Returns a message's identity among the queued: its channel and item key. */
  static String id(ChannelRef channel, String itemKey) {
    return channel + " " + itemKey;
  }

  /** Returns the message queued under this key in this channel. */
  synchronized Optional<Queued> find(ChannelRef channel, String itemKey) {
    return Optional.ofNullable(queued.get(id(channel, itemKey)));
  }

  /** Returns how many messages are queued. */
  synchronized int size() {
    return queued.size();
  }

  /** Returns every lane with messages queued. */
  synchronized List<Lane> all() {
    return new ArrayList<>(lanes.keySet());
  }

  /** Queues the messages whose keys are not queued yet; returns the lanes they went to. */
  synchronized Set<Lane> enqueue(List<Queued> messages) {
    Set<Lane> touched = new LinkedHashSet<>();
    for (Queued q : messages) {
      if (queued.putIfAbsent(id(q.message().channel(), q.message().itemKey()), q) == null) {
        lanes.computeIfAbsent(q.message().lane(), l -> new LaneState()).queue.put(q.seq(), q);
        touched.add(q.message().lane());
      }
    }
    return touched;
  }

  /** Stops every lane at its next message; returns how many are left. */
  synchronized int close() {
    closed = true;
    return queued.size();
  }

  /** Marks the lane as being drained and returns its first message; null when it is empty, busy or held back. */
  synchronized Queued begin(Lane lane) {
    {
      LaneState state = lanes.get(lane);
      if (state == null || state.draining) {
        return null;
      }
      state.draining = true;
      return due(lane, state);
    }
  }

  /** Records the result of a try at {@code tried}; returns the lane's next message to try, or null when it stops. */
  synchronized Queued next(Lane lane, Queued tried, Attempt result, List<Queued> forget) {
    if (ownedTrying.remove(tried)) {
      notifyAll();
    }
    Queued next;
    {
      LaneState state = lanes.get(lane);
      if (result instanceof Attempt.Delivered) {
        remove(state, tried, forget);
        state.delivered();
      } else if (result instanceof Attempt.Refused refused) {
        forget.addAll(dropChannel(lane.channel()));
        LOG.warn("{} refused {} for good ({}); {} queued message{} for that channel dropped", lane, tried.message()
            .itemKey(), refused.why(), forget.size(), forget.size() == 1 ? "" : "s");
      } else {
        held(lane, state, tried, (Attempt.Retry) result, forget);
      }
      next = due(lane, state);
    }
    return next;
  }

  /**
   * Returns the lane's first message when it may be tried now; else stops draining it (waking it
   * later if held back; an owner's message that may not go out now waits for the owner).
   */
  private Queued due(Lane lane, LaneState state) {
    Map.Entry<Long, Queued> first = withhold(state);
    if (first == null) {
      lanes.remove(lane);
      return null;
    }
    Instant now = clock.instant();
    Instant parked = parking.until(lane.channel(), workspaces.apply(lane.channel()), now);
    Instant at = parked.isAfter(state.notBefore) ? parked : state.notBefore;
    if (closed || at.isAfter(now)) {
      state.draining = false;
      if (!closed && (state.wakeAt == null || state.wakeAt.isAfter(at) || !state.wakeAt.isAfter(now))) {
        state.wakeAt = at;
        scheduler.schedule(Duration.between(now, at), () -> woke(lane, at));
      }
      return null;
    }
    if (owner.get().owns(first.getValue().message().itemKey())) {
      ownedTrying.add(first.getValue());
    }
    return first.getValue();
  }

  /**
   * Waits until none of the owner's messages is being tried, at most {@code max}; returns false
   * when one still is. Once the owner may not deliver, none starts, so this waits only for the tries
   * under way.
   */
  synchronized boolean awaitOwnedTries(Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    while (!ownedTrying.isEmpty()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  /**
   * Takes the owner's messages that may not go out now off the head of the lane, so the lane's
   * other messages go on; they stay in the store for whoever may send them (the lease's holder, or
   * this process once it holds the lease again). Returns the lane's first message left.
   */
  private Map.Entry<Long, Queued> withhold(LaneState state) {
    Owner o = owner.get();
    Map.Entry<Long, Queued> first = state.queue.firstEntry();
    int withheld = 0;
    while (first != null && o.owns(first.getValue().message().itemKey()) && !o.mayDeliver()) {
      state.queue.remove(first.getKey());
      queued.remove(id(first.getValue().message().channel(), first.getValue().message().itemKey()));
      withheld++;
      first = state.queue.firstEntry();
    }
    if (withheld > 0) {
      LOG.info("{} message{} left in the store, not sent from here: their owner may not send now", withheld,
          withheld == 1 ? "" : "s");
    }
    return first;
  }

  /** Runs a lane's wake-up: it is no longer pending (a wake-up that comes early schedules another), then drains. */
  private void woke(Lane lane, Instant at) {
    synchronized (this) {
      LaneState state = lanes.get(lane);
      if (state != null && at.equals(state.wakeAt)) {
        state.wakeAt = null;
      }
    }
    drain.accept(lane);
  }

  private void held(Lane lane, LaneState state, Queued tried, Attempt.Retry retry, List<Queued> forget) {
    Instant now = clock.instant();
    if (!now.isBefore(tried.queuedAt().plus(Outbox.GIVE_UP_AFTER))) {
      forget.addAll(state.takeAll());
      forget.forEach(q -> queued.remove(Lanes.id(q.message().channel(), q.message().itemKey())));
      LOG.error("gave up {} message{} in {}, failing since {} ({})", forget.size(), forget.size() == 1 ? "" : "s",
          lane, tried.queuedAt(), retry.why());
      return;
    }
    Duration backoff = state.failed();
    Optional<Duration> asked = retry.retryAfter().filter(d -> !d.isNegative()).map(Lanes::bounded);
    Duration wait = asked.orElse(backoff);
    if (asked.isPresent()) {
      parking.park(lane.channel(), workspaces.apply(lane.channel()), retry.scope(), now.plus(wait));
    } else {
      state.notBefore = now.plus(wait);
    }
    if (state.strikes == 1) {
      LOG.warn("{} not delivered yet ({}); {} message(s) held back in {}{}, trying again in {} ms",
          tried.message().itemKey(), retry.why(), state.queue.size(), lane,
          asked.isPresent() ? " (" + retry.scope().name().toLowerCase(Locale.ROOT) + " waits)" : "",
          wait.toMillis());
    } else {
      LOG.debug("{} failed again ({}); trying again in {} ms", tried.message().itemKey(), retry.why(), wait.toMillis());
    }
  }

  private void remove(LaneState state, Queued q, List<Queued> forget) {
    if (state.queue.remove(q.seq(), q)) {
      queued.remove(Lanes.id(q.message().channel(), q.message().itemKey()));
      forget.add(q);
    }
  }

  /** Empties every lane of a channel; returns what was in them. */
  private List<Queued> dropChannel(ChannelRef channel) {
    List<Queued> dropped = new ArrayList<>();
    lanes.entrySet().removeIf(e -> {
      if (!e.getKey().channel().equals(channel)) {
        return false;
      }
      dropped.addAll(e.getValue().takeAll());
      return !e.getValue().draining; // a lane being drained is removed by its drainer
    });
    dropped.forEach(q -> queued.remove(Lanes.id(q.message().channel(), q.message().itemKey())));
    return dropped;
  }

  private static Duration bounded(Duration asked) {
    return asked.compareTo(Outbox.LONGEST_RETRY_AFTER) > 0 ? Outbox.LONGEST_RETRY_AFTER : asked;
  }
}
