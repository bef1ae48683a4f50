package dev.claude500.slack;

import dev.claude500.metrics.MeterNames;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claude500.chat.ConversationKey;
import dev.claude500.testing.FakeSlackApi;
import dev.claude500.testing.FakeStatusPage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

@DisplayName("What /slack/events does with requests it must refuse, garbled ones and huge ones")
class RefusalsTest {
  private SlackHarness h;

  @BeforeEach
  void start() throws Exception {
    h = new SlackHarness().started();
  }

  @AfterEach
  void stop() {
    h.close();
  }

  private HttpResponse<String> withHeaders(String body, Map<String, String> headers) {
    return h.send(body.getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded", headers);
  }

  private void nothingWasCalled() {
    SlackHarness.quiet(Duration.ofMillis(300));
    assertThat(h.slack.calls()).isEmpty();
    assertThat(h.store.conversations().findOpenIdleSince(Instant.now().plusSeconds(60), 10)).isEmpty();
  }

  @Test
  void anUnsignedRequestIs401WithNoSideEffects() {
    String body = h.commandBody("U0ALICE", "alice", "", "trigger-unsigned");
    assertThat(withHeaders(body, Map.of()).statusCode()).isEqualTo(401);
    nothingWasCalled();
  }

  @Test
  void aWrongSignatureIs401WithNoSideEffects() {
    String body = h.commandBody("U0ALICE", "alice", "", "trigger-bad");
    Map<String, String> headers = new HashMap<>(h.signer.headers(Instant.now(), body.getBytes(StandardCharsets.UTF_8)));
    headers.put("X-Slack-Signature", "v0=" + "0".repeat(64));
    assertThat(withHeaders(body, headers).statusCode()).isEqualTo(401);

    Map<String, String> otherSecret = new dev.claude500.testing.SlackSigner("not-the-secret")
        .headers(Instant.now(), body.getBytes(StandardCharsets.UTF_8));
    assertThat(withHeaders(body, otherSecret).statusCode()).isEqualTo(401);

    Map<String, String> signedOtherBody = h.signer.headers(Instant.now(), (body + "x").getBytes(StandardCharsets.UTF_8));
    assertThat(withHeaders(body, signedOtherBody).statusCode()).isEqualTo(401);
    nothingWasCalled();
  }

  @Test
  void aStaleOrFutureTimestampIs401WithNoSideEffects() {
    String body = h.commandBody("U0ALICE", "alice", "", "trigger-stale");
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    assertThat(withHeaders(body, h.signer.headers(Instant.now().minusSeconds(6 * 60), bytes)).statusCode()).isEqualTo(401);
    assertThat(withHeaders(body, h.signer.headers(Instant.now().plusSeconds(6 * 60), bytes)).statusCode()).isEqualTo(401);
    assertThat(withHeaders(body, Map.of("X-Slack-Request-Timestamp", "yesterday",
        "X-Slack-Signature", h.signer.signature(0, bytes))).statusCode()).isEqualTo(401);
    nothingWasCalled();
  }

  @Test
  void aSignedRequestFourMinutesOldIsTaken() {
    String body = h.commandBody("U0ALICE", "alice", "help", "trigger-late");
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    assertThat(withHeaders(body, h.signer.headers(Instant.now().minusSeconds(4 * 60), bytes)).statusCode()).isEqualTo(200);
    h.slack.await("response_url", c -> true, SlackHarness.WAIT);
  }

  @Test
  void aBodyOverOneMegabyteIs413() {
    String body = "text=" + "a".repeat(EventsEndpoint.MAX_BODY);
    assertThat(h.signed(body, "application/x-www-form-urlencoded", Map.of()).statusCode()).isEqualTo(413);
    nothingWasCalled();
  }

  @Test
  @DisplayName("A request whose signature headers are missing, malformed or stale is refused on its head alone")
  void theHeadIsScreenedBeforeTheBody() {
    EventsEndpoint endpoint = h.adapter.eventsEndpoint().orElseThrow();
    byte[] body = h.commandBody("U0ALICE", "alice", "", "trigger-head").getBytes(StandardCharsets.UTF_8);
    Map<String, String> fresh = h.signer.headers(Instant.now(), body);
    Map<String, String> stale = h.signer.headers(Instant.now().minusSeconds(6 * 60), body);

    assertThat(endpoint.screen("POST", fresh::get, "127.0.0.1")).as("fresh: the body is wanted").isEmpty();
    assertThat(endpoint.screen("POST", stale::get, "127.0.0.1")).map(EventsEndpoint.Answer::status).contains(401);
    assertThat(endpoint.screen("POST", name -> null, "127.0.0.1")).map(EventsEndpoint.Answer::status).contains(401);
    assertThat(endpoint.screen("POST", name -> name.equals("X-Slack-Signature") ? "v0=short" : fresh.get(name),
        "127.0.0.1")).map(EventsEndpoint.Answer::status).contains(401);
    assertThat(endpoint.screen("GET", fresh::get, "127.0.0.1")).map(EventsEndpoint.Answer::status).contains(405);
    nothingWasCalled();
  }

  @Test
  @DisplayName("A signed command picked up after Slack's 3 s gets 503 and starts nothing; sent again, it is taken")
  void aRequestPickedUpLateIsNotActedOn() {
    EventsEndpoint endpoint = h.adapter.eventsEndpoint().orElseThrow();
    byte[] body = h.commandBody("U0ALICE", "alice", "", "trigger-late").getBytes(StandardCharsets.UTF_8);
    Map<String, List<String>> headers = new HashMap<>();
    h.signer.headers(Instant.now(), body).forEach((k, v) -> headers.put(k, List.of(v)));
    headers.put("Content-Type", List.of("application/x-www-form-urlencoded"));

    EventsEndpoint.Answer late = endpoint.answer(SlackAdapter.EVENTS_PATH, headers, body, "127.0.0.1",
        h.clock.instant().minus(EventsEndpoint.ACK_WINDOW).minusMillis(1));
    assertThat(late.status()).isEqualTo(503);
    assertThat(late.body()).isEqualTo("too late\n");
    nothingWasCalled();
    assertThat(h.registry.get(dev.claude500.metrics.MeterNames.HTTP_REFUSED).tag("reason", "late").counter().count())
        .isEqualTo(1);

    assertThat(endpoint.answer(SlackAdapter.EVENTS_PATH, headers, body, "127.0.0.1", h.clock.instant()).status())
        .isEqualTo(200);
    h.posted("Which error did Claude Code print?");
  }

  @Test
  void garbledSignedPayloadsAreAnsweredWithoutACrash() {
    assertThat(h.signed("payload=%7Bnot%20json", "application/x-www-form-urlencoded", Map.of()).statusCode()).isEqualTo(400);
    assertThat(h.signed("{\"type\":\"event_callback\"}", "application/json", Map.of()).statusCode()).isEqualTo(400);
    assertThat(h.signed("{\"type\":\"event_callback\",\"event\":{}}", "application/json", Map.of()).statusCode()).isEqualTo(400);
    assertThat(h.signed("{not json", "application/json", Map.of()).statusCode()).isEqualTo(400);
    assertThat(h.signed("", "application/json", Map.of()).statusCode()).isEqualTo(400);
    assertThat(h.signed("hello=world", "application/x-www-form-urlencoded", Map.of()).statusCode()).isEqualTo(400);
    assertThat(h.signed("\u0000\u00ff\ud83d", "application/octet-stream", Map.of()).statusCode()).isEqualTo(400);
    assertThat(h.signed("command=%2Fclaude500&text=", "application/x-www-form-urlencoded", Map.of()).statusCode())
        .isEqualTo(200);
    assertThat(h.signed("payload=" + SlackHarness.enc("{\"type\":\"block_actions\",\"actions\":[{\"action_id\":"
        + "\"claude500_answer_0\",\"value\":\"garbage\"}],\"user\":{\"id\":\"U1\"}}"), "application/x-www-form-urlencoded",
        Map.of()).statusCode()).isEqualTo(200);
    assertThat(h.signed("payload=" + SlackHarness.enc("{\"type\":\"block_actions\",\"actions\":[]}"),
        "application/x-www-form-urlencoded", Map.of()).statusCode()).isBetween(200, 499);
    assertThat(h.signed("{\"type\":\"event_callback\",\"event_id\":\"Ev9\",\"event\":{\"type\":\"reaction_added\"}}",
        "application/json", Map.of()).statusCode()).isEqualTo(200);
    assertThat(h.signed("{\"type\":\"url_verification\",\"challenge\":\"abc123\"}", "application/json", Map.of()).body())
        .isEqualTo("abc123");
    nothingWasCalled();

    h.command("U0ALICE", "alice", "");
    h.posted("Which error did Claude Code print?");
  }

  @Test
  void anEventWithABlockSlacksTypesCannotReadIsUnreadableNotAFailure() {
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    Logger endpoint = (Logger) LoggerFactory.getLogger(EventsEndpoint.class);
    endpoint.addAppender(logged);
    try {
      h.command("U0ALICE", "alice", "");
      String thread = h.posted("Which error did Claude Code print?").param("thread_ts");
      ObjectNode event = h.replyEvent(thread, "U0CAROL", "500");
      event.putArray("blocks").addObject().put("text", "a block without its type");
      HttpResponse<String> answer = h.event("Ev0NOTYPE", event, Map.of());
      assertThat(answer.statusCode()).isEqualTo(400);
      assertThat(answer.body()).isEqualTo("unreadable payload\n");
      List<ILoggingEvent> events;
      synchronized (logged) {
        events = List.copyOf(logged.list);
      }
      assertThat(events).extracting(e -> e.getLevel().toString()).containsOnly("INFO");
      SlackHarness.quiet(Duration.ofMillis(300));
      assertThat(h.threadTexts(thread)).noneMatch(t -> t.startsWith("Where does the 500 show up?"));
    } finally {
      endpoint.detachAppender(logged);
    }
  }

  @Test
  void twoHundredKilobytesOfTextAreTakenBoundedAndTheTriageGoesOn() {
    String huge = "x".repeat(200_000);
    assertThat(h.command("U0ALICE", "alice", huge).statusCode()).isEqualTo(200);
    FakeSlackApi.Call which = h.posted("Which error did Claude Code print?");
    String thread = which.param("thread_ts");
    h.click(which, "500", "U0BOB", "bob");
    h.click(h.posted("Where does the 500 show up?"), "every", "U0BOB", "bob");
    h.click(h.posted("After fixing the route or credentials"), "still-failing", "U0BOB", "bob");
    h.posted("Paste the exact error line");

    assertThat(h.reply("Ev0HUGE", thread, "U0CAROL", "y".repeat(200_000), Map.of()).statusCode()).isEqualTo(200);
    h.posted("Run /status in Claude Code");
    h.click(h.slack.await("chat.postMessage", c -> c.param("text").contains("Run /status in Claude Code"),
        SlackHarness.WAIT), "skip", "U0BOB", "bob");
    h.click(h.posted("paste the /debug output"), "skip", "U0BOB", "bob");

    FakeSlackApi.Call report = h.posted("Escalation report");
    assertThat(report.json("blocks").size()).isLessThanOrEqualTo(SlackMessages.MAX_BLOCKS);
    assertThat(report.param("text").length()).isLessThanOrEqualTo(SlackMessages.MAX_TEXT);
    report.json("blocks").findValues("text").forEach(t ->
        assertThat(t.isTextual() ? t.asText() : t.path("text").asText()).hasSizeLessThanOrEqualTo(SlackMessages.MAX_SECTION));
    assertThat(report.blockText()).contains("(cut: ");
    assertThat(h.engine.find(new ConversationKey("slack", SlackHarness.CHANNEL, thread)).orElseThrow().open()).isFalse();
  }

  @Test
  void whenTheWorkerIsFullTheAckSaysSoAndNothingWaits() throws Exception {
    h.close();
    h = new SlackHarness(SlackHarness.tuning(1, 1));
    h.page.serveSummary(FakeStatusPage.Response.json(dev.claude500.testing.StatusFixtures.greenSummaryJson())
        .withDelay(Duration.ofSeconds(2)));
    h.started();

    long start = System.nanoTime();
    h.command("U0ALICE", "alice", "status");
    SlackHarness.quiet(Duration.ofMillis(100));
    h.command("U0ALICE", "alice", "status");
    HttpResponse<String> third = h.command("U0ALICE", "alice", "status");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    assertThat(third.statusCode()).isEqualTo(200);
    assertThat(third.body()).contains(CommandListener.BUSY);
    h.slack.awaitCount("response_url", 2, SlackHarness.WAIT);
  }
}
