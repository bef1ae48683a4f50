package dev.claude500.launcher;

import dev.claude500.metrics.BotMetrics;
import dev.claude500.metrics.OncePer;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.io.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches every open connection of the HTTP server for a request whose line and headers are late,
 * and cuts it: a new connection must have sent a request's whole head within the header deadline
 * of opening; a kept-alive one, within the deadline of the first byte of its next request (until
 * that byte, the server's idle timeout applies). A connection whose request is being answered is
 * left alone (the body has a deadline of its own). Every cut, for headers here or for a body
 * elsewhere, is counted in {@link BotMetrics#HTTP_CUT} and logged once a minute at most, so a flood
 * of slow clients makes one line, not one a connection.
 *
 * <p>Added to the server's connector, it hears every connection open and close; {@link #sweep()}
 * runs a few times a second. Thread-safe.
 */
final class SlowConnections implements Connection.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(SlowConnections.class);

  private final long deadlineNanos;
  private final Duration headers;
  private final Duration body;
  private final BotMetrics metrics;
  private final OncePer logged = new OncePer(Duration.ofMinutes(1), System::nanoTime);
  private final Map<Connection, Watch> open = new ConcurrentHashMap<>();

  SlowConnections(HttpLimits limits, BotMetrics metrics) {
    this.headers = limits.headers();
    this.body = limits.body();
    this.deadlineNanos = limits.headers().toNanos();
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  @Override
  public void onOpened(Connection connection) {
    open.put(connection, new Watch(System.nanoTime()));
  }

  @Override
  public void onClosed(Connection connection) {
    open.remove(connection);
  }

  /** Notes that a request's head has arrived on {@code connection}: it is being answered. */
  void answering(Connection connection) {
    Watch w = open.get(connection);
    if (w != null) {
      w.answering();
    }
  }

  /** Notes that the answer on {@code connection} is done: the next request's clock starts at its first byte. */
  void answered(Connection connection) {
    Watch w = open.get(connection);
    if (w != null) {
      w.answered(connection.getBytesIn());
    }
  }

  /** Cuts every connection whose request's head is overdue. */
  void sweep() {
    long now = System.nanoTime();
    open.forEach((connection, watch) -> {
      if (watch.overdue(now, connection.getBytesIn(), deadlineNanos)) {
        open.remove(connection);
        cut("headers", connection.getEndPoint().getRemoteSocketAddress());
        connection.getEndPoint().close();
      }
    });
  }

  /**
   * Counts and (once a minute at most) logs a connection cut for being too slow.
   *
   * @param reason {@code headers} or {@code body}
   * @param from the client's address
   */
  void cut(String reason, SocketAddress from) {
    metrics.httpCut(reason);
    long n = logged.event();
    if (n > 0) {
      LOG.warn("HTTP: cut the connection from {}: too slow, its request's {} took longer than {} ({} cut so far;"
          + " this line comes once a minute at most, claude500_http_connections_cut_total counts them all)",
          host(from), reason, words("body".equals(reason) ? body : headers), n);
    }
  }

  private static String words(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  private static String host(SocketAddress a) {
    return a instanceof InetSocketAddress i && i.getAddress() != null ? i.getAddress().getHostAddress() : String.valueOf(a);
  }

  /** One connection's state: answering a request, or waiting for a request's head since a moment. */
  private static final class Watch {
    private boolean answering;
    /** When the head now awaited began (the opening, or its first byte), or -1 before that byte. */
    private long waitingSince;
    /** Bytes read on the connection when its last answer was done. */
    private long bytesAtRest;

    Watch(long openedNanos) {
      this.waitingSince = openedNanos;
    }

    synchronized void answering() {
      answering = true;
    }

    synchronized void answered(long bytesIn) {
      answering = false;
      waitingSince = -1;
      bytesAtRest = bytesIn;
    }

    synchronized boolean overdue(long now, long bytesIn, long deadline) {
      if (answering) {
        return false;
      }
      if (waitingSince < 0) {
        if (bytesIn > bytesAtRest) {
          waitingSince = now;
        }
        return false;
      }
      return now - waitingSince > deadline;
    }
  }
}
