package dev.claude500.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.MessageRef;
import dev.claude500.chat.Reply;
import dev.claude500.testing.FakeDiscord;
import dev.claude500.testing.FakeStatusPage;
import dev.claude500.testing.StatusFixtures;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Service mode with DISCORD_* set: the launcher starts the Discord adapter against a loopback Discord. */
class DiscordServiceTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  @DisplayName("DISCORD_BOT_TOKEN with the API and gateway URLs starts Discord; a triage and a post go through")
  void discordThroughTheLauncher() throws Exception {
    try (FakeDiscord discord = FakeDiscord.start(); FakeStatusPage page = FakeStatusPage.start()) {
      page.serveSummary(FakeStatusPage.Response.json(StatusFixtures.greenSummaryJson()));
      Map<String, String> env = DiscordEnvironment.of("discord-service", discord, page);
      try (Core core = Core.build(Settings.fromEnvironment(env), Clock.systemUTC())) {
        Service service = Service.start(core);
        try {
          assertThat(discord.awaitIdentified(WAIT)).isEqualTo("launcher-test-token");
          assertThat(service.platforms()).extracting(Platform::name).containsExactly("discord");
          assertThat(service.platforms().get(0).isReady()).isTrue();
          assertThat(discord.calls("PUT", "/applications/" + FakeDiscord.APP_ID + "/guilds/" + FakeDiscord.GUILD_ID
              + "/commands")).hasSize(1);

          discord.slash(FakeDiscord.TRIAGE, FakeDiscord.ALICE, "triage", Map.of());
          String thread = discord.await("POST", "/channels/" + FakeDiscord.TRIAGE + "/messages/\\d+/threads", WAIT)
              .path().split("/")[4];
          ObjectNode question = awaitWithButtons(discord, thread);
          assertThat(question.path("content").asText()).contains("Which error did Claude Code print?");

          MessageRef posted = service.platforms().get(0).chatPort()
              .post(new ChannelRef("discord", FakeDiscord.INCIDENTS), Reply.Message.of("**Incident**: posted by the launcher's port"));
          assertThat(discord.message(posted.messageId()).orElseThrow().path("content").asText()).startsWith("**Incident**");
        } finally {
          service.stop();
        }
        assertThat(service.platforms().get(0).isReady()).isFalse();
      }
    }
  }

  private static ObjectNode awaitWithButtons(FakeDiscord discord, String channel) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<ObjectNode> found = discord.messagesIn(channel).stream()
          .filter(m -> m.path("components").size() > 0).findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no question in " + channel + "; calls:" + discord.describe());
  }
}
