package dev.claude500.launcher;

import dev.claude500.metrics.BotMetrics;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.LoggerFactory;

/**
 * The bot's HTTP server: {@code GET /healthz} always, and whatever else is routed to it ({@code
 * /readyz}, {@code /metrics}, {@code POST /slack/events}). Jetty underneath, for its non-blocking IO:
 * a connection that is slow to send its request costs a little memory and no thread, so a thousand
 * slow clients do not hold up anyone else.
 *
 * <p>Every request has deadlines ({@link HttpLimits}): its head within 10 s (or its connection is
 * cut, see {@link SlowConnections}), its body within 10 s more (or 408 and the connection closed).
 * Bodies are bounded per route and the bound is checked before reading: a declared length over it
 * gets 413 at once, and a chunked body is counted as it is read. Each route answers on its own
 * {@link Lane}, so one class of requests cannot starve another; {@code /healthz} answers on the IO
 * thread, from nothing that can block. At most {@link HttpLimits#connections()} connections are open
 * at once; beyond, new ones wait in a backlog of 1024. Sockets send at once ({@code TCP_NODELAY}).
 */
final class HttpEndpoints implements AutoCloseable {
  /** Connections waiting to be accepted; beyond it a client's SYN is dropped and retried a second later. */
  private static final int BACKLOG = 1024;
  /** How often connections are looked at for late request heads. */
  private static final Duration SWEEP = Duration.ofMillis(250);
  /** Jetty's own threads: IO and the hand-off to lanes, never work that blocks. */
  private static final int IO_THREADS = 8;
  private static final int HEADER_BYTES = 8192;
  /** How long closing waits for the answers under way. */
  private static final Duration FINISH = Duration.ofSeconds(1);

  private final Server server;
  private final ServerConnector connector;
  private final Scheduler scheduler;
  private final SlowConnections connections;
  private final FrontDoor door;
  private final List<Lane> lanes = new ArrayList<>();
  private volatile boolean running;

  private HttpEndpoints(Server server, ServerConnector connector, Scheduler scheduler, SlowConnections connections,
      FrontDoor door) {
    this.server = server;
    this.connector = connector;
    this.scheduler = scheduler;
    this.connections = connections;
    this.door = door;
  }

  /**
   * Binds the port (0 picks a free one) and serves {@code /healthz}; {@link #start()} after adding routes.
   *
   * @param limits the front door's limits, e.g. {@link HttpLimits#DEFAULT}
   * @param clock what the time requests arrive is read from
   * @param metrics where cut connections and refused requests are counted
   */
  static HttpEndpoints bind(int port, HttpLimits limits, Clock clock, BotMetrics metrics) throws IOException {
    QueuedThreadPool threads = new QueuedThreadPool(IO_THREADS, 2);
    threads.setName("claude500-http");
    threads.setDaemon(true);
    ScheduledExecutorScheduler scheduler = new ScheduledExecutorScheduler("claude500-http-timer", true);
    Server server = new Server(threads, scheduler, null);
    server.setStopTimeout(0); // no graceful phase of Jetty's: it would wait for idle kept-alive connections too

    HttpConfiguration config = new HttpConfiguration();
    config.setSendServerVersion(false);
    config.setSendXPoweredBy(false);
    config.setRequestHeaderSize(HEADER_BYTES);
    ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(config));
    connector.setPort(port);
    connector.setAcceptQueueSize(BACKLOG);
    connector.setAcceptedTcpNoDelay(true);
    connector.setIdleTimeout(limits.idle().toMillis());
    SlowConnections connections = new SlowConnections(limits, metrics);
    connector.addBean(connections);
    server.addConnector(connector);
    server.addBean(new NetworkConnectionLimit(limits.connections(), connector));

    FrontDoor door = new FrontDoor(connections, scheduler, limits, clock, metrics);
    server.setHandler(door);
    connector.open();
    HttpEndpoints endpoints = new HttpEndpoints(server, connector, scheduler, connections, door);
    endpoints.route("/healthz", Lane.INLINE, 0, (head, body) -> Route.Reply.text(200, "ok\n"));
    return endpoints;
  }

  /**
   * Serves {@code route} at {@code path} (a path ending {@code /*}: every path directly in that
   * folder that has no route of its own): its answers worked out on {@code lane}, bodies of at most
   * {@code maxBody} bytes (0: none is read). The lane is closed with the server.
   */
  void route(String path, Lane lane, int maxBody, Route route) {
    door.mount(Objects.requireNonNull(path, "path"), Objects.requireNonNull(lane, "lane"), maxBody,
        Objects.requireNonNull(route, "route"));
    synchronized (lanes) {
      if (lane != Lane.INLINE && !lanes.contains(lane)) {
        lanes.add(lane);
      }
    }
  }

  /** Starts serving. */
  void start() throws Exception {
    server.start();
    running = true;
    sweepLater();
  }

  private void sweepLater() {
    scheduler.schedule(() -> {
      if (running) {
        connections.sweep();
        sweepLater();
      }
    }, SWEEP);
  }

  /** Returns the bound port. */
  int port() {
    return connector.getLocalPort();
  }

  /**
   * Stops listening, gives the requests under way up to a second to be answered, then closes every
   * connection and the lanes' threads.
   */
  @Override
  public void close() {
    running = false;
    connector.close(); // the port first: no new connections while answers under way are finished
    door.awaitIdle(FINISH);
    try {
      server.stop();
    } catch (Exception e) {
      LoggerFactory.getLogger(HttpEndpoints.class).warn("stopping the HTTP server: {}", e.toString());
    }
    synchronized (lanes) {
      lanes.forEach(Lane::close);
    }
  }
}
