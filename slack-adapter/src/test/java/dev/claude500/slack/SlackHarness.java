package dev.claude500.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.util.thread.DaemonThreadExecutorServiceProvider;
import com.sun.net.httpserver.HttpServer;
import dev.claude500.adapters.AdapterServices;
import dev.claude500.commands.Commands;
import dev.claude500.commands.SubscriptionService;
import dev.claude500.outbox.Outbox;
import dev.claude500.outbox.OutboxThreads;
import dev.claude500.outbox.Scheduler;
import dev.claude500.store.JdbcStore;
import dev.claude500.testing.InMemoryOutboxStore;
import dev.claude500.metrics.BotMetrics;
import dev.claude500.playbook.Playbook;
import dev.claude500.playbook.PlaybookLoader;
import dev.claude500.status.CachingStatusSource;
import dev.claude500.status.StatuspageClient;
import dev.claude500.store.InMemoryStore;
import dev.claude500.store.Store;
import dev.claude500.testing.FakeSlackApi;
import dev.claude500.testing.FakeStatusPage;
import dev.claude500.testing.SlackRequests;
import dev.claude500.testing.SlackSigner;
import dev.claude500.testing.SlowStore;
import dev.claude500.testing.StatusFixtures;
import dev.claude500.testing.StatusSources;
import dev.claude500.testing.TriageEngines;
import dev.claude500.testing.WhoIsHit;
import dev.claude500.triage.TriageEngine;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import dev.claude500.testing.TeamStatsRigs;

/**
 * A Slack adapter in HTTP mode wired to a real engine, store and status cache, with a loopback
 * status page, a loopback Slack Web API, and an HTTP server hosting {@code /slack/events}; sends
 * requests signed for real, as Slack would.
 */
final class SlackHarness implements AutoCloseable {
  static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  static final String CHANNEL = "C0TRIAGE";
  static final Duration WAIT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  final FakeSlackApi slack = FakeSlackApi.start();
  final FakeStatusPage page = FakeStatusPage.start();
  final Store store;
  final Clock clock = Clock.systemUTC();
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final CachingStatusSource status;
  final TriageEngine engine;
  final AdapterServices services;
  final Outbox outbox;
  /** The "I'm hit too" core; the adapter's port is added to it once the adapter exists. */
  final WhoIsHit hits;
  private final OutboxThreads outboxThreads;
  final SlackAdapter adapter;
  final SlackSigner signer = new SlackSigner(SECRET);
  private final HttpServer http;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final AtomicInteger ids = new AtomicInteger();

  SlackHarness() {
    this(tuning(4, 64));
  }

  SlackHarness(SlackAdapter.Tuning tuning) {
    this(tuning, new InMemoryStore(), Duration.ZERO);
  }

  /** A harness whose adapter and engine see {@link #store} through a store slowed by {@code storeDelay} a call. */
  SlackHarness(SlackAdapter.Tuning tuning, Duration storeDelay) {
    this(tuning, new InMemoryStore(), storeDelay);
  }

  /** A harness on {@code store}, which it closes when it is closed. */
  SlackHarness(SlackAdapter.Tuning tuning, Store store) {
    this(tuning, store, Duration.ZERO);
  }

  private SlackHarness(SlackAdapter.Tuning tuning, Store store, Duration storeDelay) {
    this(tuning, store, storeDelay, Optional.empty());
  }

  /**
   * A harness whose outbox (where triage replies wait when Slack does not take them) reads {@code
   * outboxClock} and waits through {@code outboxScheduler}, which the test drives.
   */
  SlackHarness(SlackAdapter.Tuning tuning, Clock outboxClock, Scheduler outboxScheduler) {
    this(tuning, new InMemoryStore(), Duration.ZERO, Optional.of(Map.entry(outboxClock, outboxScheduler)));
  }

