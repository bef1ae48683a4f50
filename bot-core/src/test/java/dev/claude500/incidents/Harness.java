package dev.claude500.incidents;

import dev.claude500.chat.ChannelRef;
import dev.claude500.commands.Filters;
import dev.claude500.commands.Subscription;
import dev.claude500.metrics.BotMetrics;
import dev.claude500.outbox.Scheduler;
import dev.claude500.playbook.Playbook;
import dev.claude500.playbook.PlaybookLoader;
import dev.claude500.status.StatusPage;
import dev.claude500.status.StatusSnapshot;
import dev.claude500.store.InMemoryStore;
import dev.claude500.store.Store;
import dev.claude500.testing.FixedStatusSource;
import dev.claude500.testing.MutableClock;
import dev.claude500.testing.PortSets;
import dev.claude500.testing.RecordingChatPort;
import dev.claude500.testing.InlineScheduler;
import dev.claude500.testing.Watchers;
import dev.claude500.triage.GreenFailures;
import dev.claude500.triage.TriageEngine;
import dev.claude500.triage.TriageLog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One store, a fake page, a Slack and a Discord port that record, an engine, and watchers built on
 * them with a fixed jitter (none), on a clock the test moves.
 */
final class Harness {
  static final Duration POLL = Duration.ofSeconds(30);
  static final ChannelRef ALL = new ChannelRef("slack", "C-ALL");
  static final ChannelRef AI_ONLY = new ChannelRef("slack", "C-AI");
  static final ChannelRef CODE_ONLY = new ChannelRef("discord", "D-CODE");

  final MutableClock clock;
  final Store store;
  final FakePage page = new FakePage();
  final StatusPage source;
  final RecordingChatPort slack = new RecordingChatPort("slack");
  final RecordingChatPort discord = new RecordingChatPort("discord");
  final ChatPorts ports = PortSets.of(slack, discord);
  final FixedStatusSource status = new FixedStatusSource(StatusSnapshot.unknown("not used"));
  final TriageEngine engine;
  IncidentWatcher watcher;
  /** The later tries of the newest watcher's outbox: run by {@link InlineScheduler#runDue()} or the next queueing. */
  InlineScheduler outboxTime;

  Harness() {
    this(new InMemoryStore(), Pages.T0);
  }

  Harness(Store store, Instant start) {
    this(store, start, null);
  }

  /** A harness whose watchers read {@code source} (the fake page when null). */
  Harness(Store store, Instant start, StatusPage source) {
    this.store = store;
    this.source = source == null ? page : source;
    this.clock = new MutableClock(start);
    Playbook playbook = PlaybookLoader.builtIn();
    this.engine = new TriageEngine(Map.of(playbook.id(), playbook), playbook.id(), store.conversations(), status,
        clock, Duration.ofHours(2), new WaitingTriageRecorder(store.waitingTriages(), clock),
        new IncidentLinks(store.ledger(), ports), BotMetrics.none(), GreenFailures.NONE, TriageLog.none());
    this.watcher = newWatcher("replica-1");
  }

  IncidentWatcher newWatcher(String replica) {
    return newWatcher(replica, store);
  }

  IncidentWatcher newWatcher(String replica, Store on) {
    outboxTime = new InlineScheduler(clock);
    return newWatcher(replica, on, outboxTime);
  }

  /** A watcher whose outbox sends on {@code outboxThreads}, as a running bot's does, not on the round's thread. */
  IncidentWatcher newWatcher(String replica, Store on, Scheduler outboxThreads) {
    // a draw of 0 shortens no wait: the watcher reads exactly every interval
    return new IncidentWatcher(Watchers.ownPoller(source, clock, POLL, () -> 0.0), on,
        Watchers.outbox(on, ports, clock, outboxThreads), engine, clock, replica, IncidentWatcher.DEFAULT_RETENTION,
        BotMetrics.none());
  }

  /** Replaces the watcher by a new one on the same store, as a restart does. */
  void restart() {
    watcher = newWatcher("replica-restarted");
  }

  Harness subscribe(ChannelRef channel, String... components) {
    store.subscriptions().save(new Subscription(channel, Set.of(components), "U1", clock.instant(), Filters.DEFAULT));
    return this;
  }

  /** Subscribes a channel with filters, read from {@code key=value} words as a Discord channel types them. */
  Harness subscribe(ChannelRef channel, List<String> filterWords, String... components) {
    Filters filters = ((Filters.Parsed.Good) Filters.parse(filterWords,
        dev.claude500.commands.Surface.of(dev.claude500.commands.Surface.Ability.ROLE_MENTIONS))).filters();
    store.subscriptions().save(new Subscription(channel, Set.of(components), "U1", clock.instant(), filters));
    return this;
  }

  /** Subscribes the three usual channels: everything, claude.ai only, Claude Code only. */
  Harness subscribeUsual() {
    return subscribe(ALL).subscribe(AI_ONLY, Pages.AI).subscribe(CODE_ONLY, Pages.CODE);
  }

  Duration tick() {
    return watcher.tick();
  }

  /** Moves the clock by {@code by} and runs one round. */
  Duration tickAfter(Duration by) {
    clock.advance(by);
    return watcher.tick();
  }

  /** Runs rounds when the watcher asks for them until {@code span} has passed. */
  void runFor(Duration span) {
    Instant end = clock.instant().plus(span);
    Duration next = watcher.tick();
    while (!clock.instant().plus(next).isAfter(end)) {
      clock.advance(next);
      next = watcher.tick();
    }
    clock.set(end);
  }

  RecordingChatPort port(ChannelRef channel) {
    return channel.platform().equals("slack") ? slack : discord;
  }
}
