package dev.claude500.launcher;

import dev.claude500.commands.Commands;
import dev.claude500.commands.SubscriptionService;
import dev.claude500.earlywarning.EarlyWarnings;
import dev.claude500.hits.HitButton;
import dev.claude500.hits.HitEdits;
import dev.claude500.hits.HitRecorder;
import dev.claude500.incidents.ChatPorts;
import dev.claude500.incidents.IncidentLinks;
import dev.claude500.incidents.IncidentWatcher;
import dev.claude500.incidents.WaitingTriageRecorder;
import dev.claude500.discord.DiscordAdapter;
import dev.claude500.metrics.BotMetrics;
import dev.claude500.metrics.KnownLabels;
import dev.claude500.outbox.Outbox;
import dev.claude500.outbox.OutboxThreads;
import dev.claude500.playbook.Playbook;
import dev.claude500.playbook.PlaybookLoader;
import dev.claude500.playbook.Step;
import dev.claude500.slack.SlackAdapter;
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
import dev.claude500.triage.TriageOutcome;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The platform-neutral part of a running bot, built once from the settings: store, status cache and
 * the one status poller that feeds it (and the incident watcher), playbooks, triage engine, command
 * handlers, the outbox the bot's messages go out through, and the metrics registry they all record
 * on. Closing it stops the poller and closes the outbox and the store.
 */
final class Core implements AutoCloseable {
  /** Threads sending the outbox's later tries (a first try is made by whoever queues the message). */
  private static final int OUTBOX_SENDERS = 8;
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
  /** The early warning: told of triages failing on a green page, and to follow the status poller. */
  final EarlyWarnings earlyWarnings;
  private final OutboxThreads outboxThreads;
  /** Edits incident posts to their count of people hit; its gauge starts with {@link #startStatusPolling()}. */
  final HitEdits hitEdits;
  /** What the "I'm hit too" button does, for every platform. */
  final HitButton hitButton;

  private Core(Settings settings, Clock clock, JdbcStore store, StatusPoller poller,
      CachingStatusSource status, TriageEngine engine, Commands commands, ChatPorts chatPorts,
      PrometheusMeterRegistry registry, BotMetrics metrics, Background background, EarlyWarnings earlyWarnings,
      HitEdits hitEdits) {
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
    this.outboxThreads = background.outboxThreads();
    this.outbox = background.outbox();
    this.scheduler = background.scheduler();
    this.earlyWarnings = earlyWarnings;
    this.hitEdits = hitEdits;
    this.hitButton = new HitButton(store, hitEdits, clock);
  }

  /**
   * The threads and the outbox, made before the engine so that the early warning, which the engine
   * tells of failing triages, can post through them.
   */
  private record Background(OutboxThreads outboxThreads, Outbox outbox, ScheduledExecutorService scheduler) {
    static Background start(JdbcStore store, Clock clock) {
      OutboxThreads threads = OutboxThreads.start(OUTBOX_SENDERS);
      ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "claude500-scheduler");
        t.setDaemon(true);
        return t;
      });
      return new Background(threads, new Outbox(store.outbox(), store.ledger(), clock, threads.scheduler()), scheduler);
    }
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
    metrics.startAtZero(knownLabels(settings, playbooks));
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
    Background background = Background.start(store, clock);
    EarlyWarnings warnings = new EarlyWarnings(settings.earlyWarning(), store.earlyWarnings(), store.subscriptions(),
        store.ledger(), background.outbox(), chatPorts, clock, background.scheduler(), metrics);
    HitEdits hitEdits = new HitEdits(store, chatPorts, status, background.outbox(), clock,
        background.outboxThreads().scheduler(), metrics);
    WaitingTriageRecorder waiting = new WaitingTriageRecorder(store.waitingTriages(), clock);
    HitRecorder hits = new HitRecorder(store.incidentHits(), chatPorts, hitEdits, clock);
    TriageEngine engine = new TriageEngine(playbooks, "claude-code-500", store.conversations(), status, clock,
        settings.triageTimeout(), view -> {
          waiting.ended(view);
          hits.ended(view);
        }, new IncidentLinks(store.ledger(), chatPorts), metrics, warnings,
        new TriageLog(store.triageRecords(), chatPorts::workspace));
    SubscriptionService subscriptions = new SubscriptionService(store.subscriptions(), store.autodetect(), status, clock);
    TeamStats stats = new TeamStats(store.triageRecords(),
        () -> poller.latest().map(PageRead::incidents).orElse(List.of()), chatPorts::workspace, clock);
    return new Core(settings, clock, store, poller, status, engine,
        new Commands(engine, status, subscriptions, clock, stats),
        chatPorts, registry, metrics, background, warnings, hitEdits);
  }

  /** Returns the label values this bot's counters start at zero with: its playbooks, their branches, its platforms. */
  private static KnownLabels knownLabels(Settings settings, Map<String, Playbook> playbooks) {
    Set<String> branches = playbooks.values().stream().flatMap(p -> p.stepList().stream())
        .filter(Step.Advice.class::isInstance).map(step -> ((Step.Advice) step).branch()).collect(Collectors.toSet());
    Set<String> outcomes = Stream.concat(Stream.of(TriageOutcome.values()).map(Enum::name), Stream.of("none"))
        .collect(Collectors.toSet());
    Set<String> platforms = new HashSet<>();
    settings.slack().ifPresent(s -> platforms.add(SlackAdapter.PLATFORM));
    settings.discord().ifPresent(d -> platforms.add(DiscordAdapter.PLATFORM));
    return new KnownLabels(playbooks.keySet(), branches, outcomes, platforms);
  }

  /**
   * Starts the status poller on a thread of its own, its first read at once: from then on the
   * cache, the early warning and the incident watcher (when one follows it) get every read; and the
   * gauge of people hit per open incident, read every minute.
   */
  void startStatusPolling() {
    poller.follow(earlyWarnings);
    poller.start();
    hitEdits.start();
  }

  /**
   * Makes the incident watcher, following the status poller and posting through the chat ports
   * added so far and any added later, purging what is older than the retention; closing it gives
   * up its lease. Made before {@link #startStatusPolling()}, it has the poller's first round.
   */
  IncidentWatcher newIncidentWatcher() {
    return new IncidentWatcher(poller, store, outbox, engine, clock, IncidentWatcher.replicaName(),
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
