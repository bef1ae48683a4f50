package dev.claude500.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;

/**
 * Slack's Socket Mode end on loopback: says {@code hello} to each connection (or holds it back),
 * sends envelopes the test writes to the newest connection, records what the client sends back (the
 * acks), and can retire a connection with a close handshake, drop one, or refuse new ones.
 */
public final class FakeSocketModeServer extends WebSocketServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CountDownLatch started = new CountDownLatch(1);
  private final List<JsonNode> received = new CopyOnWriteArrayList<>();
  private static final String HELLO = "{\"type\":\"hello\",\"num_connections\":1,"
      + "\"debug_info\":{\"host\":\"fake\",\"approximate_connection_time\":18060},"
      + "\"connection_info\":{\"app_id\":\"A0APP\"}}";

  private final List<WebSocket> connections = new CopyOnWriteArrayList<>();
  private final Set<WebSocket> closed = ConcurrentHashMap.newKeySet();
  private volatile WebSocket current;
  private volatile boolean holdHello;
  private volatile boolean refusing;

  private FakeSocketModeServer() {
    super(new InetSocketAddress("127.0.0.1", 0));
    setReuseAddr(true);
    setDaemon(true);
  }

  /** Starts the server on a free loopback port. */
  public static FakeSocketModeServer begin() {
    FakeSocketModeServer s = new FakeSocketModeServer();
    s.start();
    try {
      if (!s.started.await(5, TimeUnit.SECONDS)) {
        throw new AssertionError("websocket server did not start");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the websocket server started", e);
    }
    return s;
  }

  /** Returns the websocket URL for {@code apps.connections.open} to answer. */
  public String url() {
    return "ws://127.0.0.1:" + getPort() + "/link/?ticket=fake";
  }

  /** Returns how many connections have been opened in all. */
  public int connectionsOpened() {
    return connections.size();
  }

  /** Returns true while the newest connection is open. */
  public boolean connected() {
    WebSocket c = current;
    return c != null && c.isOpen();
  }

  /** Sends an envelope to the open connection. */
  public void send(String envelope) {
    WebSocket c = current;
    if (c == null || !c.isOpen()) {
      throw new AssertionError("no open Socket Mode connection");
    }
    c.send(envelope);
  }

  /** Asks the client to move to a new connection ({@code disconnect}, {@code refresh_requested}), as Slack does every few hours. */
  public void refresh() {
    send("{\"type\":\"disconnect\",\"reason\":\"refresh_requested\",\"debug_info\":{\"host\":\"fake\"}}");
  }

  /** Cuts the open connection without a close handshake. */
  public void drop() {
    WebSocket c = current;
    if (c != null) {
      c.closeConnection(1006, "dropped by the test");
    }
  }

  /** From now on, new connections are not greeted until {@link #sayHello()}. */
  public void holdHello() {
    holdHello = true;
  }

  /** Says the held-back {@code hello} on the newest connection and greets new ones again. */
  public void sayHello() {
    holdHello = false;
    send(HELLO);
  }

  /** Refuses the handshake of every new connection while {@code refuse} is true. */
  public void refuse(boolean refuse) {
    refusing = refuse;
  }

  /** Closes the {@code n}-th connection opened (1 is the first) with a close handshake, as Slack retires one. */
  public void retire(int n) {
    connections.get(n - 1).close(CloseFrame.NORMAL, "retired by the test");
  }

  /** Cuts every open connection without a close handshake. */
  public void dropAll() {
    connections.forEach(c -> c.closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped by the test"));
  }

  /**
   * Waits until this server has seen the {@code n}-th connection closed. The client may still be
   * handling the close: Tyrus answers a close before it tells the endpoint.
   */
  public void awaitClosed(int n, Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    while (connections.size() < n || !closed.contains(connections.get(n - 1))) {
      if (System.nanoTime() > end) {
        throw new AssertionError("connection " + n + " still open after " + timeout);
      }
      pause(Duration.ofMillis(20));
    }
  }

  /** Waits for the client's ack of an envelope. */
  public JsonNode awaitAck(String envelopeId, Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      Optional<JsonNode> ack = received.stream().filter(n -> n.path("envelope_id").asText().equals(envelopeId)).findFirst();
      if (ack.isPresent()) {
        return ack.get();
      }
      pause(Duration.ofMillis(10));
    }
    throw new AssertionError("no ack for " + envelopeId + " within " + timeout + "; received " + received);
  }

  /** Waits until {@code count} connections have been opened in all and the newest is open. */
  public void awaitConnections(int count, Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    while (connections.size() < count || !connected()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("expected " + count + " connections within " + timeout + ", saw " + connections.size());
      }
      pause(Duration.ofMillis(20));
    }
  }

  private static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void onOpen(WebSocket conn, ClientHandshake handshake) {
    current = conn;
    connections.add(conn);
    if (!holdHello) {
      conn.send(HELLO);
    }
  }

  @Override
  public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft,
      ClientHandshake request) throws InvalidDataException {
    if (refusing) {
      throw new InvalidDataException(CloseFrame.TRY_AGAIN_LATER, "refused by the test");
    }
    return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
  }

  @Override
  public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    closed.add(conn);
  }

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
