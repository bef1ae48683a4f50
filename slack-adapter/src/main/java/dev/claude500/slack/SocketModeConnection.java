package dev.claude500.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Socket Mode: Bolt's {@link SocketModeApp} over the Tyrus websocket client. The URL comes from
 * {@code apps.connections.open} (on the configured Web API base); Slack's {@code disconnect} notices
 * reconnect at once, and Bolt's session monitor pings every few seconds and reconnects a connection
 * that dropped. Every envelope is acknowledged with the Bolt response (after the listeners, which
 * only queue work). Thread-safe.
 */
final class SocketModeConnection implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SocketModeConnection.class);

  private final String appToken;
  private final App app;
  private final AtomicBoolean connected = new AtomicBoolean();
  private volatile SocketModeApp socketApp;

  SocketModeConnection(String appToken, App app) {
    this.appToken = Objects.requireNonNull(appToken, "appToken");
    this.app = Objects.requireNonNull(app, "app");
  }

  /** Opens the connection; throws when Slack will not give one. */
  void start() throws Exception {
    SocketModeApp s = new SocketModeApp(appToken, SocketModeClient.Backend.Tyrus, SocketModeConnection::failed, app);
    socketApp = s;
    try {
      s.startAsync();
    } catch (NullPointerException e) {
      // Bolt's client factory logs the apps.connections.open failure and hands back no client.
      throw new IllegalStateException("could not open a Socket Mode connection: apps.connections.open failed", e);
    }
    SocketModeClient client = s.getClient();
    client.addWebSocketMessageListener(message -> {
      if (message.contains("\"hello\"")) {
        connected.set(true);
      }
    });
    client.addWebSocketCloseListener((code, reason) -> {
      connected.set(false);
      LOG.info("Socket Mode connection closed ({} {}); it reconnects by itself", code, reason);
    });
    connected.set(client.verifyConnection());
  }

  /** Returns true while a connection is open. */
  boolean isConnected() {
    return connected.get();
  }

  /** Disconnects; a second call does nothing. */
  @Override
  public void close() {
    SocketModeApp s;
    synchronized (this) {
      s = socketApp;
      socketApp = null;
    }
    if (s == null) {
      return;
    }
    connected.set(false);
    try {
      SocketModeClient client = s.getClient();
      if (client != null) {
        client.close();
      }
      s.close();
    } catch (Exception e) {
      LOG.info("closing the Socket Mode connection: {}", e.toString());
    }
  }

  private static Response failed(SocketModeApp.ErrorContext context) {
    LOG.error("a Socket Mode request failed; Slack will deliver it again", context.getException());
    return null;
  }
}
