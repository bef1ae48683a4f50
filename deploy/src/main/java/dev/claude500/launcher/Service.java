package dev.claude500.launcher;

import dev.claude500.adapters.AdapterServices;
import dev.claude500.incidents.IncidentWatcher;
import dev.claude500.outbox.IdleSummaries;
import dev.claude500.store.PokeRelay;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Service mode: the HTTP endpoints, every configured chat platform, and the background work
 * (the status poller feeding the status cache and the incident watcher posting to subscribed
 * channels, idle triages closed with a summary through the outbox), until the process is asked to
 * stop. Messages an earlier run left in the outbox are sent once the platforms are up.
 *
 * <p>Stopping (SIGTERM, SIGINT) is graceful: the HTTP server stops listening and the platforms stop
 * taking requests; the incident watcher ends its round at the next channel (the post under way is
 * made and recorded) and gives its lease up, so a standby replica takes over at once; then work
 * already taken gets a few seconds to post its replies, and the platforms disconnect. Bounded at
 * about 25 s in all, inside the usual 30 s a supervisor waits before SIGKILL.
 */
final class Service {
  private static final Logger LOG = LoggerFactory.getLogger(Service.class);
  /** How long after start the start-up's garbage is collected and its memory returned. */
  private static final Duration SETTLE = Duration.ofSeconds(5);

  private final Core core;
  private final HttpEndpoints http;
  private final List<Platform> platforms;
  private final MetricsEndpoint metrics;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicBoolean stopping = new AtomicBoolean();
  private volatile IncidentWatcher watcher;
  /** Passes the webhook's pokes to the other replicas of a PostgreSQL store, when the webhook is on. */
  private volatile Optional<PokeRelay> relay = Optional.empty();

  private Service(Core core, HttpEndpoints http, List<Platform> platforms) {
    this.core = core;
    this.http = http;
    this.platforms = List.copyOf(platforms);
    this.metrics = new MetricsEndpoint(core.registry);
  }

