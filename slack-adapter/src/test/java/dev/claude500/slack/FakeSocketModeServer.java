package dev.claude500.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * Slack's Socket Mode end on loopback: says {@code hello} to each connection, sends envelopes the
 * test writes, records what the client sends back (the acks), and can drop the connection.
 */
final class FakeSocketModeServer extends WebSocketServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CountDownLatch started = new CountDownLatch(1);
  private final List<JsonNode> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger opened = new AtomicInteger();
  private volatile WebSocket current;

  private FakeSocketModeServer() {
    super(new InetSocketAddress("127.0.0.1", 0));
    setReuseAddr(true);
    setDaemon(true);
  }

  static FakeSocketModeServer begin() throws InterruptedException {
    FakeSocketModeServer s = new FakeSocketModeServer();
    s.start();
    if (!s.started.await(5, TimeUnit.SECONDS)) {
      throw new AssertionError("websocket server did not start");
    }
    return s;
  }

  String url() {
    return "ws://127.0.0.1:" + getPort() + "/link/?ticket=fake";
  }

  int connectionsOpened() {
    return opened.get();
  }

  boolean connected() {
    WebSocket c = current;
    return c != null && c.isOpen();
  }

  /** Sends an envelope to the open connection. */
  void send(String envelope) {
    WebSocket c = current;
    if (c == null || !c.isOpen()) {
      throw new AssertionError("no open Socket Mode connection");
    }
    c.send(envelope);
  }

  /** Cuts the open connection without a close handshake. */
  void drop() {
    WebSocket c = current;
    if (c != null) {
      c.closeConnection(1006, "dropped by the test");
    }
  }

  /** Waits for the client's ack of an envelope. */
  JsonNode awaitAck(String envelopeId, Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      Optional<JsonNode> ack = received.stream().filter(n -> n.path("envelope_id").asText().equals(envelopeId)).findFirst();
      if (ack.isPresent()) {
        return ack.get();
      }
      SlackHarness.quiet(Duration.ofMillis(10));
    }
    throw new AssertionError("no ack for " + envelopeId + " within " + timeout + "; received " + received);
  }

  /** Waits until {@code count} connections have been opened in all. */
  void awaitConnections(int count, Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    while (opened.get() < count || !connected()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("expected " + count + " connections within " + timeout + ", saw " + opened.get());
      }
      SlackHarness.quiet(Duration.ofMillis(20));
    }
  }

  @Override
  public void onOpen(WebSocket conn, ClientHandshake handshake) {
    current = conn;
    opened.incrementAndGet();
    conn.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"fake\",\"approximate_connection_time\":18060},"
        + "\"connection_info\":{\"app_id\":\"A0APP\"}}");
  }

  @Override
  public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

  @Override
  public void onMessage(WebSocket conn, String message) {
    try {
      received.add(JSON.readTree(message));
    } catch (IOException e) {
      received.add(JSON.getNodeFactory().textNode(message));
    }
  }

  @Override
  public void onError(WebSocket conn, Exception ex) {}

  @Override
  public void onStart() {
    started.countDown();
  }

  @Override
  public void close() {
    try {
      stop(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
