package dev.claude500.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on loopback in front of a server (a database, a fake API), that a test can cut and
 * restore: {@link #cut()} drops every open connection and stops listening, so clients see their
 * connections reset and new ones refused, as when the server restarts or the network fails;
 * {@link #restore()} listens again on the same port. Bytes pass through unchanged. Thread-safe.
 */
public final class TcpProxy implements AutoCloseable {
  /** Ports from here on, below Linux's default range for outgoing connections (32768 and up). */
  private static final int LOW_PORTS = 20_000;
  private static final int LOW_PORT_COUNT = 12_000;
  private static final java.util.Random RANDOM = new java.util.Random();

  private final InetSocketAddress target;
  private final int port;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger accepted = new AtomicInteger();
  private ServerSocket listening;

  private TcpProxy(InetSocketAddress target, ServerSocket first) {
    this.target = target;
    this.port = first.getLocalPort();
    serve(first);
  }

  /**
   * Starts a proxy on a free loopback port in front of {@code host:port}. The port is picked below
   * the range the system hands out to outgoing connections, so that no client connection takes it
   * while the proxy is cut.
   */
  public static TcpProxy to(String host, int port) {
    IOException last = null;
    for (int attempt = 0; attempt < 50; attempt++) {
      try {
        return new TcpProxy(new InetSocketAddress(host, port), bind(LOW_PORTS + RANDOM.nextInt(LOW_PORT_COUNT)));
      } catch (IOException e) {
        last = e;
      }
    }
    throw new UncheckedIOException("no free port for a proxy", last);
  }

  /** Returns the port clients connect to; it stays the same across {@link #cut()} and {@link #restore()}. */
  public int port() {
    return port;
  }

  /** Returns how many connections the proxy accepted so far. */
  public int accepted() {
    return accepted.get();
  }

  /** Returns true while the proxy listens. */
  public synchronized boolean isUp() {
    return listening != null;
  }

  /** Drops every open connection and stops listening: connections are reset, new ones refused. */
  public synchronized void cut() {
    if (listening != null) {
      closeQuietly(listening);
      listening = null;
    }
    for (Socket s : open) {
      try {
        s.setSoLinger(true, 0); // a reset, not a polite close
      } catch (SocketException e) {
        // already gone
      }
      closeQuietly(s);
    }
    open.clear();
  }

  /**
   * Listens again on the same port (trying for up to 2 s while the system still holds it); does
   * nothing when already listening.
   */
  public synchronized void restore() {
    if (listening != null) {
      return;
    }
    long deadline = System.nanoTime() + 2_000_000_000L;
    while (true) {
      try {
        serve(bind(port));
        return;
      } catch (IOException e) {
        if (System.nanoTime() > deadline) {
          throw new UncheckedIOException("cannot listen on port " + port + " again", e);
        }
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while restoring", e);
      }
    }
  }

  /** Cuts and stops for good. */
  @Override
  public void close() {
    cut();
  }

  private static ServerSocket bind(int port) throws IOException {
    ServerSocket s = new ServerSocket();
    s.setReuseAddress(true);
    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    return s;
  }

  private synchronized void serve(ServerSocket server) {
    listening = server;
    Thread t = new Thread(() -> acceptAll(server), "tcp-proxy-" + port);
    t.setDaemon(true);
    t.start();
  }

  private void acceptAll(ServerSocket server) {
    while (!server.isClosed()) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return; // cut
      }
      accepted.incrementAndGet();
      Socket upstream = new Socket();
      try {
        upstream.connect(target, 2_000);
      } catch (IOException e) {
        closeQuietly(client);
        closeQuietly(upstream);
        continue;
      }
      synchronized (this) {
        if (listening != server) {
          closeQuietly(client);
          closeQuietly(upstream);
          return;
        }
        open.add(client);
        open.add(upstream);
      }
      pump(client, upstream);
      pump(upstream, client);
    }
  }

  private void pump(Socket from, Socket to) {
    Thread t = new Thread(() -> {
      byte[] buffer = new byte[16 * 1024];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        for (int n; (n = in.read(buffer)) >= 0; ) {
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // one side went away: close both below
      } finally {
        open.remove(from);
        open.remove(to);
        closeQuietly(from);
        closeQuietly(to);
      }
    }, "tcp-proxy-" + port + "-pump");
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      Objects.requireNonNull(c).close();
    } catch (Exception e) {
      // closing is best effort
    }
  }
}
