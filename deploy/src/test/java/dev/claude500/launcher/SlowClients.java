package dev.claude500.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Connections that hold an HTTP port as a slow attacker does: each sends the start of a request's
 * headers and then one more byte every so often without ever ending them, or connects and sends
 * nothing at all. A thread of its own sends the bytes and notices each connection the server
 * closes (an end of stream, a reset, a write that fails). {@link #close()} closes every socket.
 * Thread-safe.
 */
final class SlowClients implements AutoCloseable {
  /** What a trickling connection sends first: a request line and the start of a header, never ended. */
  static final String HEAD = "POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nX-Slow: ";

  private static final Duration LOOK_EVERY = Duration.ofMillis(100);

  private final List<Conn> conns;
  private final Duration every;
  private final AtomicInteger closed = new AtomicInteger();
  private final Thread driver;
  private volatile boolean running = true;

  private SlowClients(List<Conn> conns, Duration every) {
    this.conns = conns;
    this.every = every;
    this.driver = new Thread(this::drive, "slow-clients");
    driver.setDaemon(true);
  }

  /**
   * Opens {@code trickling} connections that send {@link #HEAD} and then a byte every {@code every},
   * and {@code silent} that send nothing, to {@code 127.0.0.1:port}.
   */
  static SlowClients open(int port, int trickling, int silent, Duration every) {
    List<Conn> conns = new ArrayList<>();
    SlowClients clients = new SlowClients(conns, every);
    try {
      for (int i = 0; i < trickling + silent; i++) {
        SocketChannel ch = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
        ch.configureBlocking(false);
        boolean trickles = i < trickling;
        Conn c = new Conn(ch, trickles);
        conns.add(c);
        if (trickles) {
          c.send(HEAD.getBytes(StandardCharsets.US_ASCII));
        }
      }
    } catch (IOException e) {
      clients.close();
      throw new UncheckedIOException("opened only " + conns.size() + " slow connections", e);
    }
    clients.driver.start();
    return clients;
  }

  /** Returns how many connections were opened. */
  int size() {
    return conns.size();
  }

  /** Returns how many of them the server has closed so far. */
  int closedByServer() {
    return closed.get();
  }

  /** Returns the first bytes the server sent on any connection before closing it, if it sent any. */
  String firstAnswer() {
    synchronized (conns) {
      return conns.stream().map(c -> c.answer.toString()).filter(s -> !s.isEmpty()).findFirst().orElse("");
    }
  }

  private void drive() {
    long nextTrickle = System.nanoTime() + every.toNanos();
    ByteBuffer buf = ByteBuffer.allocate(4096);
    while (running) {
      boolean trickle = System.nanoTime() >= nextTrickle;
      if (trickle) {
        nextTrickle += every.toNanos();
      }
      synchronized (conns) {
        for (Conn c : conns) {
          if (c.closed) {
            continue;
          }
          if (!c.poll(buf) || (trickle && c.trickles && !c.send(new byte[] {'a'}))) {
            c.closed = true;
            closed.incrementAndGet();
          }
        }
      }
      try {
        Thread.sleep(LOOK_EVERY.toMillis());
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  @Override
  public void close() {
    running = false;
    driver.interrupt();
    try {
      driver.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (conns) {
      for (Conn c : conns) {
        try {
          c.channel.close();
        } catch (IOException ignored) {
          // closing anyway
        }
      }
    }
  }

  /** One connection: its socket, whether it trickles, whether the server closed it, what the server said. */
  private static final class Conn {
    final SocketChannel channel;
    final boolean trickles;
    final StringBuilder answer = new StringBuilder();
    boolean closed;

    Conn(SocketChannel channel, boolean trickles) {
      this.channel = channel;
      this.trickles = trickles;
    }

    /** Reads what the server sent; returns false once the server has closed the connection. */
    boolean poll(ByteBuffer buf) {
      try {
        while (true) {
          buf.clear();
          int n = channel.read(buf);
          if (n < 0) {
            return false;
          }
          if (n == 0) {
            return true;
          }
          if (answer.length() < 200) {
            answer.append(new String(buf.array(), 0, Math.min(n, 200), StandardCharsets.ISO_8859_1));
          }
        }
      } catch (IOException reset) {
        return false;
      }
    }

    /** Sends bytes; returns false when the connection is gone. */
    boolean send(byte[] bytes) {
      try {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        channel.write(b);
        return true;
      } catch (IOException gone) {
        return false;
      }
    }
  }
}
