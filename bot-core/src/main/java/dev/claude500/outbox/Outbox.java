package dev.claude500.outbox;

import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ChatPort;
import dev.claude500.incidents.PostLedger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one delivery path of the bot's own messages (triage replies, summaries, incident and
 * maintenance posts, their updates and edits, follow-ups): each {@link Outgoing} is written to the
 * {@link OutboxStore} before it is sent, then delivered through its platform's {@link ChatPort},
 * exactly once (see {@link Delivery}), and forgotten.
 *
 * <p>Messages keep their order per {@link Lane} (a thread, or a channel's top level): one is sent
 * only once every message queued before it in its lane is delivered or dropped. A failure worth
 * retrying holds the lane back: a {@code Retry-After} parks the whole channel (its other lanes too),
 * or its whole workspace when the platform said the limit is workspace-wide, until the clock passes
 * it, at most {@link #LONGEST_RETRY_AFTER}; other channels go on. Any other failure waits a backoff
 * from {@link #FIRST_BACKOFF} doubling up to {@link #LONGEST_BACKOFF}. A message still failing
 * {@link #GIVE_UP_AFTER} after it was queued is given up with the rest of its lane; a refusal for
 * good drops every message queued for that channel. Each drop is one log line.
 *
 * <p>{@link #send} delivers on the calling thread when the lane is free, so a caller's messages are
 * out (or held back) when it returns; {@link #queue} leaves every try to the {@link Scheduler}, so
 * its caller never waits on a channel. Messages of an {@link Owner} are tried only while it may
 * deliver. {@link #resume} loads what an earlier process left queued. Time is read only from the
 * clock given. Thread-safe; a port is never called while the outbox's lock is held.
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
  private static final Owner NO_OWNER = new Owner() {
    @Override
    public boolean owns(String itemKey) {
      return false;
    }

    @Override
    public boolean mayDeliver() {
      return true;
    }

    @Override
    public void tried(Outgoing message, String result, Optional<Duration> retryAfter) {}
  };

  private final OutboxStore store;
  private final Delivery delivery;
  private final Clock clock;
  private final Scheduler scheduler;
  private final ConcurrentMap<String, ChatPort> ports = new ConcurrentHashMap<>();
  /** The workspace of each channel a port named, for workspace-wide waits. */
  private final ConcurrentMap<ChannelRef, String> workspaces = new ConcurrentHashMap<>();
  private final AtomicLong seq;
  private volatile Owner owner = NO_OWNER;
  /** The messages not yet delivered, per lane, by seq; its monitor is the outbox's lock. */
  private final Lanes lanes;

  /** Creates an outbox keeping messages in {@code store}, delivered once by {@code ledger}, timed by the two others. */
  public Outbox(OutboxStore store, PostLedger ledger, Clock clock, Scheduler scheduler) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.delivery = new Delivery(ledger, clock);
    this.seq = new AtomicLong(clock.millis() * 1_000);
    this.lanes = new Lanes(clock, scheduler, channel -> Optional.ofNullable(workspaces.get(channel)), () -> owner,
        this::drain);
  }

  /** Makes {@code port} the one messages for its platform go through, replacing any other. */
  public void register(ChatPort port) {
    Objects.requireNonNull(port, "port");
    ports.put(Objects.requireNonNull(port.platform(), "port.platform()"), port);
  }

  /** Makes {@code owner} the owner of the messages whose keys it owns, replacing any other. */
  public void owner(Owner owner) {
    this.owner = Objects.requireNonNull(owner, "owner");
  }

  /**
   * Queues messages, in order, and sends those whose lanes are free now on this thread. An item key
   * already queued in its channel is not queued twice.
   *
   * @throws RuntimeException the store's failure, when the messages could not be kept: none is queued
   */
  public void send(List<? extends Outgoing> messages) {
    keep(messages).forEach(this::drain);
  }

  /**
   * Queues messages, in order, and leaves their sending to the scheduler: returns once they are
   * kept. An item key already queued in its channel is not queued (nor written) twice; its lane is
   * woken all the same.
   *
   * @throws RuntimeException the store's failure, when the messages could not be kept: none is queued
   */
  public void queue(List<? extends Outgoing> messages) {
    keep(messages).forEach(lane -> scheduler.schedule(Duration.ZERO, () -> drain(lane)));
  }

  /** Returns the message queued under this key in this channel, while it is queued in this process. */
  public Optional<Outgoing> find(ChannelRef channel, String itemKey) {
    return lanes.find(channel, itemKey).map(Queued::message);
  }

  /** Returns the port messages for {@code platform} go through in this process, if one is registered. */
  public Optional<ChatPort> port(String platform) {
    return Optional.ofNullable(ports.get(platform));
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
    resume(q -> true);
  }

  /**
   * Queues what the store holds of the {@link Owner}'s messages (left by an earlier process or
   * another replica) and wakes every lane: for an owner that may deliver again, e.g. a replica that
   * took the lease. Every unconfirmed claim is looked for again before it is resent.
   */
  public void resumeOwned() {
    delivery.forgetClaims();
    Owner o = owner;
    resume(q -> o.owns(q.message().itemKey()));
    lanes.all().forEach(lane -> scheduler.schedule(Duration.ZERO, () -> drain(lane)));
  }

  /**
   * Waits, at most {@code max}, until no message of the {@link Owner} is being sent: for an owner
   * that stopped delivering ({@link Owner#mayDeliver()} false) and must not hand its messages to
   * another process while one of them is on its way, since that one would look for it too early and
   * send it again. Returns false when one is still on its way.
   *
   * @throws InterruptedException when interrupted while waiting
   */
  public boolean awaitOwnedSends(Duration max) throws InterruptedException {
    return lanes.awaitOwnedTries(Objects.requireNonNull(max, "max"));
  }

  /** Returns how many messages wait to be delivered. */
  public int waiting() {
    return lanes.size();
  }

  private void resume(Predicate<Queued> which) {
    List<Queued> left = store.pending().stream().filter(q -> serves(q.message().channel().platform()))
        .filter(which).toList();
    left.stream().mapToLong(Queued::seq).max().ifPresent(max -> seq.accumulateAndGet(max, Math::max));
    Set<Lane> touched = lanes.enqueue(left);
    if (!touched.isEmpty()) {
      LOG.info("outbox: {} message(s) left queued by an earlier run, in {} thread(s) or channel(s)", left.size(),
          touched.size());
    }
    touched.forEach(lane -> scheduler.schedule(Duration.ZERO, () -> drain(lane)));
  }

  /** Writes the messages not queued yet to the store and queues them; returns every lane they are in. */
  private Set<Lane> keep(List<? extends Outgoing> messages) {
    Set<Lane> lanesOf = new LinkedHashSet<>();
    List<Queued> fresh = new ArrayList<>(messages.size());
    Instant now = clock.instant();
    for (Outgoing m : messages) {
      lanesOf.add(Objects.requireNonNull(m, "message").lane());
      if (lanes.find(m.channel(), m.itemKey()).isEmpty()) {
        fresh.add(new Queued(seq.incrementAndGet(), m, now));
      }
    }
    if (!fresh.isEmpty()) {
      store.add(fresh);
      lanes.enqueue(fresh);
    }
    return lanesOf;
  }

  /** Sends the lane's messages in order until it is empty or held back; returns at once if another thread is at it. */
  private void drain(Lane lane) {
    Optional<ChatPort> port = Optional.ofNullable(ports.get(lane.channel().platform()));
    port.ifPresent(p -> learnWorkspace(p, lane.channel()));
    Queued head = lanes.begin(lane);
    while (head != null) {
      Attempt result = port.isPresent() ? delivery.attempt(port.get(), head.message())
          : Attempt.Retry.plain("no " + lane.channel().platform() + " connection in this process");
      tell(head.message(), result);
      List<Queued> done = new ArrayList<>();
      head = lanes.next(lane, head, result, done);
      done.forEach(this::forget);
    }
  }

  /** Asks the port once which workspace the channel is in; a port that cannot say now is asked again next time. */
  private void learnWorkspace(ChatPort port, ChannelRef channel) {
    if (!workspaces.containsKey(channel)) {
      try {
        workspaces.put(channel, Objects.requireNonNull(port.workspace(channel), "workspace"));
      } catch (RuntimeException e) {
        LOG.debug("no workspace known for {} yet: {}", channel, e.toString());
      }
    }
  }

  private void tell(Outgoing message, Attempt result) {
    Owner o = owner;
    if (!o.owns(message.itemKey())) {
      return;
    }
    if (result instanceof Attempt.Delivered d && !d.how().equals("settled")) {
      o.tried(message, d.how(), Optional.empty());
    } else if (result instanceof Attempt.Retry r) {
      o.tried(message, "deferred", r.retryAfter().map(d -> d.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : d));
    } else if (result instanceof Attempt.Refused) {
      o.tried(message, "refused", Optional.empty());
    }
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

  /**
   * Stops scheduling tries: what is still queued stays in the store for the next start (logged).
   * A try under way finishes. Never throws.
   */
  @Override
  public void close() {
    int left = lanes.close();
    if (left > 0) {
      LOG.warn("outbox closing with {} message{} not delivered yet; kept for the next start", left, left == 1 ? "" : "s");
    }
  }
}
