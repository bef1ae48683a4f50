package dev.claude500.launcher;

import dev.claude500.metrics.BotMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one handler of the HTTP server: finds the route of a request whose head has arrived (its
 * path's, or else the {@code /*} route of the folder it is in), refuses at once what the head alone
 * decides (an unknown path 404; whatever the route's {@link Route#screen} says; then a declared body
 * larger than the route takes 413), reads the body without holding a
 * thread (counting bytes as they are read, chunked or not: 413 past the route's limit; 408 and the
 * connection closed when it has not all come within the body deadline), and hands the answer's
 * work to the route's {@link Lane} (503 when its queue is full). Never blocks. Thread-safe.
 */
final class FrontDoor extends Handler.Abstract.NonBlocking {
  private static final Logger LOG = LoggerFactory.getLogger(FrontDoor.class);
  private static final byte[] NONE = new byte[0];
  /** The answer to a path nobody serves. */
  static final Route.Reply NOT_FOUND = Route.Reply.text(404, "not found\n");

  /** A route and what it is given: its lane and the largest body it takes. */
  private record Mount(Route route, Lane lane, int maxBody) {}

  private final Map<String, Mount> mounts = new ConcurrentHashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final SlowConnections connections;
  private final Scheduler scheduler;
  private final Duration bodyDeadline;
  private final Clock clock;
  private final BotMetrics metrics;

  FrontDoor(SlowConnections connections, Scheduler scheduler, HttpLimits limits, Clock clock, BotMetrics metrics) {
    this.connections = Objects.requireNonNull(connections, "connections");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.bodyDeadline = limits.body();
    this.clock = Objects.requireNonNull(clock, "clock");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  /** Serves {@code route} at {@code path} on {@code lane}, with bodies of at most {@code maxBody} bytes. */
  void mount(String path, Lane lane, int maxBody, Route route) {
    if (maxBody < 0) {
      throw new IllegalArgumentException("maxBody must not be negative: " + maxBody);
    }
    if (mounts.putIfAbsent(path, new Mount(route, lane, maxBody)) != null) {
      throw new IllegalArgumentException("a route is already at " + path);
    }
  }

  /** Waits until no request is being answered, or {@code atMost} has passed. */
  void awaitIdle(Duration atMost) {
    long deadline = System.nanoTime() + atMost.toNanos();
    synchronized (inFlight) {
      while (inFlight.get() > 0 && System.nanoTime() < deadline) {
        try {
          inFlight.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    Connection connection = request.getConnectionMetaData().getConnection();
    connections.answering(connection);
    inFlight.incrementAndGet();
    Request.addCompletionListener(request, failure -> {
      connections.answered(connection);
      if (inFlight.decrementAndGet() == 0) {
        synchronized (inFlight) {
          inFlight.notifyAll();
        }
      }
    });
    // an answer given without reading the body the request carries ends the connection, and says
    // so: a client must not send its next request on a connection the server is closing
    Mount m = mountOf(Request.getPathInContext(request));
    if (m == null) {
      write(response, callback, NOT_FOUND, hasBody(request));
      return true;
    }
    Route.Head head = head(request);
    Optional<Route.Reply> early = m.route().screen(head);
    if (early.isPresent()) {
      write(response, callback, early.get(), hasBody(request));
    } else if (request.getLength() > m.maxBody()) {
      metrics.httpRefused("too_large");
      write(response, callback, Route.Reply.text(413, "body too large\n"), true);
    } else if (m.maxBody() == 0 || !hasBody(request)) {
      work(m, head, NONE, response, callback);
    } else {
      readBody(m, head, request, response, callback);
    }
    return true;
  }

  /** Returns the route mounted at {@code path}, else the one mounted at its folder's {@code /*}, else null. */
  private Mount mountOf(String path) {
    Mount m = mounts.get(path);
    int slash = path.lastIndexOf('/');
    return m != null || slash < 0 ? m : mounts.get(path.substring(0, slash + 1) + "*");
  }

  private void readBody(Mount m, Route.Head head, Request request, Response response, Callback callback) {
    AtomicBoolean settled = new AtomicBoolean();
    Scheduler.Task deadline = scheduler.schedule(() -> {
      if (settled.compareAndSet(false, true)) {
        connections.cut("body", request.getConnectionMetaData().getRemoteSocketAddress());
        request.fail(new TimeoutException("body not received within " + bodyDeadline));
        write(response, callback, Route.Reply.text(408, "body not received in time\n"), true);
      }
    }, bodyDeadline);
    BodyReader.read(request, m.maxBody(), new BodyReader.Outcome() {
      @Override
      public void read(byte[] body) {
        if (settle()) {
          work(m, head, body, response, callback);
        }
      }

      @Override
      public void tooLarge() {
        if (settle()) {
          metrics.httpRefused("too_large");
          write(response, callback, Route.Reply.text(413, "body too large\n"), true);
        }
      }

      @Override
      public void failed(Throwable failure) {
        if (settle()) {
          callback.failed(failure);
        }
      }

      private boolean settle() {
        deadline.cancel();
        return settled.compareAndSet(false, true);
      }
    });
  }

  private void work(Mount m, Route.Head head, byte[] body, Response response, Callback callback) {
    boolean taken = m.lane().offer(() -> write(response, callback, answer(m.route(), head, body), false));
    if (!taken) {
      metrics.httpRefused("busy");
      write(response, callback, Route.Reply.text(503, "busy\n"), false);
    }
  }

  private static Route.Reply answer(Route route, Route.Head head, byte[] body) {
    try {
      return route.answer(head, body);
    } catch (RuntimeException e) {
      LOG.error("answering {} {} failed", head.method(), head.path(), e);
      return Route.Reply.text(500, "error\n");
    }
  }

  private Route.Head head(Request request) {
    Map<String, List<String>> headers = new java.util.HashMap<>();
    for (HttpField f : request.getHeaders()) {
      headers.computeIfAbsent(f.getName(), k -> new ArrayList<>()).add(f.getValue());
    }
    long waited = Math.max(0, System.nanoTime() - request.getBeginNanoTime());
    return new Route.Head(request.getMethod(), Request.getPathInContext(request), headers,
        Request.getRemoteAddr(request), clock.instant().minusNanos(waited));
  }

  private static boolean hasBody(Request request) {
    return request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
  }

  /** Writes {@code reply}; with {@code close}, the connection is closed after it. */
  private static void write(Response response, Callback callback, Route.Reply reply, boolean close) {
    response.setStatus(reply.status());
    HttpFields.Mutable headers = response.getHeaders();
    reply.headers().forEach((name, values) -> values.forEach(v -> headers.add(name, v)));
    if (close) {
      headers.put(HttpHeader.CONNECTION, "close");
    }
    if (reply.contentType() != null) {
      headers.put(HttpHeader.CONTENT_TYPE, reply.contentType());
    }
    Content.Sink.write(response, true, reply.body(), callback);
  }
}
