package dev.claude500.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.chat.ChannelRef;
import dev.claude500.incidents.IncidentWatcher;
import dev.claude500.metrics.MeterNames;
import dev.claude500.status.StatusPoller;
import dev.claude500.store.PokeRelay;
import dev.claude500.commands.Filters;
import dev.claude500.commands.Subscription;
import dev.claude500.testing.FakeStatusPage;
import dev.claude500.testing.Postgres;
import dev.claude500.testing.StatusFixtures;
import dev.claude500.testing.TestData;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code POST /statuspage/webhook/<token>} on the running service, over real HTTP, with the status
 * page and Slack's Web API on loopback and the page polled every 30 s: a call wakes the poller, a
 * body is never the news, and nothing but the right token on a POST gets past the door.
 */
@DisplayName("The status-page webhook wakes the watcher and nothing else")
class StatusWebhookTest {
  private static final String TOKEN = "whk-test-3f9c2a71d04e58b6";
  private static final String CHANNEL = "C0HOOKED";
  private static final String SHAPES = "data/statuspage-webhook/";
  private static final String NO_INCIDENTS = "{\"page\":{},\"incidents\":[]}";
  private static final Duration WAIT = Duration.ofSeconds(15);

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  private SlackService running;

  @AfterEach
  void stop() {
    if (running != null) {
      running.close();
    }
  }

  /** Starts the service on a green page with no incidents, polled every 30 s, with more settings. */
  private SlackService start(String... settings) {
    running = startAnother(settings);
    return running;
  }

  /** Starts a service as {@link #start} does, without making it the one the test's helpers speak to. */
  private static SlackService startAnother(String... settings) {
    Map<String, String> env = new HashMap<>(Map.of("SLACK_SIGNING_SECRET", "webhook-test-signing-secret",
        "CLAUDE500_POLL_INTERVAL", "30"));
    for (int i = 0; i < settings.length; i += 2) {
      env.put(settings[i], settings[i + 1]);
    }
    return SlackService.start(env, api -> {}, page -> {
      page.serveSummary(FakeStatusPage.Response.json(StatusFixtures.greenSummaryJson()));
      page.serveIncidents(FakeStatusPage.Response.json(NO_INCIDENTS));
    });
  }

  private static void serveRed(SlackService s) {
    s.page.serveSummary(FakeStatusPage.Response.json(StatusFixtures.redSummaryJson()));
    s.page.serveIncidents(FakeStatusPage.Response.json(StatusFixtures.redIncidentsJson()));
  }

  private static boolean posted(SlackService s) {
    return s.slack.topLevel(CHANNEL).stream()
        .anyMatch(m -> IncidentChannel.itemKey(m).equals("incident/" + StatusFixtures.RED_INCIDENT_ID));
  }

  /** Starts the service with the webhook on, a channel subscribed, and waits for the watcher's first round. */
  private SlackService startWatching() {
    SlackService s = start("CLAUDE500_WEBHOOK_TOKEN", TOKEN);
    s.core.store.subscriptions().save(new Subscription(new ChannelRef("slack", CHANNEL), Set.of(), "U0OWNER",
        Instant.now(), Filters.DEFAULT));
    BotProcess.await(() -> s.core.store.leases().find(IncidentWatcher.LEASE).isPresent()
        && s.core.poller.latest().isPresent(), WAIT, "lease and first read");
    // the round that took the lease has read and published: tick waits for it to end (the rounds' lock)
    s.core.poller.tick();
    return s;
  }

  private int reads() {
    return running.page.requestCount(FakeStatusPage.INCIDENTS);
  }

  /** Returns a JSON POST of {@code body} to {@code path} on the running service. */
  private HttpRequest request(String path, String body) {
    return request(running, path, body);
  }