  private SlackHarness(SlackAdapter.Tuning tuning, Store store, Duration storeDelay,
      Optional<Map.Entry<Clock, Scheduler>> outboxTime) {
    this.store = store;
    Store seen = storeDelay.isZero() ? store : SlowStore.wrap(store, storeDelay);
    page.serveSummary(FakeStatusPage.Response.json(StatusFixtures.greenSummaryJson()));
    StatuspageClient statusClient = StatusSources.client(List.of(page.baseUrl()), Duration.ofSeconds(2), Duration.ofSeconds(3));
    status = StatusSources.cache(statusClient, Duration.ofSeconds(30), Duration.ofSeconds(3));
    Playbook playbook = PlaybookLoader.builtIn();
    engine = TriageEngines.recording(Map.of(playbook.id(), playbook), playbook.id(), seen, status, clock,
        Duration.ofMinutes(30));
    Commands commands = new Commands(engine, status, new SubscriptionService(seen.subscriptions(), seen.autodetect(), status, clock), clock, TeamStatsRigs.of(seen, clock));
    outboxThreads = outboxTime.isPresent() ? null : OutboxThreads.start(2);
    outbox = new Outbox(store instanceof JdbcStore jdbc ? jdbc.outbox() : new InMemoryOutboxStore(), seen.ledger(),
        outboxTime.map(Map.Entry::getKey).orElse(clock),
        outboxTime.map(Map.Entry::getValue).orElseGet(() -> outboxThreads.scheduler()));
    BotMetrics metrics = new BotMetrics(registry);
    hits = new WhoIsHit(seen, status, outbox, outboxTime.map(Map.Entry::getKey).orElse(clock),
        outboxTime.map(Map.Entry::getValue).orElseGet(() -> outboxThreads.scheduler()), metrics);
    services = new AdapterServices(engine, commands, status, seen, clock, metrics, outbox, hits.button());
    adapter = new SlackAdapter(new SlackSettings("xoxb-test-token", Optional.of(SECRET), Optional.empty(),
        slack.apiUrl()), services, tuning);
    hits.add(adapter.chatPort());
    try {
      http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    http.createContext(SlackAdapter.EVENTS_PATH, new JdkHost(adapter.eventsEndpoint().orElseThrow(), clock));
    http.start();
  }

  /**
   * Tuning with {@code threads} worker threads, a queue of {@code queue} and {@code retries}, whose
   * Slack client makes its threads as Slack's SDK does by default.
   */
  static SlackAdapter.Tuning tuning(int threads, int queue, RetryPolicy retries) {
    return new SlackAdapter.Tuning(threads, queue, retries, DaemonThreadExecutorServiceProvider.getInstance());
  }

  /** {@link #tuning(int, int, RetryPolicy)} with {@link #fastRetries()}. */
  static SlackAdapter.Tuning tuning(int threads, int queue) {
    return tuning(threads, queue, fastRetries());
  }

  static RetryPolicy fastRetries() {
    return new RetryPolicy(4, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(5), RetryPolicy.Pause.SLEEP);
  }

  /** Returns a harness with the default tuning, started: for a test's field, closed after each test. */
  static SlackHarness running() {
    SlackHarness h = new SlackHarness();
    try {
      return h.started();
    } catch (Exception e) {
      h.close();
      throw new IllegalStateException("the Slack adapter did not start", e);
    }
  }

  /** Starts the adapter and forgets the calls it made doing so. */
  SlackHarness started() throws Exception {
    adapter.start();
    slack.clearCalls();
    return this;
  }

  URI events() {
    return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + SlackAdapter.EVENTS_PATH);
  }

