package dev.claude500.launcher;

import dev.claude500.bot.Commands;
import dev.claude500.bot.SubscriptionService;
import dev.claude500.incidents.ChatPorts;
import dev.claude500.incidents.IncidentLinks;
import dev.claude500.incidents.IncidentWatcher;
import dev.claude500.incidents.WaitingTriageRecorder;
import dev.claude500.metrics.BotMetrics;
import dev.claude500.outbox.Outbox;
import dev.claude500.outbox.OutboxThreads;
import dev.claude500.playbook.Playbook;
import dev.claude500.playbook.PlaybookLoader;
import dev.claude500.status.CachingStatusSource;
import dev.claude500.status.StatuspageClient;
import dev.claude500.store.JdbcStore;
import dev.claude500.store.Store;
import dev.claude500.triage.TriageEngine;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The platform-neutral part of a running bot, built once from the settings: store, status cache,
 * playbooks, triage engine, command handlers, the outbox the bot's messages go out through, and
 * the metrics registry they all record on. Closing it closes the outbox and the store.
 */
final class Core implements AutoCloseable {
  /** Threads sending the outbox's later tries (a first try is made by whoever queues the message). */
  private static final int OUTBOX_SENDERS = 2;
  final Settings settings;
  final Clock clock;
  final Store store;
  final CachingStatusSource status;
  final StatuspageClient statusClient;
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

  private Core(Settings settings, Clock clock, JdbcStore store, StatuspageClient statusClient,
      CachingStatusSource status, TriageEngine engine, Commands commands, ChatPorts chatPorts,
      PrometheusMeterRegistry registry, BotMetrics metrics) {
    this.settings = settings;
    this.registry = registry;
    this.metrics = metrics;
    this.clock = clock;
    this.store = store;
    this.statusClient = statusClient;
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
    CachingStatusSource status = new CachingStatusSource(client, settings.pollInterval(),
        CachingStatusSource.DEFAULT_FIRST_LOAD_WAIT);
    metrics.statusAge(status::asOf, clock);
    JdbcStore store = JdbcStore.open(settings.dbUrl(), settings.dbUser().orElse(null), settings.dbPassword().orElse(null),
        metrics);
    ChatPorts chatPorts = new ChatPorts();
    TriageEngine engine = new TriageEngine(playbooks, "claude-code-500", store.conversations(), status, clock,
        settings.triageTimeout())
        .withEndListener(new WaitingTriageRecorder(store.waitingTriages(), clock))
        .withStartNotes(new IncidentLinks(store.ledger(), chatPorts))
        .withMetrics(metrics);
    SubscriptionService subscriptions = new SubscriptionService(store.subscriptions(), status, clock);
    return new Core(settings, clock, store, client, status, engine, new Commands(engine, status, subscriptions, clock),
        chatPorts, registry, metrics);
  }

  /** Keeps the status cache warm: a refresh every poll interval, so no caller meets old data. */
  void startStatusRefresh() {
    long every = settings.pollInterval().toMillis();
    scheduler.scheduleWithFixedDelay(status::refresh, 0, every, TimeUnit.MILLISECONDS);
  }

  /**
   * Starts the incident watcher, posting through the chat ports added so far and any added later
   * and purging what is older than the retention; closing it gives up its lease.
   */
  IncidentWatcher startIncidentWatcher() {
    IncidentWatcher watcher = new IncidentWatcher(statusClient, store, chatPorts, engine, clock,
        settings.pollInterval(), settings.retention(), metrics);
    watcher.start();
    return watcher;
  }

  @Override
  public void close() {
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
