package dev.claude500.discord;

import static dev.claude500.testing.FakeDiscord.ALICE;
import static dev.claude500.testing.FakeDiscord.APP_ID;
import static dev.claude500.testing.FakeDiscord.GUILD_ID;
import static dev.claude500.testing.FakeDiscord.TRIAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claude500.testing.FakeDiscord.Call;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the bot asks of Discord when it connects, and what it leaves out, through the loopback gateway and REST API. */
class DiscordGatewaySessionTest {
  private static final long GUILDS_INTENT = 1L;
  private static final long MESSAGE_CONTENT_INTENT = 1L << 15;
  private static final Duration QUICK = Duration.ofSeconds(1);

  @Test
  @DisplayName("IDENTIFY asks for the GUILDS intent only, heartbeats are sent, /claude500 is registered in the named server")
  void sessionAndServerRegistration() throws Exception {
    try (LoopbackDiscord d = new LoopbackDiscord()) {
      long intents = d.discord.identifyPayload().orElseThrow().path("intents").asLong(-1);
      assertThat(intents).isEqualTo(GUILDS_INTENT);
      assertThat(intents & MESSAGE_CONTENT_INTENT).isZero();
      long deadline = System.nanoTime() + LoopbackDiscord.WAIT.toNanos();
      while (d.discord.heartbeats() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(d.discord.heartbeats()).isPositive();
      assertThat(d.adapter.isReady()).isTrue();

      List<Call> registered = d.discord.calls("PUT", "/applications/" + APP_ID + "/guilds/" + GUILD_ID + "/commands");
      assertThat(registered).hasSize(1);
      assertThat(d.discord.calls("PUT", "/applications/" + APP_ID + "/commands")).isEmpty();
      JsonNode command = registered.get(0).body().get(0);
      assertThat(command.path("name").asText()).isEqualTo("claude500");
      JsonNode subcommands = command.path("options");
      List<String> names = new ArrayList<>();
      subcommands.forEach(s -> names.add(s.path("name").asText()));
      assertThat(names).containsExactly("triage", "status", "subscribe", "unsubscribe", "subscriptions", "autodetect",
          "playbooks", "playbook", "stats", "help");
      subcommands.forEach(s -> assertThat(s.path("type").asInt()).isEqualTo(1));
      JsonNode error = subcommands.get(0).path("options").get(0);
      assertThat(error.path("name").asText()).isEqualTo("error");
      assertThat(error.path("type").asInt()).isEqualTo(3);
      assertThat(error.path("required").asBoolean(false)).isFalse();
      JsonNode components = subcommands.get(2).path("options").get(0);
      assertThat(components.path("name").asText()).isEqualTo("components");
      assertThat(components.path("autocomplete").asBoolean()).isTrue();
      assertThat(components.path("required").asBoolean(false)).isFalse();
      JsonNode autodetect = subcommands.get(5).path("options").get(0);
      assertThat(autodetect.path("choices").findValuesAsText("value")).containsExactly("on", "off");
      JsonNode playbook = subcommands.get(7).path("options");
      assertThat(playbook.findValuesAsText("name")).containsExactly("id", "error");
      assertThat(playbook.get(0).path("required").asBoolean(false)).isTrue();
      assertThat(d.adapter.inviteUrl()).contains(InviteUrl.of(APP_ID));
    }
  }

  @Test
  @DisplayName("without DISCORD_GUILD_IDS /claude500 is registered globally")
  void globalRegistration() throws Exception {
    try (LoopbackDiscord d = new LoopbackDiscord(List.of())) {
      assertThat(d.discord.calls("PUT", "/applications/" + APP_ID + "/commands")).singleElement()
          .satisfies(c -> assertThat(c.body().get(0).path("name").asText()).isEqualTo("claude500"));
      assertThat(d.discord.calls("PUT", "/applications/" + APP_ID + "/guilds/.*")).isEmpty();
    }
  }

  @Test
  @DisplayName("with a store that takes two seconds a call, slash commands and a click are acknowledged at once")
  void acknowledgementsNeverWaitOnTheStore() throws Exception {
    try (LoopbackDiscord d = new LoopbackDiscord(List.of(GUILD_ID), Duration.ofSeconds(2))) {
      for (String sub : List.of("status", "help", "subscriptions", "triage")) {
        quicklyAcknowledged(d, d.discord.slash(TRIAGE, ALICE, sub, Map.of()), sub);
      }
      String thread = d.discord.await("POST", "/channels/" + TRIAGE + "/messages/\\d+/threads", LoopbackDiscord.WAIT)
          .path().split("/")[4];
      ObjectNode question = d.awaitMessage(thread, m -> m.path("components").size() > 0, "the first question");
      String button = LoopbackDiscord.buttons(question).get(0).path("custom_id").asText();
      quicklyAcknowledged(d, d.discord.click(question.get("id").asText(), button, ALICE), "a click");
    }
  }

  private static void quicklyAcknowledged(LoopbackDiscord d, String interactionId, String what) throws Exception {
    d.discord.awaitCallback(interactionId, LoopbackDiscord.WAIT);
    assertThat(d.discord.acknowledgedAfter(interactionId)).as(what)
        .hasValueSatisfying(t -> assertThat(t).isLessThan(QUICK));
  }

  @Test
  @DisplayName("JDA's voice codec and voice encryption are not on the class path: the bot never joins voice")
  void noVoiceLibraries() {
    ClassLoader loader = getClass().getClassLoader();
    assertThatThrownBy(() -> Class.forName("club.minnced.opus.util.OpusLibrary", false, loader))
        .isInstanceOf(ClassNotFoundException.class);
    assertThatThrownBy(() -> Class.forName("com.google.crypto.tink.Aead", false, loader))
        .isInstanceOf(ClassNotFoundException.class);
    assertThat(loader.getResource("natives/linux-x86-64/libopus.so")).isNull();
  }
}
