package dev.claude500.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claude500.chat.ChannelRef;
import dev.claude500.commands.Filters;
import dev.claude500.commands.Subscription;
import dev.claude500.testing.FakeDiscord;
import dev.claude500.testing.FakeStatusPage;
import dev.claude500.testing.StatusFixtures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Early warning end to end through Discord, on the loopback Discord and a fake status page")
class DiscordEarlyWarningTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String PASTE = "API Error: 500 {\"type\":\"error\",\"error\":{\"type\":\"api_error\","
      + "\"message\":\"Internal server error\"}}";

  @Test
  @DisplayName("three pasted 500s on a green page in one server warn its subscribed channel, not another server's")
  void warnsTheServerOnly() throws Exception {
    try (FakeDiscord discord = FakeDiscord.start(); FakeStatusPage page = FakeStatusPage.start()) {
      page.serveSummary(FakeStatusPage.Response.json(StatusFixtures.greenSummaryJson()));
      Map<String, String> env = DiscordEnvironment.of("discord-warning", discord, page);
      try (Core core = Core.build(Settings.fromEnvironment(env), Clock.systemUTC())) {
        for (String channel : List.of(FakeDiscord.INCIDENTS, FakeDiscord.OTHER_INCIDENTS)) {
          core.store.subscriptions().save(new Subscription(new ChannelRef("discord", channel), Set.of(), "owner",
              Instant.now(), Filters.DEFAULT));
        }
        Service service = Service.start(core);
        try {
          assertThat(discord.awaitIdentified(WAIT)).isEqualTo("launcher-test-token");
          for (String who : List.of(FakeDiscord.ALICE, FakeDiscord.BOB, FakeDiscord.ALICE)) {
            discord.slash(FakeDiscord.TRIAGE, who, "triage", Map.of("error", PASTE));
          }

          ObjectNode warning = awaitWarning(discord, FakeDiscord.INCIDENTS);
          String content = warning.path("content").asText();
          assertThat(content).contains("**Early warning:** 3 triages", "500 api", "× 3", "does not show this yet",
              "](https://discord.com/channels/" + FakeDiscord.GUILD_ID + "/" + FakeDiscord.TRIAGE + "/");
          assertThat(discord.messagesIn(FakeDiscord.OTHER_INCIDENTS)).as("another server")
              .noneMatch(m -> m.toString().contains("Early warning"));
        } finally {
          service.stop();
        }
      }
    }
  }

  private static ObjectNode awaitWarning(FakeDiscord discord, String channel) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      for (ObjectNode m : discord.messagesIn(channel)) {
        if (m.toString().contains("Early warning")) {
          return m;
        }
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no early warning in " + channel + "; calls:" + discord.describe());
  }
}
