package dev.claude500.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.metrics.BotMetrics;
import dev.claude500.metrics.MeterNames;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The HTTP front door: deadlines, body bounds, lanes")
class HttpEndpointsTest {
  /** Deadlines short enough for a unit test. */
  private static final HttpLimits LIMITS = new HttpLimits(Duration.ofMillis(800), Duration.ofMillis(800),
      Duration.ofSeconds(30), 64);
  private static final Duration WAIT = Duration.ofSeconds(5);

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final CountDownLatch release = new CountDownLatch(1);
  private final Lane echoLane = Lane.pool("echo", 1, 1);
  private final HttpEndpoints http;

  HttpEndpointsTest() throws Exception {
    http = HttpEndpoints.bind(0, LIMITS, Clock.systemUTC(), new BotMetrics(registry));
    http.route("/echo", echoLane, 1000, new Route() {
      @Override
      public Optional<Reply> screen(Head head) {
        return head.header("X-Key") == null ? Optional.of(Reply.text(401, "no key\n")) : Optional.empty();
      }

      @Override
      public Reply answer(Head head, byte[] body) {
        return Reply.text(200, "got " + body.length + " " + new String(body, StandardCharsets.UTF_8));
      }
    });
    http.route("/wait", echoLane, 0, (head, body) -> {
      await(release);
      return Route.Reply.text(200, "done\n");
    });
    http.route("/arrived", Lane.INLINE, 0,
        (head, body) -> Route.Reply.text(200, Long.toString(head.arrived().toEpochMilli())));
    http.start();
  }

  @AfterEach
  void stop() {
    release.countDown();
    http.close();
  }

  private int port() {
    return http.port();
  }

  private double counted(String name, String reason) {
    return registry.find(name).tag("reason", reason).counters().stream().mapToDouble(c -> c.count()).sum();
  }

  @Test
  void aBodyIsReadAndAnsweredOnTheRoutesLane() {
    RawHttp.Answer a = RawHttp.send(port(), post("Content-Length: 5"), "hello".getBytes(StandardCharsets.US_ASCII), WAIT);
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body()).isEqualTo("got 5 hello");
    RawHttp.Answer chunked = RawHttp.send(port(), post("Transfer-Encoding: chunked"),
        "3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII), WAIT);
    assertThat(chunked.body()).isEqualTo("got 5 abcde");
    assertThat(RawHttp.get(port(), "/nowhere", WAIT).status()).isEqualTo(404);
  }

  @Test
  @DisplayName("Heads that trickle or never come are cut at the header deadline, counted, and others are served")
  void slowHeadsAreCut() {
    try (SlowClients slow = SlowClients.open(port(), 6, 4, Duration.ofMillis(200))) {
      BotProcess.await(() -> slow.closedByServer() == slow.size(), WAIT, "every slow connection cut");
      assertThat(slow.firstAnswer()).as("cut without an answer").isEmpty();
    }
    assertThat(counted(MeterNames.HTTP_CUT, "headers")).isEqualTo(10);
    assertThat(RawHttp.get(port(), "/healthz", WAIT).status()).isEqualTo(200);
  }

  @Test
  @DisplayName("A kept-alive connection may idle past the header deadline; the head of its next request may not")
  void idleBetweenRequestsIsNotSlow() throws Exception {
    try (Socket s = connect()) {
      OutputStream out = s.getOutputStream();
      out.write(get("/healthz").getBytes(StandardCharsets.US_ASCII));
      assertThat(RawHttp.read(s, System.nanoTime(), WAIT).status()).isEqualTo(200);
      BotProcess.pause(LIMITS.headers().multipliedBy(2)); // quiet between requests: no deadline runs
      long sentAt = System.currentTimeMillis();
      out.write(get("/arrived").getBytes(StandardCharsets.US_ASCII));
      RawHttp.Answer later = RawHttp.read(s, System.nanoTime(), WAIT);
      assertThat(later.status()).as("the same connection, later").isEqualTo(200);
      assertThat(Long.parseLong(later.body())).as("arrived: when its first byte came, not when the connection fell quiet")
          .isGreaterThanOrEqualTo(sentAt - 50);

      out.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
      long t0 = System.nanoTime();
      RawHttp.Answer cut = RawHttp.read(s, t0, WAIT);
      assertThat(cut.status()).as("a head begun and never ended: %s", cut.text()).isZero();
      assertThat(cut.took()).isBetween(LIMITS.headers(), LIMITS.headers().plusSeconds(2));
    }
    assertThat(counted(MeterNames.HTTP_CUT, "headers")).isEqualTo(1);
  }