  /** Sends a body with the given headers, as they are. */
  HttpResponse<String> send(byte[] body, String contentType, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(events()).timeout(Duration.ofSeconds(5))
        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(b::header);
    try {
      return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Sends a body signed now with the signing secret, plus extra headers. */
  HttpResponse<String> signed(String body, String contentType, Map<String, String> extra) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = new LinkedHashMap<>(signer.headers(Instant.now(), bytes));
    headers.putAll(extra);
    return send(bytes, contentType, headers);
  }

  /** Sends {@code /claude500 <text>} as a user types it. */
  HttpResponse<String> command(String userId, String userName, String text) {
    return command(userId, userName, text, "trigger-" + ids.incrementAndGet());
  }

  HttpResponse<String> command(String userId, String userName, String text, String triggerId) {
    return signed(commandBody(userId, userName, text, triggerId), "application/x-www-form-urlencoded", Map.of());
  }

  String commandBody(String userId, String userName, String text, String triggerId) {
    return SlackRequests.command(CHANNEL, userId, userName, text, triggerId, slack.responseUrl(triggerId));
  }

  /** Clicks the button with choice value {@code value} on a message the adapter posted. */
  HttpResponse<String> click(FakeSlackApi.Call posted, String value, String userId, String userName) {
    SlackRequests.Button button = SlackRequests.button(posted, b -> ButtonValue.decode(b.element().path("value").asText())
            .map(v -> v.value().equals(value)).orElse(false))
        .orElseThrow(() -> new AssertionError("no button for " + value + " in " + posted.json("blocks")));
    return signed("payload=" + enc(clickPayload(posted, button.element(), button.blockId(), userId, userName).toString()),
        "application/x-www-form-urlencoded", Map.of());
  }

  ObjectNode clickPayload(FakeSlackApi.Call posted, JsonNode button, String blockId, String userId, String userName) {
    return SlackRequests.clickPayload(posted, new SlackRequests.Button(button, blockId), userId, userName,
        "trig-" + ids.incrementAndGet(), slack.responseUrl("action-" + ids.get()));
  }

  /** Sends "Triage with claude500" used by {@code userId} on {@code message} in {@link #CHANNEL}, with a new trigger. */
  HttpResponse<String> shortcut(String userId, String userName, JsonNode message) {
    return shortcut(userId, userName, message, "trigger-" + ids.incrementAndGet());
  }

  /** Sends "Triage with claude500" used by {@code userId} on {@code message}, as delivery {@code triggerId}. */
  HttpResponse<String> shortcut(String userId, String userName, JsonNode message, String triggerId) {
    ObjectNode payload = SlackRequests.messageShortcut(TriageShortcut.CALLBACK_ID, CHANNEL, userId, userName, message,
        triggerId, slack.responseUrl(triggerId));
    return signed("payload=" + enc(payload.toString()), SlackRequests.FORM, Map.of());
  }

  /** Sends a {@code message} event: a person's reply in a thread under one of the bot's messages. */
  HttpResponse<String> reply(String eventId, String threadTs, String userId, String text, Map<String, String> headers) {
    return event(eventId, replyEvent(threadTs, userId, text), headers);
  }

  /** Returns a {@code message} event: a person's reply in a thread under one of the bot's messages. */
  ObjectNode replyEvent(String threadTs, String userId, String text) {
    return SlackRequests.threadReply(CHANNEL, userId, text, "1700000500." + String.format("%06d", ids.incrementAndGet()),
        threadTs);
  }

  /**
   * Sends a {@code message} event with subtype {@code file_share}: a reply in a thread sharing a file
   * (a snippet Slack made of a long paste), with {@code text} as the reply's own words.
   */
  HttpResponse<String> fileShare(String eventId, String threadTs, String userId, String text, ObjectNode file) {
    ObjectNode event = JSON.createObjectNode().put("type", "message").put("subtype", "file_share")
        .put("channel", CHANNEL).put("user", userId).put("text", text).put("upload", false)
        .put("ts", "1700000500." + String.format("%06d", ids.incrementAndGet()))
        .put("thread_ts", threadTs).put("event_ts", "1700000500.000002").put("channel_type", "channel");
    event.putArray("files").add(file);
    return event(eventId, event, Map.of());
  }

  HttpResponse<String> event(String eventId, ObjectNode event, Map<String, String> headers) {
    return signed(eventBody(eventId, event), "application/json", headers);
  }

  /** Returns the body of an {@code event_callback} delivery of {@code event}. */
  String eventBody(String eventId, ObjectNode event) {
    return SlackRequests.eventCallback(eventId, event);
  }

  /** Waits for the thread post whose text contains {@code fragment}. */
  FakeSlackApi.Call posted(String fragment) {
    return slack.await("chat.postMessage", c -> c.param("text").contains(fragment), WAIT);
  }

  /** Returns the texts of the posts in a thread so far. */
  List<String> threadTexts(String threadTs) {
    return slack.calls("chat.postMessage").stream().filter(c -> c.param("thread_ts").equals(threadTs))
        .map(c -> c.param("text")).collect(Collectors.toList());
  }

  static String enc(String s) {
    return SlackRequests.enc(s);
  }

  static void quiet(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    adapter.close();
    outbox.close();
    if (outboxThreads != null) {
      outboxThreads.close();
    }
    http.stop(0);
    slack.close();
    page.close();
    store.close();
  }
}
