package dev.claude500.discord;

import static dev.claude500.testing.FakeDiscord.ALICE;
import static dev.claude500.testing.FakeDiscord.INCIDENTS;
import static dev.claude500.testing.FakeDiscord.TRIAGE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.MessageRef;
import dev.claude500.chat.Reply;
import dev.claude500.testing.FakeDiscord.Call;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The subcommands other than a plain triage, through the real JDA client and a loopback Discord. */
class DiscordCommandsEndToEndTest {
  private static LoopbackDiscord d;

  @BeforeAll
  static void connect() throws Exception {
    d = new LoopbackDiscord();
  }

  @AfterAll
  static void close() {
    d.close();
  }

  private static Call answer(String interactionId) throws InterruptedException {
    return d.discord.await(c -> c.is("POST", "/webhooks/.*/itoken-" + interactionId), 1, LoopbackDiscord.WAIT);
  }

  private static void acknowledgedQuickly(String interactionId) throws InterruptedException {
    d.discord.awaitCallback(interactionId, LoopbackDiscord.WAIT);
    assertThat(d.discord.acknowledgedAfter(interactionId)).hasValueSatisfying(
        t -> assertThat(t).isLessThan(Duration.ofSeconds(1)));
  }

  @Test
  @DisplayName("status: an ephemeral embed coloured by the indicator, a field per component, the age of the data")
  void status() throws Exception {
    String id = d.discord.slash(INCIDENTS, ALICE, "status", Map.of());
    Call ack = d.discord.awaitCallback(id, LoopbackDiscord.WAIT);
    assertThat(ack.body().path("type").asInt()).isEqualTo(5);
    assertThat(ack.body().path("data").path("flags").asInt() & 64).isEqualTo(64);
    acknowledgedQuickly(id);

    Call status = answer(id);
    assertThat(status.body().path("flags").asInt() & 64).isEqualTo(64);
    JsonNode embed = status.body().path("embeds").get(0);
    assertThat(embed.path("title").asText()).isEqualTo("🟢 Status page: green");
    assertThat(embed.path("color").asInt()).isEqualTo(Colours.GREEN);
    assertThat(embed.path("fields").findValuesAsText("name")).contains("🟢 Claude Code", "Open incidents");
    assertThat(embed.path("footer").path("text").asText()).startsWith("as of ");
  }

  @Test
  @DisplayName("help answers only the person who asked, with Discord's own usage")
  void help() throws Exception {
    String id = d.discord.slash(INCIDENTS, ALICE, "help", Map.of());
    Call help = answer(id);
    assertThat(help.body().path("flags").asInt() & 64).isEqualTo(64);
    assertThat(help.body().path("content").asText()).contains("/claude500 triage").contains("/claude500 subscribe");
  }

  @Test
  @DisplayName("subscribe with components, then subscriptions and unsubscribe, all about this channel")
  void subscriptionCycle() throws Exception {
    String channel = TRIAGE;
    Call subscribed = answer(d.discord.slash(channel, ALICE, "subscribe", Map.of("components", "ClaudeCode api")));
    assertThat(subscribed.body().path("content").asText()).startsWith("Subscribed").contains("Claude Code")
        .contains("Claude API");
    assertThat(d.services.store().subscriptions().find(new ChannelRef("discord", channel)).orElseThrow().subscribedBy())
        .isEqualTo(ALICE);
    assertThat(answer(d.discord.slash(channel, ALICE, "subscriptions", Map.of())).body().path("content").asText())
        .contains("Claude Code");
    assertThat(answer(d.discord.slash(channel, ALICE, "unsubscribe", Map.of())).body().path("content").asText())
        .startsWith("Unsubscribed");
  }

  @Test
  @DisplayName("autocomplete suggests component names from the page, keeping names typed before")
  void autocomplete() throws Exception {
    String id = d.discord.autocomplete(INCIDENTS, ALICE, "api claude co");
    Call choices = d.discord.awaitCallback(id, LoopbackDiscord.WAIT);
    assertThat(choices.body().path("type").asInt()).isEqualTo(8);
    List<String> values = choices.body().path("data").path("choices").findValuesAsText("value");
    assertThat(values).contains("api ClaudeCode", "api ClaudeConsole").allSatisfy(v -> assertThat(v).startsWith("api "));
    acknowledgedQuickly(id);
  }

  @Test
  @DisplayName("a pasted error line answers the first questions; the thread starts at the next one")
  void triageWithTheErrorLine() throws Exception {
    String id = d.discord.slash(INCIDENTS, ALICE, "triage", Map.of("error",
        "API Error: 500 {\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"Internal server error\"},"
            + "\"request_id\":\"req_011CXmPAT8xd3GWgKxdq8TRC\"}"));
    acknowledgedQuickly(id);
    Call reply = d.discord.awaitCallback(id, LoopbackDiscord.WAIT);
    String first = d.discord.messagesIn(INCIDENTS).stream()
        .filter(m -> m.path("content").asText().equals(reply.body().path("data").path("content").asText()))
        .reduce((a, b) -> b).orElseThrow().path("id").asText();
    d.awaitButton(first, "While signing in (/login, OAuth)");
    assertThat(d.discord.messagesIn(first).get(0).path("content").asText()).contains("req").contains("500");
  }

  @Test
  @DisplayName("in a thread that has no triage the triage runs there; in one that has, the person is told")
  void triageInsideAThread() throws Exception {
    ChannelRef channel = new ChannelRef("discord", INCIDENTS);
    MessageRef top = d.adapter.chatPort().post(channel, Reply.Message.of("An incident"));
    d.adapter.chatPort().postInThread(channel, top.messageId(), Reply.Message.of("An update"), false);
    String thread = top.messageId();

    String first = d.discord.slash(thread, ALICE, "triage", Map.of());
    assertThat(d.discord.awaitCallback(first, LoopbackDiscord.WAIT).body().path("type").asInt()).isEqualTo(5);
    assertThat(answer(first).body().path("content").asText()).contains("started a Claude Code 500 triage");
    d.awaitButton(thread, "API Error: 500 (internal server error)");

    String second = d.discord.slash(thread, ALICE, "triage", Map.of());
    assertThat(answer(second).body().path("content").asText()).contains("already has a triage");
  }
}
