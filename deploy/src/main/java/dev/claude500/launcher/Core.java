package dev.claude500.launcher;

import dev.claude500.commands.Commands;
import dev.claude500.commands.SubscriptionService;
import dev.claude500.incidents.ChatPorts;
import dev.claude500.incidents.IncidentLinks;
import dev.claude500.incidents.IncidentWatcher;
import dev.claude500.incidents.WaitingTriageRecorder;
import dev.claude500.metrics.BotMetrics;
import dev.claude500.outbox.Outbox;
import dev.claude500.outbox.OutboxThreads;
import dev.claude500.playbook.Playbook;
import dev.claude500.playbook.PlaybookLoader;
import dev.claude500.stats.TeamStats;
import dev.claude500.status.CachingStatusSource;
import dev.claude500.status.PageRead;
import dev.claude500.status.StatusPage;
import dev.claude500.status.StatusPoller;
import dev.claude500.status.StatuspageClient;
import dev.claude500.store.JdbcStore;
import dev.claude500.store.Store;
import dev.claude500.triage.TriageEngine;
import dev.claude500.triage.TriageLog;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The platform-neutral part of a running bot, built once from the settings: store, status cache and
 * the one status poller that feeds it (and the incident watcher), playbooks, triage engine, command
 * handlers, the outbox the bot's messages go out through, and the metrics registry they all record
 * on. Closing it stops the poller and closes the outbox and the store.
 */
final class Core implements AutoCloseable {
  /** Threads sending the outbox's later tries (a first try is made by whoever queues the message). */
  private static final int OUTBOX_SENDERS = 2;
  final Settings settings;
  final Clock clock;
  final Store store;
  final CachingStatusSource status;
  /** The process's one reader of the status page: it feeds {@link #status} and the incident watcher. */
  final StatusPoller poller;
  final TriageEngine engine;
  final Commands commands;
  final ScheduledExecutorService scheduler;
  final PrometheusMeterRegistry registry;
  final BotMetrics metrics;
  /** The running platforms' chat ports, filled in as they start (the engine's incident links use them). */
  final ChatPorts chatPorts;
  /** Where triage replies and idle-triage summaries go out; each platform registers its port as it starts. */
  final Outbox outbox;
  private final OutboxThreads outboxThreads;

  private Core(Settings settings, Clock clock, JdbcStore store, StatusPoller poller,
      CachingStatusSource status, TriageEngine engine, Commands commands, ChatPorts chatPorts,
      PrometheusMeterRegistry registry, BotMetrics metrics) {
    this.settings = settings;
    this.registry = registry;
    this.metrics = metrics;
    this.clock = clock;
    this.store = store;
    this.poller = poller;
    this.status = status;
    this.engine = engine;
    this.commands = commands;
    this.chatPorts = chatPorts;
    this.outboxThreads = OutboxThreads.start(OUTBOX_SENDERS);
    this.outbox = new Outbox(store.outbox(), store.ledger(), clock, outboxThreads.scheduler());
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "claude500-scheduler");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Builds the core. Playbooks are loaded before the store is opened, so a broken playbook stops
   * start-up without touching the database.
   */
  static Core build(Settings settings, Clock clock) {
    Objects.requireNonNull(settings, "settings");
    Map<String, Playbook> playbooks = PlaybookLoader.builtInAnd(settings.playbookDir().orElse(null));
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    BotMetrics metrics = new BotMetrics(registry);
    StatuspageClient client = new StatuspageClient(settings.statusUrls(),
        StatuspageClient.DEFAULT_CONNECT_TIMEOUT, StatuspageClient.DEFAULT_REQUEST_TIMEOUT,
        StatuspageClient.DEFAULT_MAX_BODY_BYTES, metrics);
    StatusPage page = StatusPage.of(client);
    // The poller feeds the cache at least once an interval; the cache reads the page itself only
    // when cold, or when nobody fed it for two intervals (the poller backing off a failing page).
    CachingStatusSource status = new CachingStatusSource(page, settings.pollInterval().multipliedBy(2),
        CachingStatusSource.DEFAULT_FIRST_LOAD_WAIT, clock, CachingStatusSource.newFetchPool());
    StatusPoller poller = new StatusPoller(page, status, clock, settings.pollInterval(), StatusPoller.randomJitter());
    metrics.statusAge(status::asOf, clock);
    JdbcStore store = JdbcStore.open(settings.dbUrl(), settings.dbUser().orElse(null), settings.dbPassword().orElse(null),
        JdbcStore.DEFAULT_CONNECTION_WAIT, metrics);
    ChatPorts chatPorts = new ChatPorts();
    TriageEngine engine = new TriageEngine(playbooks, "claude-code-500", store.conversations(), status, clock,
        settings.triageTimeout(), new WaitingTriageRecorder(store.waitingTriages(), clock),
        new IncidentLinks(store.ledger(), chatPorts), metrics, new TriageLog(store.triageRecords(), chatPorts::workspace));
    SubscriptionService subscriptions = new SubscriptionService(store.subscriptions(), store.autodetect(), status, clock);
    TeamStats stats = new TeamStats(store.triageRecords(),
        () -> poller.latest().map(PageRead::incidents).orElse(List.of()), chatPorts::workspace, clock);
    return new Core(settings, clock, store, poller, status, engine, new Commands(engine, status, subscriptions, clock, stats),
        chatPorts, registry, metrics);
  }

  /**
   * Starts the status poller on a thread of its own, its first read at once: from then on the
   * cache and the incident watcher (when one follows it) get every read.
   */
  void startStatusPolling() {
    poller.start();
  }

  /**
   * Makes the incident watcher, following the status poller and posting through the chat ports
   * added so far and any added later, purging what is older than the retention; closing it gives
   * up its lease. Made before {@link #startStatusPolling()}, it has the poller's first round.
   */
  IncidentWatcher newIncidentWatcher() {
    return new IncidentWatcher(poller, store, chatPorts, engine, clock, IncidentWatcher.replicaName(),
        settings.retention(), metrics);
  }

  @Override
  public void close() {
    poller.close();
    outbox.close();
    outboxThreads.close();
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    store.close();
  }
}
