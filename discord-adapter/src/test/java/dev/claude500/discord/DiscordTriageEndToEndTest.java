package dev.claude500.discord;

import static dev.claude500.testing.FakeDiscord.ALICE;
import static dev.claude500.testing.FakeDiscord.APP_ID;
import static dev.claude500.testing.FakeDiscord.BOB;
import static dev.claude500.testing.FakeDiscord.TRIAGE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claude500.chat.ConversationKey;
import dev.claude500.testing.FakeDiscord.Call;
import dev.claude500.triage.TriageOutcome;
import dev.claude500.triage.TriageView;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** One whole triage through the real JDA client and a loopback Discord: buttons, a modal, a report. */
class DiscordTriageEndToEndTest {
  private static LoopbackDiscord d;

  @BeforeAll
  static void connect() throws Exception {
    d = new LoopbackDiscord();
  }

  @AfterAll
  static void close() {
    d.close();
  }

  @Test
  @DisplayName("a triage runs in a thread from the first reply to the escalation report")
  void fullTriage() throws Exception {
    d.discord.slash(TRIAGE, ALICE, "triage", Map.of());

    Call reply = d.discord.await("POST", "/interactions/\\d+/[^/]+/callback", LoopbackDiscord.WAIT);
    assertThat(reply.body().path("type").asInt()).isEqualTo(4);
    assertThat(reply.body().path("data").path("content").asText()).contains("<@" + ALICE + "> started a Claude Code 500 triage");
    assertThat(reply.body().path("data").path("allowed_mentions").path("parse")).isEmpty();

    Call thread = d.discord.await("POST", "/channels/" + TRIAGE + "/messages/\\d+/threads", LoopbackDiscord.WAIT);
    String threadId = thread.path().split("/")[4];
    assertThat(d.discord.thread(threadId)).isPresent();
    assertThat(d.discord.messagesIn(TRIAGE)).extracting(m -> m.get("id").asText()).containsExactly(threadId);

    ObjectNode first = d.awaitButton(threadId, "API Error: 500 (internal server error)");
    String firstButton = LoopbackDiscord.buttonId(first, "API Error: 500 (internal server error)").orElseThrow();
    assertThat(firstButton).startsWith("c5:a:").endsWith(":500");

    d.discord.click(first.get("id").asText(), firstButton, ALICE);
    ObjectNode where = d.awaitButton(threadId, "While signing in (/login, OAuth)");

    JsonNode edited = d.discord.message(first.get("id").asText()).orElseThrow();
    assertThat(edited.get("content").asText()).contains("API Error: 500 (internal server error)").contains("chosen by <@" + ALICE + ">");
    assertThat(LoopbackDiscord.buttons(edited)).allSatisfy(b -> assertThat(b.path("disabled").asBoolean()).isTrue());
    assertThat(d.discord.calls("PATCH", "/webhooks/" + APP_ID + "/[^/]+/messages/@original")).hasSize(1);

    // A second click on the answered question is stale: acknowledged, nothing else.
    int before = d.discord.calls().size();
    d.discord.click(first.get("id").asText(), firstButton, BOB);
    Call ack = d.discord.await(c -> c.is("POST", "/interactions/\\d+/[^/]+/callback"), 3, LoopbackDiscord.WAIT);
    assertThat(ack.body().path("type").asInt()).isEqualTo(6);
    Thread.sleep(200);
    assertThat(d.discord.calls().subList(before, d.discord.calls().size())).containsExactly(ack);

    d.discord.click(where.get("id").asText(), LoopbackDiscord.buttonId(where, "While signing in (/login, OAuth)").orElseThrow(), ALICE);
    ObjectNode check = d.awaitButton(threadId, "Same sign-in still fails");
    d.discord.click(check.get("id").asText(), LoopbackDiscord.buttonId(check, "Same sign-in still fails").orElseThrow(), ALICE);

    ObjectNode errorLine = d.awaitButton(threadId, "I don't have it");
    String paste = LoopbackDiscord.buttonId(errorLine, DiscordMessages.PASTE_LABEL).orElseThrow();
    d.discord.click(errorLine.get("id").asText(), paste, ALICE);
    Call modal = d.discord.await(c -> c.is("POST", "/interactions/\\d+/[^/]+/callback") && c.body().path("type").asInt() == 9,
        1, LoopbackDiscord.WAIT);
    String modalId = modal.body().path("data").path("custom_id").asText();
    assertThat(modal.body().path("data").path("title").asText()).isNotBlank();
    d.discord.submitModal(errorLine.get("id").asText(), modalId, PasteFlow.TEXT,
        "API Error: 500 {\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"Internal server error\"},"
            + "\"request_id\":\"req_011CXmPAT8xd3GWgKxdq8TRC\"}", ALICE);

    ObjectNode status = d.awaitButton(threadId, "Skip");
    JsonNode pasted = d.discord.message(errorLine.get("id").asText()).orElseThrow();
    assertThat(pasted.get("content").asText()).contains("text pasted by <@" + ALICE + ">").doesNotContain("req_011");
    d.discord.click(status.get("id").asText(), LoopbackDiscord.buttonId(status, "Skip").orElseThrow(), ALICE);
    ObjectNode debug = d.awaitMessage(threadId, m -> !m.get("id").asText().equals(status.get("id").asText())
        && LoopbackDiscord.buttonId(m, "Skip").isPresent(), "the /debug request");
    d.discord.click(debug.get("id").asText(), LoopbackDiscord.buttonId(debug, "Skip").orElseThrow(), ALICE);

    ObjectNode report = d.awaitMessage(threadId, m -> m.path("embeds").size() > 0
        && m.path("embeds").get(0).path("title").asText().equals("Escalation report"), "the report embed");
    List<String> fields = report.path("embeds").get(0).path("fields").findValuesAsText("name");
    assertThat(fields).contains("Error line", "Request id", "Branch tried");
    assertThat(report.path("embeds").get(0).toString()).contains("req\\\\_011CXmPAT8xd3GWgKxdq8TRC");
    ObjectNode body = d.awaitMessage(threadId, m -> m.get("content").asText().startsWith("```"), "the report body");
    assertThat(body.get("content").asText()).contains("escalation report").contains("req_011CXmPAT8xd3GWgKxdq8TRC");

    TriageView view = d.services.engine().find(new ConversationKey("discord", TRIAGE, threadId)).orElseThrow();
    assertThat(view.outcome()).contains(TriageOutcome.ESCALATED);
  }
}
