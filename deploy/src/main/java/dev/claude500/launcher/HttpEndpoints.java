package dev.claude500.launcher;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bot's HTTP server (the JDK's): {@code GET /healthz} always, and whatever the platforms add
 * ({@code POST /slack/events}). Handlers run on a bounded pool with a bounded queue, so a flood
 * of requests is refused rather than queued without end. Its sockets send at once ({@code
 * TCP_NODELAY}): the JDK's server writes an answer's headers and its body separately, and with
 * Nagle's algorithm the body waited for the client's delayed acknowledgement, about 40 ms on Linux,
 * on every answer that has one.
 */
final class HttpEndpoints implements AutoCloseable {
  private static final int THREADS = 16;
  /** Room for a burst of 500 slash commands at once (each answered in about a millisecond) and then some. */
  private static final int QUEUE = 1024;
  /** Connections waiting to be accepted; beyond it a client's SYN is dropped and retried a second later. */
  private static final int BACKLOG = 1024;
  /** Read once, when the JDK's server is first used in the process. */
  private static final String NO_DELAY = "sun.net.httpserver.nodelay";

  private final HttpServer server;
  private final ThreadPoolExecutor pool;

  private HttpEndpoints(HttpServer server, ThreadPoolExecutor pool) {
    this.server = server;
    this.pool = pool;
  }

  /** Binds the port (0 picks a free one) and serves {@code /healthz}; call {@link #start()} after adding routes. */
  static HttpEndpoints bind(int port) throws IOException {
    if (System.getProperty(NO_DELAY) == null) {
      System.setProperty(NO_DELAY, "true");
    }
    HttpServer server = HttpServer.create(new InetSocketAddress(port), BACKLOG);
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(QUEUE), r -> {
          Thread t = new Thread(r, "claude500-http-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    server.setExecutor(pool);
    HttpEndpoints endpoints = new HttpEndpoints(server, pool);
    endpoints.route("/healthz", exchange -> text(exchange, 200, "ok\n"));
    return endpoints;
  }

  /** Adds a handler for a path. */
  void route(String path, HttpHandler handler) {
    server.createContext(path, handler);
  }

  /** Starts serving. */
  void start() {
    server.start();
  }

  /** Returns the bound port. */
  int port() {
    return server.getAddress().getPort();
  }

  /** Writes a short text answer. */
  static void text(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(1);
    pool.shutdownNow();
  }
}
