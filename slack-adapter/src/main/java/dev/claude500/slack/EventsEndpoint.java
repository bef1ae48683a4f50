package dev.claude500.slack;

import com.google.gson.JsonParseException;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /slack/events} on the JDK's HTTP server: slash commands, interactivity and events all
 * arrive here. Reads at most {@link #MAX_BODY} bytes (413 beyond), refuses a missing, wrong or stale
 * signature with 401 before anything is parsed or called, then turns the request into Bolt's
 * {@code Request} with {@link SlackRequestParser}, runs {@link App#run} and writes Bolt's response.
 * A signed payload that cannot be read, whole or in the part a listener needs, gets 400; one of a
 * kind the app has no listener for (views, dialogs, shortcuts) gets 404. Answers 503 until the
 * adapter has started, and again once it stops taking requests. Thread-safe.
 */
final class EventsEndpoint implements HttpHandler {
  /** The largest body read, in bytes. */
  static final int MAX_BODY = 1 << 20;
  /** How much of a body too large is read and dropped so the sender sees the 413 (beyond it the connection is cut). */
  private static final long MAX_DRAIN = 8L << 20;

  private static final Logger LOG = LoggerFactory.getLogger(EventsEndpoint.class);
  /** The kinds of request the app has listeners for; anything else gets 404 without Bolt reading it. */
  private static final Set<RequestType> HANDLED = EnumSet.of(RequestType.Command, RequestType.BlockAction,
      RequestType.Event, RequestType.UrlVerification, RequestType.SSLCheck);
  private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final RequestSignature signature;
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong lastWarned = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);
  private volatile App app;
  private volatile SlackRequestParser parser;
  private volatile boolean stopping;

  EventsEndpoint(RequestSignature signature) {
    this.signature = Objects.requireNonNull(signature, "signature");
  }

  /** Starts handing verified requests to {@code started}. */
  void serve(App started) {
    this.parser = new SlackRequestParser(started.config());
    this.app = started;
  }

  /** Answers every request from now on with 503: the bot is stopping (Slack retries events elsewhere). */
  void stopTaking() {
    stopping = true;
  }

  /** Returns how many requests were refused for their signature. */
  long refused() {
    return refused.get();
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "POST");
        write(exchange, 405, "text/plain; charset=utf-8", "POST only\n");
        return;
      }
      App running = app;
      if (running == null || stopping) {
        write(exchange, 503, "text/plain; charset=utf-8", stopping ? "stopping\n" : "starting\n");
        return;
      }
      byte[] body = readBounded(exchange);
      if (body == null) {
        write(exchange, 413, "text/plain; charset=utf-8", "body too large\n");
        return;
      }
      if (!signature.verify(exchange.getRequestHeaders().getFirst("X-Slack-Request-Timestamp"),
          exchange.getRequestHeaders().getFirst("X-Slack-Signature"), body)) {
        refuse(exchange);
        return;
      }
      Response response = run(running, exchange, new String(body, StandardCharsets.UTF_8));
      write(exchange, response);
    }
  }

  private Response run(App running, HttpExchange exchange, String body) {
    Request<?> request;
    try {
      Map<String, List<String>> headers = new HashMap<>(exchange.getRequestHeaders());
      request = parser.parse(SlackRequestParser.HttpRequest.builder()
          .requestUri(exchange.getRequestURI().getPath())
          .queryString(new HashMap<>())
          .requestBody(body)
          .headers(new RequestHeaders(headers))
          .remoteAddress(exchange.getRemoteAddress().getAddress().getHostAddress())
          .build());
    } catch (RuntimeException e) {
      // the exception's message may quote the payload, and with it whatever someone pasted: not logged
      LOG.info("unreadable Slack request ({} bytes): {}", body.length(), e.getClass().getSimpleName());
      return Response.builder().statusCode(400).contentType("text/plain; charset=utf-8").body("unreadable payload\n").build();
    }
    if (request == null) {
      return Response.builder().statusCode(400).contentType("text/plain; charset=utf-8").body("unknown payload\n").build();
    }
    if (!HANDLED.contains(request.getRequestType())) {
      // no listener for it (the bot opens no views, dialogs or shortcuts): Bolt is not asked to read it
      return Response.builder().statusCode(404).contentType("text/plain; charset=utf-8").body("not handled\n").build();
    }
    try {
      return running.run(request);
    } catch (JsonParseException e) {
      // Bolt reads the payload's parts lazily, as each listener needs them: a part of the wrong shape fails here
      LOG.info("unreadable Slack {} payload ({} bytes): {}", request.getRequestType(), body.length(),
          e.getClass().getSimpleName());
      return Response.builder().statusCode(400).contentType("text/plain; charset=utf-8").body("unreadable payload\n").build();
    } catch (Exception e) {
      LOG.error("handling a Slack {} request failed", request.getRequestType(), e);
      return Response.builder().statusCode(500).contentType("text/plain; charset=utf-8").body("error\n").build();
    }
  }

  private void refuse(HttpExchange exchange) throws IOException {
    long n = refused.incrementAndGet();
    long now = System.nanoTime();
    long last = lastWarned.get();
    if (now - last >= WARN_EVERY_NANOS && lastWarned.compareAndSet(last, now)) {
      LOG.warn("refused a request to /slack/events with a missing, wrong or stale signature from {} ({} so far;"
          + " check SLACK_SIGNING_SECRET and the server's clock)", exchange.getRemoteAddress().getAddress().getHostAddress(), n);
    }
    write(exchange, 401, "application/json; charset=utf-8", "{\"error\":\"invalid signature\"}");
  }

  private static byte[] readBounded(HttpExchange exchange) throws IOException {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    boolean tooLarge = declared != null && declared.strip().matches("\\d{1,18}") && Long.parseLong(declared.strip()) > MAX_BODY;
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = tooLarge ? new byte[0] : in.readNBytes(MAX_BODY + 1);
      if (!tooLarge && bytes.length <= MAX_BODY) {
        return bytes;
      }
      in.transferTo(new BoundedSink(MAX_DRAIN));
      return null;
    } catch (IOException drainStopped) {
      return null;
    }
  }

  /** Drops what is written to it, and fails once more than its limit was written. */
  private static final class BoundedSink extends OutputStream {
    private long room;

    BoundedSink(long limit) {
      this.room = limit;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      room -= len;
      if (room < 0) {
        throw new IOException("body too large to drain");
      }
    }
  }

  private static void write(HttpExchange exchange, Response r) throws IOException {
    if (r.getHeaders() != null) {
      r.getHeaders().forEach((name, values) -> {
        if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
          exchange.getResponseHeaders().put(name, values);
        }
      });
    }
    int status = r.getStatusCode() == null ? 200 : r.getStatusCode();
    write(exchange, status, r.getContentType(), r.getBody());
  }

  private static void write(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    if (contentType != null && bytes.length > 0) {
      exchange.getResponseHeaders().set("Content-Type", contentType);
    }
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