  private static HttpRequest request(SlackService s, String path, String body) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.service.httpPort() + path))
        .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  private HttpResponse<String> post(String path, String body) {
    return post(running, path, body);
  }

  private HttpResponse<String> post(SlackService s, String path, String body) {
    try {
      return client.send(request(s, path, body), HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new AssertionError("POST " + path, e);
    }
  }

  private double pokes(String result) {
    return running.core.registry.find(MeterNames.WEBHOOK_POKES).tag("result", result).counters().stream()
        .mapToDouble(c -> c.count()).sum();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"incident-update.json", "component-update.json"})
  @DisplayName("A Statuspage call of each real shape, answered at once, brings the new incident's post within 2 s on a 30 s poll")
  void aPokeBringsThePostWithinTwoSeconds(String shape) {
    startWatching();
    int before = reads();
    assertThat(running.slack.topLevel(CHANNEL)).as("nothing to post on the green page").isEmpty();
    serveRed(running);

    long t0 = System.nanoTime();
    HttpResponse<String> answer = post(StatusWebhook.PATH + TOKEN, TestData.read(SHAPES + shape));
    Duration answered = Duration.ofNanos(System.nanoTime() - t0);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answered).as("answered without waiting for the read").isLessThan(Duration.ofSeconds(1));

    BotProcess.await(() -> posted(running), Duration.ofSeconds(2).minus(answered), "post of the open incident");
    assertThat(reads()).as("the one read the poke asked for, no poll").isEqualTo(before + 1);
    assertThat(pokes("now")).isEqualTo(1);
  }

  @Test
  @DisplayName("A forged call announcing an incident the page does not show costs one read and posts nothing")
  void aForgedBodyPostsNothing() {
    startWatching();
    int before = reads();
    String forged = TestData.read(SHAPES + "incident-update.json")
        .replace("Elevated errors on Claude Code", "Forged outage of everything")
        .replace("\"impact\": \"major\"", "\"impact\": \"critical\"");

    assertThat(post(StatusWebhook.PATH + TOKEN, forged).statusCode()).isEqualTo(200);
    BotProcess.await(() -> reads() == before + 1, WAIT, "the read the forged call asked for");
    running.core.poller.tick(); // waits for that read's round to end

    assertThat(running.slack.messages(CHANNEL)).as("the page is green: nothing to post").isEmpty();
    assertThat(running.slack.calls("chat.postMessage")).isEmpty();
  }

  @Test
  @DisplayName("A wrong token, a path under the token, and any method with a wrong token get the 404 of a path nobody serves")
  void aWrongTokenIs404() {
    startWatching();
    int before = reads();
    String body = TestData.read(SHAPES + "incident-update.json");
    HttpResponse<String> nowhere = post("/nowhere", body);
    for (String path : List.of(StatusWebhook.PATH + TOKEN.substring(1), StatusWebhook.PATH + TOKEN + "x",
        StatusWebhook.PATH, StatusWebhook.PATH + TOKEN + "/more", StatusWebhook.PATH + TOKEN.toUpperCase())) {
      HttpResponse<String> a = post(path, body);
      assertThat(a.statusCode()).as(path).isEqualTo(404);
      assertThat(a.body()).as(path).isEqualTo(nowhere.body());
    }
    assertThat(RawHttp.get(running.service.httpPort(), StatusWebhook.PATH + "wrong-token-0000000", WAIT).status())
        .isEqualTo(404);
    assertThat(RawHttp.get(running.service.httpPort(), StatusWebhook.PATH + TOKEN, WAIT).status())
        .as("the right token, not a POST").isEqualTo(405);
    assertThat(reads()).as("no read for any of them").isEqualTo(before);
    assertThat(pokes("unknown_token")).isEqualTo(5);
  }

  @Test
  @DisplayName("Without CLAUDE500_WEBHOOK_TOKEN the path answers 404, as a path nobody serves")
  void absentSettingIs404() {
    start();
    HttpResponse<String> nowhere = post("/nowhere", "{}");
    for (String path : List.of(StatusWebhook.PATH + TOKEN, StatusWebhook.PATH, StatusWebhook.PATH + "anything")) {
      HttpResponse<String> a = post(path, TestData.read(SHAPES + "incident-update.json"));
      assertThat(a.statusCode()).as(path).isEqualTo(404);
      assertThat(a.body()).isEqualTo(nowhere.body());
    }
  }

  @Test
  @DisplayName("A 10 MB body is refused with 413 before it is read, declared or chunked")
  void tenMegabytesAreRefused() throws IOException {
    startWatching();
    int before = reads();
    int port = running.service.httpPort();
    String head = "POST " + StatusWebhook.PATH + TOKEN + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n";
    RawHttp.Answer declared = RawHttp.send(port, head + "Content-Length: 10485760\r\n\r\n",
        "{\"incident\":{".getBytes(StandardCharsets.US_ASCII), WAIT);
    assertThat(declared.status()).as(declared.text()).isEqualTo(413);
    assertThat(declared.took()).isLessThan(Duration.ofSeconds(1));

    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 3000);
      long t0 = System.nanoTime();
      OutputStream out = s.getOutputStream();
      out.write((head + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      byte[] piece = ("10000\r\n" + " ".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
      Thread writer = new Thread(() -> {
        try {
          for (int i = 0; i < 160; i++) { // 10 MB in 64 KB chunks, never ended
            out.write(piece);
          }
        } catch (IOException refused) {
          // the server stops reading once it has refused the body
        }
      }, "ten-megabytes");
      writer.setDaemon(true);
      writer.start();
      RawHttp.Answer chunked = RawHttp.read(s, t0, WAIT);
      assertThat(chunked.status()).as(chunked.text()).isEqualTo(413);
      assertThat(chunked.took()).as("refused after 256 KB, not the 10 MB").isLessThan(Duration.ofSeconds(1));
    }
    assertThat(reads()).as("no read for a refused call").isEqualTo(before);
    assertThat(running.core.registry.find(MeterNames.HTTP_REFUSED).tag("reason", "too_large").counter())
        .isNotNull().satisfies(c -> assertThat(c.count()).isGreaterThanOrEqualTo(1));
  }

  @Test
  @DisplayName("Fifty calls at once, each answered 200: one read at once, at most one more when 5 s have passed, none"
      + " besides before the second look")
  void aBurstCostsAtMostOneReadPerSpacing() {
    startWatching();
    int before = reads();
    HttpRequest call = request(StatusWebhook.PATH + TOKEN, TestData.read(SHAPES + "component-update.json"));
    List<CompletableFuture<HttpResponse<String>>> sent = IntStream.range(0, 50)
        .mapToObj(i -> client.sendAsync(call, HttpResponse.BodyHandlers.ofString())).toList();
    assertThat(sent).allSatisfy(f -> assertThat(f.join().statusCode()).isEqualTo(200));

    double now = pokes("now");
    double later = pokes("later");
    assertThat(now).as("the first call reads at once").isEqualTo(1);
    assertThat(later).as("calls after that read wait for the spacing, together").isLessThanOrEqualTo(1);
    assertThat(now + later + pokes("joined")).isEqualTo(50);
    int expected = before + (int) (now + later);
    BotProcess.await(() -> reads() >= expected, StatusPoller.POKE_SPACING.plus(WAIT), "the reads the pokes asked for");
    running.core.poller.tick(); // waits for the round under way, if any
    assertThat(reads()).as("one read per call that did not join one").isEqualTo(expected);
  }

  @Test
  @DisplayName("The body is read only to name the kind of call in the log")
  void theKindOfCallIsNamedForTheLog() {
    assertThat(StatusWebhook.kind(TestData.bytes(SHAPES + "incident-update.json"))).isEqualTo("an incident update");
    assertThat(StatusWebhook.kind(TestData.bytes(SHAPES + "component-update.json"))).isEqualTo("a component update");
    assertThat(StatusWebhook.kind("{\"meta\":{},\"page\":{}}".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("a call of no known kind");
    assertThat(StatusWebhook.kind("[1]".getBytes(StandardCharsets.UTF_8))).isEqualTo("a body that is not a JSON object");
    assertThat(StatusWebhook.kind(new byte[0])).isEqualTo("a body that is not a JSON object");
    assertThat(StatusWebhook.kind("{\"incident\":".getBytes(StandardCharsets.UTF_8))).isEqualTo("a body that is not JSON");
  }

  @Test
  @DisplayName("Two replicas on one PostgreSQL store: a call to the one that does not post reaches the one that does, whose post comes within 2 s")
  void aCallToTheStandbyReachesTheLeaseHolder() {
    try (Postgres pg = Postgres.requireOrSkip()) {
      List<String> onPostgres = new java.util.ArrayList<>(List.of("CLAUDE500_WEBHOOK_TOKEN", TOKEN,
          "CLAUDE500_DB_URL", pg.url(), "CLAUDE500_DB_USER", pg.user()));
      if (pg.password() != null) {
        onPostgres.addAll(List.of("CLAUDE500_DB_PASSWORD", pg.password()));
      }
      String[] settings = onPostgres.toArray(String[]::new);
      running = startAnother(settings);
      try (SlackService other = startAnother(settings)) {
        SlackService first = running;
        first.core.store.subscriptions().save(new Subscription(new ChannelRef("slack", CHANNEL), Set.of(), "U0OWNER",
            Instant.now(), Filters.DEFAULT));
        BotProcess.await(() -> (first.service.holdsWatcherLease() || other.service.holdsWatcherLease())
                && first.service.pokeRelay().map(PokeRelay::listening).orElse(false)
                && other.service.pokeRelay().map(PokeRelay::listening).orElse(false),
            WAIT, "a lease holder, and both replicas listening for each other's pokes");
        SlackService holder = first.service.holdsWatcherLease() ? first : other;
        SlackService standby = holder == first ? other : first;
        holder.core.poller.tick(); // the round that took the lease has ended
        int holderReads = holder.page.requestCount(FakeStatusPage.INCIDENTS);
        serveRed(holder);
        serveRed(standby);

        long t0 = System.nanoTime();
        assertThat(post(standby, StatusWebhook.PATH + TOKEN, TestData.read(SHAPES + "incident-update.json")).statusCode())
            .isEqualTo(200);
        BotProcess.await(() -> posted(holder), Duration.ofSeconds(2).minusNanos(System.nanoTime() - t0),
            "the lease holder's post of the open incident");
        assertThat(holder.page.requestCount(FakeStatusPage.INCIDENTS)).as("the holder read once, told by the standby")
            .isEqualTo(holderReads + 1);
        assertThat(holder.core.registry.find(MeterNames.WEBHOOK_POKES).tag("result", "relayed").counter().count())
            .isEqualTo(1);
        assertThat(posted(standby)).as("the standby posts nothing").isFalse();
      }
    }
  }
}
