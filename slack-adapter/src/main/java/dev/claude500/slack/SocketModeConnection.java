package dev.claude500.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.bolt.App;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.request.SocketModeRequest;
import com.slack.api.bolt.socket_mode.request.SocketModeRequestParser;
import java.io.IOException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Socket Mode over Bolt's Tyrus websocket client. The URL comes from {@code apps.connections.open}
 * (on the configured Web API base); Slack's {@code disconnect} notices reconnect at once, and Bolt's
 * session monitor pings every few seconds and reconnects a connection that dropped. Every envelope
 * is run through the Bolt app and acknowledged with its response (the listeners only queue work).
 *
 * <p>Connected means some connection is open, whichever: through a refresh the new connection and
 * the retired one overlap, and the retired one's close leaves the live one counted. Thread-safe.
 */
final class SocketModeConnection implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SocketModeConnection.class);

  private final String appToken;
  private final App app;
  private final SocketModeRequestParser requests;
  private volatile ConnectionTrackingClient client;
  private volatile boolean closed;

  SocketModeConnection(String appToken, App app) {
    this.appToken = Objects.requireNonNull(appToken, "appToken");
    this.app = Objects.requireNonNull(app, "app");
    this.requests = new SocketModeRequestParser(app.config());
  }

  /** Opens the connection; throws when Slack will not give one. */
  void start() throws Exception {
    String url;
    try {
      url = app.slack().issueSocketModeUrl(appToken);
    } catch (IOException e) {
      throw new IllegalStateException("could not open a Socket Mode connection: apps.connections.open failed", e);
    }
    ConnectionTrackingClient c = new ConnectionTrackingClient(app.slack(), appToken, url);
    c.addWebSocketMessageListener(this::handle);
    client = c;
    c.connect();
  }

  /** Returns true while a connection is open. */
  boolean isConnected() {
    ConnectionTrackingClient c = client;
    return !closed && c != null && c.anyOpen();
  }

  /** Disconnects every connection; a second call does nothing. */
  @Override
  public void close() {
    ConnectionTrackingClient c;
    synchronized (this) {
      c = client;
      client = null;
      closed = true;
    }
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (IOException | RuntimeException e) {
      LOG.info("closing the Socket Mode connection: {}", e.toString());
    }
    c.closeAll();
  }

  /** Runs one message from Slack through the app and acknowledges it; hello and notices are not requests. */
  private void handle(String message) {
    ConnectionTrackingClient c = client;
    SocketModeRequest request = null;
    Response response;
    try {
      request = requests.parse(message);
      if (request == null || c == null) {
        return;
      }
      response = app.run(request.getBoltRequest());
    } catch (Exception e) {
      if (request != null && c != null && UnreadablePayloads.isUnreadable(e)) {
        // delivered again it would fail again: acknowledged, and not acted on
        LOG.info("an unreadable Socket Mode {} payload was acknowledged and left: {}",
            request.getBoltRequest().getRequestType(), e.getClass().getSimpleName());
        c.sendSocketModeResponse(ack(request.getEnvelope().getEnvelopeId(), Response.builder().statusCode(200).build()));
        return;
      }
      LOG.error("a Socket Mode request failed; Slack will deliver it again", e);
      return;
    }
    if (response.getStatusCode() != 200) {
      LOG.warn("a Socket Mode request was answered {}; Slack will deliver it again", response.getStatusCode());
      return;
    }
    c.sendSocketModeResponse(ack(request.getEnvelope().getEnvelopeId(), response));
  }

  /** Returns the acknowledgement Slack expects: the envelope id, and the response body as its payload if any. */
  static String ack(String envelopeId, Response response) {
    JsonObject ack = new JsonObject();
    ack.addProperty("envelope_id", envelopeId);
    String body = response.getBody();
    if (body != null) {
      ack.add("payload", payload(body, response.getContentType()));
    }
    return ack.toString();
  }

  private static JsonElement payload(String body, String contentType) {
    if (contentType != null && contentType.startsWith("application/json")) {
      return JsonParser.parseString(body);
    }
    JsonObject text = new JsonObject();
    text.addProperty("text", body);
    return text;
  }
}
