package dev.claude500.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import dev.claude500.metrics.BotMetrics;
import dev.claude500.metrics.OncePer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /slack/events}: slash commands, interactivity and events all arrive here, through
 * whatever HTTP server hosts it, in two steps.
 *
 * <p>{@link #screen} looks at the request line and headers alone, before any of the body is read:
 * a method other than POST gets 405; until the adapter has started, and once it stops taking
 * requests, 503; a missing or malformed signature, or a timestamp outside the window, 401. Then
 * {@link #answer} takes the body (at most {@link #MAX_BODY} bytes, 413 beyond): a signature that
 * does not sign it gets 401 before anything is parsed or called; a request picked up more than
 * {@link #ACK_WINDOW} after it arrived gets 503 without being acted on (Slack has stopped waiting
 * and retries an event, and the retry is handled as if it came first); otherwise Bolt's {@code
 * Request} is made with {@link SlackRequestParser}, {@link App#run} runs, and its response is the
 * answer. A signed payload that cannot be read, whole or in the part a listener needs, gets 400;
 * one of a kind the app has no listener for (views, dialogs, global shortcuts) gets 404. Thread-safe.
 */
public final class EventsEndpoint {
  /** The largest body taken, in bytes. */
  public static final int MAX_BODY = 1 << 20;
  /** How long Slack waits for an answer; a request picked up later than this is not acted on. */
  public static final Duration ACK_WINDOW = Duration.ofSeconds(3);

  private static final Logger LOG = LoggerFactory.getLogger(EventsEndpoint.class);
  /** The kinds of request the app has listeners for; anything else gets 404 without Bolt reading it. */
  private static final Set<RequestType> HANDLED = EnumSet.of(RequestType.Command, RequestType.BlockAction,
      RequestType.MessageShortcut, RequestType.Event, RequestType.UrlVerification, RequestType.SSLCheck);
  private static final String TEXT = "text/plain; charset=utf-8";
  private static final String TIMESTAMP = "X-Slack-Request-Timestamp";
  private static final String SIGNATURE = "X-Slack-Signature";

  private final RequestSignature signature;
  private final Clock clock;
  private final BotMetrics metrics;
  private final OncePer refusals = new OncePer(Duration.ofMinutes(1), System::nanoTime);
  private final OncePer lateOnes = new OncePer(Duration.ofMinutes(1), System::nanoTime);
  private volatile App app;
  private volatile SlackRequestParser parser;
  private volatile boolean stopping;

  EventsEndpoint(RequestSignature signature, Clock clock, BotMetrics metrics) {
    this.signature = Objects.requireNonNull(signature, "signature");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  /**
   * An HTTP answer.
   *
   * @param status the status code
   * @param contentType the body's content type, or null when there is no body
   * @param body the body, empty for none
   * @param headers further headers (never {@code Content-Type} or {@code Content-Length})
   */
  public record Answer(int status, String contentType, String body, Map<String, List<String>> headers) {
    /** Checks the values and copies the headers. */
    public Answer {
      body = body == null ? "" : body;
      headers = Map.copyOf(headers);
    }

    static Answer text(int status, String body) {
      return new Answer(status, TEXT, body, Map.of());
    }
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

  /**
   * Returns the answer that the request line and headers alone decide, before any of the body is
   * read; empty when the body is wanted.
   *
   * @param method the request's method
   * @param header returns a header's first value by its name (any case), or null
   * @param from the client's address, for the log
   */
  public Optional<Answer> screen(String method, UnaryOperator<String> header, String from) {
    if (!"POST".equals(method)) {
      return Optional.of(new Answer(405, TEXT, "POST only\n", Map.of("Allow", List.of("POST"))));
    }
    if (app == null || stopping) {
      return Optional.of(Answer.text(503, stopping ? "stopping\n" : "starting\n"));
    }
    if (!signature.current(header.apply(TIMESTAMP), header.apply(SIGNATURE))) {
      return Optional.of(refuse(from));
    }
    return Optional.empty();
  }

  /**
   * Answers a request whose head {@link #screen} let through, now that its body has been read.
   *
   * @param path the request's path
   * @param headers its headers
   * @param body its body as received
   * @param from the client's address
   * @param arrived when its head was read, by the clock this endpoint was given
   */
  public Answer answer(String path, Map<String, List<String>> headers, byte[] body, String from, Instant arrived) {
    Map<String, List<String>> named = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    named.putAll(headers);
    UnaryOperator<String> header = name -> Optional.ofNullable(named.get(name)).flatMap(v -> v.stream().findFirst())
        .orElse(null);
    Optional<Answer> early = screen("POST", header, from);
    if (early.isPresent()) {
      return early.get();
    }
    if (body.length > MAX_BODY) {
      metrics.httpRefused("too_large");
      return Answer.text(413, "body too large\n");
    }
    if (!signature.verify(header.apply(TIMESTAMP), header.apply(SIGNATURE), body)) {
      return refuse(from);
    }
    Duration waited = Duration.between(arrived, clock.instant());
    if (waited.compareTo(ACK_WINDOW) > 0) {
      return late(waited);
    }
    return translate(run(app, path, named, new String(body, StandardCharsets.UTF_8), from));
  }

  private Answer late(Duration waited) {
    metrics.httpRefused("late");
    long n = lateOnes.event();
    if (n > 0) {
      LOG.warn("a Slack request waited {} ms for a worker, past Slack's {} s: answered 503 without acting on it,"
          + " Slack retries events ({} so far)", waited.toMillis(), ACK_WINDOW.toSeconds(), n);
    }
    return Answer.text(503, "too late\n");
  }

  private Response run(App running, String path, Map<String, List<String>> headers, String body, String from) {
    Request<?> request;
    try {
      request = parser.parse(SlackRequestParser.HttpRequest.builder()
          .requestUri(path)
          .queryString(new HashMap<>())
          .requestBody(body)
          .headers(new RequestHeaders(headers))
          .remoteAddress(from)
          .build());
    } catch (RuntimeException e) {
      // the exception's message may quote the payload, and with it whatever someone pasted: not logged
      LOG.info("unreadable Slack request ({} bytes): {}", body.length(), e.getClass().getSimpleName());
      return Response.builder().statusCode(400).contentType(TEXT).body("unreadable payload\n").build();
    }
    if (request == null) {
      return Response.builder().statusCode(400).contentType(TEXT).body("unknown payload\n").build();
    }
    if (!HANDLED.contains(request.getRequestType())) {
      // no listener for it (the bot opens no views, dialogs or global shortcuts): Bolt is not asked to read it
      return Response.builder().statusCode(404).contentType(TEXT).body("not handled\n").build();
    }
    try {
      return running.run(request);
    } catch (Exception e) {
      if (UnreadablePayloads.isUnreadable(e)) {
        LOG.info("unreadable Slack {} payload ({} bytes): {}", request.getRequestType(), body.length(),
            e.getClass().getSimpleName());
        return Response.builder().statusCode(400).contentType(TEXT).body("unreadable payload\n").build();
      }
      LOG.error("handling a Slack {} request failed", request.getRequestType(), e);
      return Response.builder().statusCode(500).contentType(TEXT).body("error\n").build();
    }
  }

  private Answer refuse(String from) {
    long n = refusals.event();
    if (n > 0) {
      LOG.warn("refused a request to /slack/events with a missing, wrong or stale signature from {} ({} so far;"
          + " check SLACK_SIGNING_SECRET and the server's clock)", from, n);
    }
    return new Answer(401, "application/json; charset=utf-8", "{\"error\":\"invalid signature\"}", Map.of());
  }

  private static Answer translate(Response r) {
    Map<String, List<String>> headers = new HashMap<>();
    if (r.getHeaders() != null) {
      r.getHeaders().forEach((name, values) -> {
        if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
          headers.put(name, List.copyOf(values));
        }
      });
    }
    int status = r.getStatusCode() == null ? 200 : r.getStatusCode();
    String body = r.getBody() == null ? "" : r.getBody();
    return new Answer(status, body.isEmpty() ? null : r.getContentType(), body, headers);
  }
}