  @Test
  void aBodyThatStallsGets408AndItsConnectionClosed() throws Exception {
    try (Socket s = connect()) {
      s.getOutputStream().write((post("Content-Length: 100") + "only ten b").getBytes(StandardCharsets.US_ASCII));
      long t0 = System.nanoTime();
      RawHttp.Answer a = RawHttp.read(s, t0, WAIT);
      assertThat(a.status()).isEqualTo(408);
      assertThat(a.took()).isBetween(LIMITS.body().minusMillis(100), LIMITS.body().plusSeconds(2));
      assertThat(a.text()).containsIgnoringCase("Connection: close");
      assertThat(s.getInputStream().read()).as("closed after the answer").isEqualTo(-1);
    }
    assertThat(counted(MeterNames.HTTP_CUT, "body")).isEqualTo(1);
  }

  @Test
  @DisplayName("Bodies over the limit get 413: a declared one before a byte of it is read, a chunked one as it passes")
  void bodiesOverTheLimitAre413() throws Exception {
    RawHttp.Answer declared = RawHttp.send(port(), post("Content-Length: 52428800"), new byte[0], WAIT);
    assertThat(declared.status()).isEqualTo(413);
    assertThat(declared.took()).isLessThan(Duration.ofSeconds(1));

    try (Socket s = connect()) {
      OutputStream out = s.getOutputStream();
      out.write(post("Transfer-Encoding: chunked").getBytes(StandardCharsets.US_ASCII));
      out.write(("400\r\n" + "a".repeat(0x400) + "\r\n").getBytes(StandardCharsets.US_ASCII)); // 1024 > 1000, never ended
      RawHttp.Answer chunked = RawHttp.read(s, System.nanoTime(), WAIT);
      assertThat(chunked.status()).isEqualTo(413);
      assertThat(chunked.took()).isLessThan(Duration.ofSeconds(1));
    }
    assertThat(counted(MeterNames.HTTP_REFUSED, "too_large")).isEqualTo(2);
  }

  @Test
  void headersOverEightKilobytesAre431() {
    RawHttp.Answer a = RawHttp.send(port(), "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "b".repeat(9000)
        + "\r\n\r\n", new byte[0], WAIT);
    assertThat(a.status()).isEqualTo(431);
  }

  @Test
  void theHeadAloneCanRefuseBeforeTheBodyIsSent() {
    RawHttp.Answer a = RawHttp.send(port(), "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 900\r\n\r\n",
        new byte[0], WAIT);
    assertThat(a.status()).isEqualTo(401);
    assertThat(a.took()).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  @DisplayName("A lane whose queue is full answers 503 at once, and /healthz answers meanwhile")
  void aFullLaneSaysBusyAndHealthStillAnswers() throws Exception {
    try (Socket running = takeTheLane()) {
      RawHttp.Answer health = RawHttp.get(port(), "/healthz", WAIT);
      assertThat(health.status()).isEqualTo(200);
      assertThat(health.took()).isLessThan(Duration.ofSeconds(1));
      release.countDown();
      assertThat(RawHttp.read(running, System.nanoTime(), WAIT).status()).isEqualTo(200);
    }
    assertThat(counted(MeterNames.HTTP_REFUSED, "busy")).isPositive();
  }

  @Test
  @DisplayName("Closing shuts the port at once and lets an answer under way finish")
  void closingFinishesWhatIsUnderWay() throws Exception {
    try (Socket running = takeTheLane()) {
      int port = port();
      Thread closer = new Thread(http::close);
      closer.start();
      BotProcess.await(() -> RawHttp.get(port, "/healthz", Duration.ofMillis(500)).text().contains("Connection refused"),
          WAIT, "the port closed while an answer is under way");
      release.countDown();
      assertThat(RawHttp.read(running, System.nanoTime(), WAIT).status()).as("the answer under way").isEqualTo(200);
      closer.join(WAIT.toMillis());
      assertThat(closer.isAlive()).isFalse();
    }
  }

  /**
   * Sends {@code GET /wait} on a connection of its own, which holds the lane's thread until the test
   * releases it, and waits until the lane's queue is full too (a request gets 503); returns that connection.
   */
  private Socket takeTheLane() throws IOException {
    Socket running = connect();
    running.getOutputStream().write(get("/wait").getBytes(StandardCharsets.US_ASCII));
    BotProcess.await(() -> RawHttp.send(port(), get("/wait"), new byte[0], Duration.ofMillis(500)).status() == 503,
        WAIT, "a 503 once the lane's thread and queue are taken");
    return running;
  }

  private Socket connect() throws IOException {
    Socket s = new Socket();
    s.connect(new InetSocketAddress("127.0.0.1", port()), 2000);
    return s;
  }

  private static String post(String lengthHeader) {
    return "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Key: k\r\n" + lengthHeader + "\r\n\r\n";
  }

  private static String get(String path) {
    return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("not released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
