package dev.claude500.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.testing.FakeSlackApi;
import dev.claude500.testing.FakeStatusPage;
import dev.claude500.testing.SlackRequests;
import dev.claude500.testing.SlackSigner;
import dev.claude500.testing.StatusFixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar's HTTP port, tried as an attacker would: a thousand connections that never
 * finish their headers, bodies declared huge and sent a byte at a time, chunked bodies without end,
 * requests whose signature headers are already wrong. Health checks and Slack's signed commands
 * must be answered meanwhile, as quickly as ever.
 */
@DisplayName("The HTTP front door of the packaged jar under slow and oversized clients")
class FrontDoorIT {
  private static final String SECRET = "front-door-it-signing-secret";
  /** What a health probe and Slack's acknowledgement may take while the port is under attack. */
  private static final Duration PROMPT = Duration.ofSeconds(1);
  /** How long the test waits for an answer at most before calling it missing. */
  private static final Duration PATIENCE = Duration.ofSeconds(5);
  private static final Pattern CUT_HEADERS = Pattern.compile(
      "claude500_http_connections_cut_total\\{reason=\"headers\"} (\\d+)");
  private static final Pattern CUT_LOG = Pattern.compile("HTTP: cut .*too slow");

  private final SlackSigner signer = new SlackSigner(SECRET);