  /** Starts everything, blocks until SIGTERM or SIGINT, stops everything; returns the exit status. */
  static int run(Core core, PrintStream err) {
    Service service;
    try {
      service = start(core);
    } catch (Exception e) {
      err.println("claude500: cannot start: " + e.getMessage());
      LOG.error("start-up failed", e);
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      service.stop();
      core.close();
    }, "claude500-shutdown"));
    service.await();
    return 0;
  }

  /** Starts the endpoints and platforms configured in the core's settings. */
  static Service start(Core core) throws Exception {
    HttpEndpoints http = HttpEndpoints.bind(core.settings.httpPort(), HttpLimits.DEFAULT, core.clock, core.metrics);
    AdapterServices services = new AdapterServices(core.engine, core.commands, core.status, core.store, core.clock,
        core.metrics, core.outbox, core.hitButton);
    List<Platform> platforms = new ArrayList<>(configured(core, services, http));
    Service service = new Service(core, http, platforms);
    // a scrape takes milliseconds of work: not on the IO thread, nor in Slack's lane, and readiness beside it
    Lane ops = Lane.pool("ops", 2, 32);
    http.route("/readyz", ops, 0, (head, body) -> {
      String problems = service.notReady();
      return Route.Reply.text(problems.isEmpty() ? 200 : 503, problems.isEmpty() ? "ready\n" : problems);
    });
    http.route("/metrics", ops, 0, service.metrics);
    service.routeStatusWebhook();
    try {
      for (Platform p : platforms) {
        p.start();
        LOG.info("{} started", p.name());
      }
      http.start();
    } catch (Exception e) {
      service.stop();
      throw e;
    }
    // the watcher first: its posts left queued wait in the outbox until it holds the lease
    service.startIncidentWatcher();
    core.outbox.resume(); // what an earlier run left queued, now that the platforms' ports are registered
    core.scheduler.scheduleWithFixedDelay(new IdleSummaries(core.engine, core.outbox, IdleSummaries.NOBODY_AFTER),
        1, 1, TimeUnit.MINUTES);
    core.startStatusPolling();
    // Start-up (migrations, Bolt, the JSON readers, the first status fetch) leaves tens of MB of
    // garbage in a heap grown to hold it; one full collection once the first rounds are done hands
    // that memory back to the system (G1 uncommits on a full collection), so an idle bot stays small.
    core.scheduler.schedule(System::gc, SETTLE.toMillis(), TimeUnit.MILLISECONDS);
    LOG.info("claude500 running: {} on HTTP port {}",
        platforms.stream().map(Platform::name).collect(Collectors.joining(", ")), http.port());
    return service;
  }

  /**
   * Routes the status-page webhook when {@code CLAUDE500_WEBHOOK_TOKEN} is set, with a relay that
   * passes its pokes to the other replicas on a PostgreSQL store (the one holding the watcher's lease
   * may be another); says once that it is off when not.
   */
  private void routeStatusWebhook() {
    Settings s = core.settings;
    if (s.webhookToken().isEmpty()) {
      LOG.info("Status-page webhook off (CLAUDE500_WEBHOOK_TOKEN is not set): the page is read every {} s",
          s.pollInterval().toSeconds());
      return;
    }
    relay = PokeRelay.start(s.dbUrl(), s.dbUser().orElse(null), s.dbPassword().orElse(null),
        IncidentWatcher.replicaName(), () -> {
          core.poller.poke();
          core.metrics.webhookPoke("relayed");
        });
    http.route(StatusWebhook.PATH + "*", Lane.pool("webhook", 1, 64), StatusWebhook.MAX_BODY,
        new StatusWebhook(s.webhookToken().get(), core.poller, core.metrics, () -> relay.ifPresent(PokeRelay::tell)));
    LOG.info("Status-page webhook on: a call to POST {}<token> reads the page at once{}", StatusWebhook.PATH,
        relay.isPresent() ? ", here and on the other replicas of the store" : "");
  }

  /** Returns the platforms the settings configure, each wired to the core by its adapter. */
  private static List<Platform> configured(Core core, AdapterServices services, HttpEndpoints http) {
    List<Platform> platforms = new ArrayList<>();
    core.settings.slack().ifPresent(slack ->
        platforms.add(SlackPlatform.create(slack, services, http, SlackPlatform.requestLane())));
    core.settings.discord().ifPresent(d -> platforms.add(new DiscordPlatform(d, services, System.out)));
    return platforms;
  }

  /** Posts status-page incidents to subscribed channels through the running platforms' chat ports. */
  private void startIncidentWatcher() {
    platforms.stream().map(Platform::chatPort).forEach(core.chatPorts::add);
    watcher = core.newIncidentWatcher();
  }

  /** Returns true while this replica's incident watcher holds the lease (it posts). */
  boolean holdsWatcherLease() {
    IncidentWatcher w = watcher;
    return w != null && w.holdsLease();
  }

  /** Returns the relay of the webhook's pokes among replicas, when there is one. */
  Optional<PokeRelay> pokeRelay() {
    return relay;
  }

  /** Returns the HTTP port actually bound. */
  int httpPort() {
    return http.port();
  }

  /** Returns the running platforms. */
  List<Platform> platforms() {
    return platforms;
  }

  /**
   * Returns why the bot cannot take work now, one reason a line, or empty when it can: stopping, a
   * store that cannot write ({@code store unreachable}, {@code store read-only}, {@code store disk
   * full}, {@code store cannot write}), a platform not connected.
   */
  String notReady() {
    StringBuilder sb = new StringBuilder();
    if (stopping.get()) {
      sb.append("stopping\n");
    }
    // what the store's latest writes found: a probe costs no database call
    core.store.writeFault().ifPresent(fault -> sb.append(fault.reason()).append('\n'));
    for (Platform p : platforms) {
      if (!p.isReady()) {
        sb.append(p.name()).append(" not connected\n");
      }
    }
    return sb.toString();
  }

  void await() {
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Stops gracefully: no new work, the watcher's round ended at a channel boundary and its lease
   * given up, taken work finished, platforms and endpoints closed. Safe to call twice; the second
   * call returns at once.
   */
  void stop() {
    if (!stopping.compareAndSet(false, true)) {
      return;
    }
    LOG.info("claude500 stopping: taking no new work, finishing what is under way");
    http.close();
    platforms.forEach(Platform::stopTaking);
    IncidentWatcher w = watcher;
    if (w != null) {
      w.close();
    }
    platforms.forEach(Platform::close);
    relay.ifPresent(PokeRelay::close);
    metrics.close();
    stopped.countDown();
    LOG.info("claude500 stopped");
  }
}
