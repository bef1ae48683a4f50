package dev.claude500.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claude500.chat.ConversationKey;
import dev.claude500.testing.FakeSlackApi;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Signed requests sent again byte for byte, headers and all, inside the five minutes a signature
 * is good for, as someone who captured one could: the signature verifies again, so what stops a
 * second effect is the delivery's own identity (the command's {@code trigger_id}, the event's
 * {@code event_id}) or the question's token. No request applies twice, and the replays cause no
 * call to Slack. Past the five minutes the same bytes are refused.
 */
@DisplayName("Replayed signed requests: no second effect, and refused once the signature is old")
class ReplayTest {
  @AutoClose
  private final SlackHarness h = SlackHarness.running();

  /** One signed request, kept to be sent again exactly. */
  private record Captured(byte[] body, String contentType, Map<String, String> headers) {
    static Captured of(String body, String contentType, SlackHarness h, Instant at) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      return new Captured(bytes, contentType, h.signer.headers(at, bytes));
    }

    HttpResponse<String> send(SlackHarness h) {
      return h.send(body, contentType, headers);
    }
  }

  private int calls() {
    return h.slack.calls().size();
  }

  private void noNewCalls(int before) {
    SlackHarness.quiet(Duration.ofMillis(400));
    assertThat(h.slack.calls()).as("calls to Slack after the replay").hasSize(before);
  }

  @Test
  void aReplayedSlashCommandStartsNoSecondTriage() {
    Captured command = Captured.of(h.commandBody("U0ALICE", "alice", "", "trigger-replayed"),
        "application/x-www-form-urlencoded", h, Instant.now());
    assertThat(command.send(h).statusCode()).isEqualTo(200);
    h.posted("Which error did Claude Code print?");
    SlackHarness.quiet(Duration.ofMillis(200));
    int before = calls();

    for (int i = 0; i < 3; i++) {
      assertThat(command.send(h).statusCode()).isEqualTo(200);
    }

    noNewCalls(before);
    assertThat(h.slack.calls("chat.postMessage")).filteredOn(c -> c.param("text").contains("started a Claude"))
        .hasSize(1);
  }

  @Test
  void aReplayedClickIsAppliedOnce() {
    h.command("U0ALICE", "alice", "");
    FakeSlackApi.Call which = h.posted("Which error did Claude Code print?");
    JsonNode button = which.json("blocks").findValues("elements").stream()
        .filter(e -> e.path(0).path("type").asText().equals("button")).findFirst().orElseThrow().get(0);
    Captured click = Captured.of("payload=" + SlackHarness.enc(h.clickPayload(which, button,
        which.json("blocks").get(0).path("block_id").asText(), "U0BOB", "bob").toString()),
        "application/x-www-form-urlencoded", h, Instant.now());
    assertThat(click.send(h).statusCode()).isEqualTo(200);
    h.slack.await("chat.update", c -> c.param("ts").equals(which.ts()), SlackHarness.WAIT);
    h.posted("Where does the 500 show up?");
    SlackHarness.quiet(Duration.ofMillis(200));
    int before = calls();

    assertThat(click.send(h).statusCode()).isEqualTo(200);
    assertThat(click.send(h).statusCode()).isEqualTo(200);

    noNewCalls(before);
    String answers = h.store.conversations().find(new ConversationKey("slack", SlackHarness.CHANNEL,
        which.param("thread_ts"))).orElseThrow().state();
    assertThat(answers.split("\"actorId\":\"U0BOB\"", -1)).as("one answer by bob").hasSize(2);
  }

  @Test
  void aReplayedThreadReplyIsAppliedOnce() {
    h.command("U0ALICE", "alice", "");
    String thread = h.posted("Which error did Claude Code print?").param("thread_ts");
    Captured reply = Captured.of(h.eventBody("Ev0REPLAYED", h.replyEvent(thread, "U0CAROL", "1")), "application/json",
        h, Instant.now());
    assertThat(reply.send(h).statusCode()).isEqualTo(200);
    h.posted("Where does the 500 show up?");
    SlackHarness.quiet(Duration.ofMillis(200));
    int before = calls();

    assertThat(reply.send(h).statusCode()).isEqualTo(200);
    assertThat(reply.send(h).statusCode()).isEqualTo(200);

    noNewCalls(before);
    assertThat(h.threadTexts(thread)).filteredOn(t -> t.contains("Where does the 500 show up?")).hasSize(1);
  }

  @Test
  void theSameBytesAreRefusedOnceTheSignatureIsOlderThanFiveMinutes() {
    Captured old = Captured.of(h.commandBody("U0ALICE", "alice", "help", "trigger-old"),
        "application/x-www-form-urlencoded", h, Instant.now().minus(RequestSignature.WINDOW).minusSeconds(2));

    assertThat(old.send(h).statusCode()).isEqualTo(401);
    noNewCalls(0);
  }
}