  private static Map<String, String> env(FakeSlackApi slack, FakeStatusPage page) {
    return Map.of(
        "CLAUDE500_STATUS_URL", page.baseUrl().toString(),
        "CLAUDE500_HTTP_PORT", "0",
        "SLACK_BOT_TOKEN", "xoxb-front-door-it",
        "SLACK_SIGNING_SECRET", SECRET,
        "SLACK_API_URL", slack.apiUrl());
  }

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  @DisplayName("1,000 slow connections are cut while /healthz and signed commands are answered within a second")
  void aThousandSlowClientsAreCutWhileOthersAreServed(@TempDir Path dir) {
    try (FakeSlackApi slack = FakeSlackApi.start(); FakeStatusPage page = FakeStatusPage.start()) {
      page.serveSummary(FakeStatusPage.Response.json(StatusFixtures.greenSummaryJson()));
      try (BotProcess bot = BotProcess.start("bot", dir, env(slack, page))) {
        int port = bot.httpPort();
        SlackEvents events = new SlackEvents(SECRET, () -> port);
        assertThat(RawHttp.get(port, "/healthz", PATIENCE).status()).isEqualTo(200);
        ack(events, slack, "warm-up");
        long rssBefore = bot.residentBytes();

        List<Duration> health = new ArrayList<>();
        List<Duration> acks = new ArrayList<>();
        long rssHeld = 0;
        Duration allCut;
        long opened = System.nanoTime();
        try (SlowClients slow = SlowClients.open(port, 800, 200, Duration.ofSeconds(2))) {
          Duration openedIn = Duration.ofNanos(System.nanoTime() - opened);
          // the first probe waits in the accept queue behind the thousand connections just made
          RawHttp.Answer first = RawHttp.get(port, "/healthz", PATIENCE);
          assertThat(first.status()).as("GET /healthz just after the slow connections: %s", first.text()).isEqualTo(200);
          long deadline = System.nanoTime() + Duration.ofSeconds(25).toNanos();
          int round = 0;
          while (slow.closedByServer() < slow.size() && System.nanoTime() < deadline) {
            RawHttp.Answer h = RawHttp.get(port, "/healthz", PATIENCE);
            assertThat(h.status()).as("GET /healthz with %d slow connections open: %s", slow.size() - slow.closedByServer(),
                h.text()).isEqualTo(200);
            health.add(h.took());
            if (round++ % 2 == 0) {
              acks.add(ack(events, slack, "held-" + round));
            }
            if (slow.closedByServer() == 0) {
              rssHeld = Math.max(rssHeld, bot.residentBytes());
            }
            BotProcess.pause(Duration.ofMillis(200));
          }
          allCut = Duration.ofNanos(System.nanoTime() - opened);
          System.out.printf("FrontDoorIT: %d slow connections opened in %d ms, /healthz behind them %d ms;"
                  + " %d cut by the server after %.1f s; then /healthz max %d ms (n=%d), acks max %d ms (n=%d);"
                  + " RSS %d MB before, %d MB with all open; the server's first words to one: %s%n",
              slow.size(), openedIn.toMillis(), first.took().toMillis(), slow.closedByServer(), allCut.toMillis() / 1000.0,
              Collections.max(health).toMillis(), health.size(), Collections.max(acks).toMillis(), acks.size(),
              rssBefore >> 20, rssHeld >> 20, slow.firstAnswer().lines().findFirst().orElse("nothing"));
          assertThat(slow.closedByServer()).as("slow connections cut by the server").isEqualTo(slow.size());
        }
        assertThat(Collections.max(health)).as("slowest /healthz").isLessThan(PROMPT);
        assertThat(Collections.max(acks)).as("slowest acknowledgement of a signed command").isLessThan(PROMPT);
        assertThat(allCut).as("time until every slow connection was cut").isLessThan(Duration.ofSeconds(20));
        slack.awaitCount("response_url", acks.size() + 1, PATIENCE);

        String metrics = RawHttp.get(port, "/metrics", PATIENCE).body();
        Matcher cut = CUT_HEADERS.matcher(metrics);
        assertThat(cut.find()).as("the cut connections counted in /metrics").isTrue();
        assertThat(Double.parseDouble(cut.group(1))).isGreaterThanOrEqualTo(1000);
        bot.awaitLog(CUT_LOG, PATIENCE);
        assertThat(bot.log().lines().filter(l -> CUT_LOG.matcher(l).find()).count())
            .as("log lines about cut connections (a flood is summed up, not logged one by one)").isBetween(1L, 2L);
      }
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  @DisplayName("Bodies too large, declared or chunked, and bad signatures are refused before the body is read")
  void oversizedAndUnsignedBodiesAreRefusedAtOnce(@TempDir Path dir) throws Exception {
    try (FakeSlackApi slack = FakeSlackApi.start(); FakeStatusPage page = FakeStatusPage.start()) {
      page.serveSummary(FakeStatusPage.Response.json(StatusFixtures.greenSummaryJson()));
      try (BotProcess bot = BotProcess.start("bot", dir, env(slack, page))) {
        int port = bot.httpPort();
        SlackEvents events = new SlackEvents(SECRET, () -> port);
        ack(events, slack, "warm-up");
        long rssBefore = bot.residentBytes();
        List<Socket> stalled = new ArrayList<>();
        try {
          long t0 = System.nanoTime();
          for (int i = 0; i < 20; i++) {
            Socket s = connect(port);
            stalled.add(s);
            String head = signedHead(Instant.now(), "Content-Length: 52428800");
            s.getOutputStream().write((head + "text=").getBytes(StandardCharsets.US_ASCII));
            RawHttp.Answer a = RawHttp.read(s, System.nanoTime(), PATIENCE);
            assertThat(a.status()).as("a declared 50 MB body: %s", a.text()).isEqualTo(413);
            assertThat(a.took()).isLessThan(PROMPT);
            trickle(s);
          }
          System.out.printf("FrontDoorIT: 20 declared 50 MB bodies refused in %d ms%n",
              Duration.ofNanos(System.nanoTime() - t0).toMillis());

          Socket chunked = connect(port);
          stalled.add(chunked);
          long c0 = System.nanoTime();
          OutputStream out = chunked.getOutputStream();
          out.write(signedHead(Instant.now(), "Transfer-Encoding: chunked").getBytes(StandardCharsets.US_ASCII));
          byte[] piece = ("10000\r\n" + "a".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
          try {
            for (int i = 0; i < 32; i++) {
              out.write(piece);
            }
          } catch (IOException cutOff) {
            // the server may stop reading once it has refused the body
          }
          RawHttp.Answer a = RawHttp.read(chunked, c0, PATIENCE);
          assertThat(a.status()).as("a chunked body over 1 MB: %s", a.text()).isIn(413, 0);
          assertThat(a.took()).isLessThan(PROMPT);

          RawHttp.Answer stale = RawHttp.send(port, signedHead(Instant.now().minusSeconds(600), "Content-Length: 500000"),
              new byte[0], PATIENCE);
          assertThat(stale.status()).as("a stale timestamp, body not sent: %s", stale.text()).isEqualTo(401);
          assertThat(stale.took()).isLessThan(PROMPT);
          RawHttp.Answer unsigned = RawHttp.send(port, "POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
              + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 500000\r\n\r\n", new byte[0], PATIENCE);
          assertThat(unsigned.status()).as("no signature, body not sent: %s", unsigned.text()).isEqualTo(401);
          assertThat(unsigned.took()).isLessThan(PROMPT);

          RawHttp.Answer h = RawHttp.get(port, "/healthz", PATIENCE);
          assertThat(h.status()).isEqualTo(200);
          assertThat(h.took()).isLessThan(PROMPT);
          assertThat(ack(events, slack, "after")).isLessThan(PROMPT);
          long rssAfter = bot.residentBytes();
          System.out.printf("FrontDoorIT: RSS %d MB before, %d MB after the oversized bodies%n", rssBefore >> 20,
              rssAfter >> 20);
          assertThat(rssAfter - rssBefore).as("resident memory grown, bytes").isLessThan(40L << 20);
        } finally {
          for (Socket s : stalled) {
            s.close();
          }
        }
      }
    }
  }

  /** Sends a signed {@code /claude500 help} and returns how long its acknowledgement took; fails unless 200. */
  private static Duration ack(SlackEvents events, FakeSlackApi slack, String trigger) {
    String body = SlackRequests.command("C0FRONT", "U0ALICE", "alice", "help", trigger, slack.responseUrl(trigger));
    long t0 = System.nanoTime();
    try {
      HttpResponse<String> r = events.post(body, SlackRequests.FORM, true);
      assertThat(r.statusCode()).as("ack of a signed command: %s", r.body()).isEqualTo(200);
    } catch (IOException e) {
      throw new UncheckedIOException("a signed command got no answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    return Duration.ofNanos(System.nanoTime() - t0);
  }

  /** Returns the request line and headers of a {@code POST /slack/events} signed at {@code at} (over an empty body). */
  private String signedHead(Instant at, String lengthHeader) {
    StringBuilder head = new StringBuilder("POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Content-Type: application/x-www-form-urlencoded\r\n");
    signer.headers(at, new byte[0]).forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
    return head.append(lengthHeader).append("\r\n\r\n").toString();
  }

  private static Socket connect(int port) throws IOException {
    Socket s = new Socket();
    s.connect(new InetSocketAddress("127.0.0.1", port), (int) PATIENCE.toMillis());
    return s;
  }

  /** Sends one more byte, as a stalled sender would; the server may have closed the connection already. */
  private static void trickle(Socket s) {
    try {
      s.getOutputStream().write('a');
    } catch (IOException closed) {
      // refused and closed: what it should be
    }
  }

}
