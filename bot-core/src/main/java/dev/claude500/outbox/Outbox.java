package dev.claude500.outbox;

import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ChatPort;
import dev.claude500.incidents.PostLedger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one delivery path of the bot's own messages: each {@link Outgoing} is written to the {@link
 * OutboxStore} before it is sent, then delivered through its platform's {@link ChatPort}, exactly
 * once (see {@link Delivery}), and forgotten.
 *
 * <p>Messages keep their order per {@link Lane} (a thread, or a channel's top level): one is sent
 * only once every message queued before it in its lane is delivered or dropped. A failure worth
 * retrying holds the lane back: a {@code Retry-After} parks the whole channel (its other lanes too,
 * other channels go on) until the clock passes it, at most {@link #LONGEST_RETRY_AFTER}; any other
 * waits a backoff from {@link #FIRST_BACKOFF} doubling up to {@link #LONGEST_BACKOFF}. A message
 * still failing {@link #GIVE_UP_AFTER} after it was queued is given up with the rest of its lane; a
 * refusal for good drops every message queued for that channel. Each drop is one log line.
 *
 * <p>{@link #send} delivers on the calling thread when the lane is free, so a caller's messages are
 * out (or held back) when it returns; later tries run from the {@link Scheduler}. {@link #resume}
 * loads what an earlier process left queued. Time is read only from the clock given. Thread-safe;
 * a port is never called while the outbox's lock is held.
 */
public final class Outbox implements AutoCloseable {
  /** The first backoff after a failure without a {@code Retry-After}; it doubles with each further one. */
  public static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  /** The longest backoff between two tries. */
  public static final Duration LONGEST_BACKOFF = Duration.ofMinutes(2);
  /** The longest a {@code Retry-After} parks a channel (a platform's absurd answer must not park it for good). */
  public static final Duration LONGEST_RETRY_AFTER = Duration.ofMinutes(5);
  /** How long after it was queued a message that keeps failing is given up. */
  public static final Duration GIVE_UP_AFTER = Duration.ofHours(1);

  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

  private final OutboxStore store;
  private final Delivery delivery;
  private final Clock clock;
  private final Scheduler scheduler;
  private final ConcurrentMap<String, ChatPort> ports = new ConcurrentHashMap<>();
  private final AtomicLong seq;
  private final Object lock = new Object();
  /** The messages not yet delivered, per lane, by seq. Guarded by {@link #lock}, as is all below. */
  private final Map<Lane, LaneState> lanes = new HashMap<>();
  private final Set<String> queuedKeys = new HashSet<>();
  private final Map<ChannelRef, Instant> parkedUntil = new HashMap<>();
  private boolean closed;

  /** Creates an outbox keeping messages in {@code store}, delivered once by {@code ledger}, timed by the two others. */
  public Outbox(OutboxStore store, PostLedger ledger, Clock clock, Scheduler scheduler) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.delivery = new Delivery(ledger, clock);
    this.seq = new AtomicLong(clock.millis() * 1_000);
  }

  /** Makes {@code port} the one messages for its platform go through, replacing any other. */
  public void register(ChatPort port) {
    Objects.requireNonNull(port, "port");
    ports.put(Objects.requireNonNull(port.platform(), "port.platform()"), port);
  }

  /**
   * Queues messages, in order, and sends those whose lanes are free now on this thread. An item key
   * already queued in its channel is not queued twice.
   *
   * @throws RuntimeException the store's failure, when the messages could not be kept: none is queued
   */
  public void send(List<? extends Outgoing> messages) {
    if (messages.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    List<Queued> queued = new ArrayList<>(messages.size());
    for (Outgoing m : messages) {
      queued.add(new Queued(seq.incrementAndGet(), Objects.requireNonNull(m, "message"), now));
    }
    store.add(queued);
    for (Lane lane : enqueue(queued)) {
      drain(lane);
    }
  }

  /** Returns true when messages for {@code platform} have a port to go through in this process. */
  public boolean serves(String platform) {
    return ports.containsKey(platform);
  }

  /**
   * Queues what an earlier process left in the store for the platforms registered now and starts
   * sending it, on the scheduler; messages for other platforms stay in the store for a process that
   * serves them.
   */
  public void resume() {
    List<Queued> left = store.pending().stream().filter(q -> serves(q.message().channel().platform())).toList();
    left.stream().mapToLong(Queued::seq).max().ifPresent(max -> seq.accumulateAndGet(max, Math::max));
    Set<Lane> touched = enqueue(left);
    if (!touched.isEmpty()) {
      LOG.info("outbox: {} message(s) left queued by an earlier run, in {} thread(s) or channel(s)", left.size(),
          touched.size());
    }
    touched.forEach(lane -> scheduler.schedule(Duration.ZERO, () -> drain(lane)));
  }

  /** Returns how many messages wait to be delivered. */
  public int waiting() {
    synchronized (lock) {
      return queuedKeys.size();
    }
  }

  private Set<Lane> enqueue(List<Queued> queued) {
    Set<Lane> touched = new LinkedHashSet<>();
    synchronized (lock) {
      for (Queued q : queued) {
        if (queuedKeys.add(id(q.message()))) {
          lanes.computeIfAbsent(q.message().lane(), l -> new LaneState()).queue.put(q.seq(), q);
          touched.add(q.message().lane());
        }
      }
    }
    return touched;
  }

  /** Sends the lane's messages in order until it is empty or held back; returns at once if another thread is at it. */
  private void drain(Lane lane) {
    Queued head = begin(lane);
    while (head != null) {
      Optional<ChatPort> port = Optional.ofNullable(ports.get(lane.channel().platform()));
      Attempt result = port.isPresent() ? delivery.attempt(port.get(), head.message())
          : new Attempt.Retry("no " + lane.channel().platform() + " connection in this process", Optional.empty());
      head = next(lane, head, result);
    }
  }

  /** Marks the lane as being drained and returns its first message; null when it is empty, busy or held back. */
  private Queued begin(Lane lane) {
    synchronized (lock) {
      LaneState state = lanes.get(lane);
      if (state == null || state.draining) {
        return null;
      }
      state.draining = true;
      return due(lane, state);
    }
  }

  /** Records the result of a try at {@code tried}; returns the lane's next message to try, or null when it stops. */
  private Queued next(Lane lane, Queued tried, Attempt result) {
    List<Queued> forget = new ArrayList<>();
    Queued next;
    synchronized (lock) {
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
    for (Queued q : forget) {
      forget(q);
    }
    return next;
  }

  /** Returns the lane's first message when it may be tried now; else stops draining it (waking it later if held back). */
  private Queued due(Lane lane, LaneState state) {
    Map.Entry<Long, Queued> first = state.queue.firstEntry();
    if (first == null) {
      lanes.remove(lane);
      return null;
    }
    Instant now = clock.instant();
    Instant parked = parkedUntil.getOrDefault(lane.channel(), Instant.MIN);
    parkedUntil.remove(lane.channel(), parked.isAfter(now) ? null : parked); // a wait that is over is forgotten
    Instant at = parked.isAfter(state.notBefore) ? parked : state.notBefore;
    if (closed || at.isAfter(now)) {
      state.draining = false;
      if (!closed && (state.wakeAt == null || state.wakeAt.isAfter(at) || !state.wakeAt.isAfter(now))) {
        state.wakeAt = at;
        scheduler.schedule(Duration.between(now, at), () -> woke(lane, at));
      }
      return null;
    }
    return first.getValue();
  }

  /** Runs a lane's wake-up: it is no longer pending (a wake-up that comes early schedules another), then drains. */
  private void woke(Lane lane, Instant at) {
    synchronized (lock) {
      LaneState state = lanes.get(lane);
      if (state != null && at.equals(state.wakeAt)) {
        state.wakeAt = null;
      }
    }
    drain(lane);
  }

  private void held(Lane lane, LaneState state, Queued tried, Attempt.Retry retry, List<Queued> forget) {
    Instant now = clock.instant();
    if (!now.isBefore(tried.queuedAt().plus(GIVE_UP_AFTER))) {
      forget.addAll(state.takeAll());
      forget.forEach(q -> queuedKeys.remove(id(q.message())));
      LOG.error("gave up {} message{} in {}, failing since {} ({})", forget.size(), forget.size() == 1 ? "" : "s",
          lane, tried.queuedAt(), retry.why());
      return;
    }
    Duration backoff = state.failed();
    Optional<Duration> asked = retry.retryAfter().filter(d -> !d.isNegative())
        .map(d -> d.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : d);
    Duration wait = asked.orElse(backoff);
    if (asked.isPresent()) {
      parkedUntil.merge(lane.channel(), now.plus(wait), (a, b) -> a.isAfter(b) ? a : b);
    } else {
      state.notBefore = now.plus(wait);
    }
    if (state.strikes == 1) {
      LOG.warn("{} not delivered yet ({}); {} message(s) held back, trying again in {} ms", tried.message().itemKey(),
          retry.why(), state.queue.size(), wait.toMillis());
    } else {
      LOG.debug("{} failed again ({}); trying again in {} ms", tried.message().itemKey(), retry.why(), wait.toMillis());
    }
  }

  private void remove(LaneState state, Queued q, List<Queued> forget) {
    if (state.queue.remove(q.seq(), q)) {
      queuedKeys.remove(id(q.message()));
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
    dropped.forEach(q -> queuedKeys.remove(id(q.message())));
    return dropped;
  }

  /** Removes a delivered or dropped message from the store; the ledger keeps it from going out twice if this fails. */
  private void forget(Queued q) {
    try {
      store.remove(q.message().channel(), q.message().itemKey());
    } catch (RuntimeException e) {
      LOG.warn("outbox: {} done but still in the store ({}); the ledger keeps it from being sent again",
          q.message().itemKey(), e.toString());
    }
  }

  private static String id(Outgoing m) {
    return m.channel() + " " + m.itemKey();
  }

  /**
   * Stops scheduling tries: what is still queued stays in the store for the next start (logged).
   * A try under way finishes. Never throws.
   */
  @Override
  public void close() {
    int left;
    synchronized (lock) {
      closed = true;
      left = queuedKeys.size();
    }
    if (left > 0) {
      LOG.warn("outbox closing with {} message{} not delivered yet; kept for the next start", left, left == 1 ? "" : "s");
    }
  }
}
