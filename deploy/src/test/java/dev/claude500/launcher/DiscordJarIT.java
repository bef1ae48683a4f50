package dev.claude500.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.testing.FakeDiscord;
import dev.claude500.testing.FakeStatusPage;
import dev.claude500.testing.StatusFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the packaged jar as a Discord bot against a loopback Discord: its JDA and HTTP client work as shaded. */
class DiscordJarIT {
  private static final Duration WAIT = Duration.ofSeconds(120);

  @Test
  void theJarConnectsPrintsItsInviteAndRunsATriage(@KeptOnFailure Path dir) throws Exception {
    try (FakeDiscord discord = FakeDiscord.start(); FakeStatusPage page = FakeStatusPage.start()) {
      page.serveSummary(FakeStatusPage.Response.json(StatusFixtures.greenSummaryJson()));
      ProcessBuilder pb = JarProcess.in(dir, Map.of(
          "CLAUDE500_STATUS_URL", page.baseUrl().toString(),
          "CLAUDE500_HTTP_PORT", "0",
          "DISCORD_BOT_TOKEN", "jar-test-token",
          "DISCORD_API_URL", discord.apiUrl(),
          "DISCORD_GATEWAY_URL", discord.gatewayUrl(),
          "DISCORD_GUILD_IDS", FakeDiscord.GUILD_ID));
      Process p = pb.start();
      try {
        assertThat(discord.awaitIdentified(WAIT)).isEqualTo("jar-test-token");
        discord.await("PUT", "/applications/\\d+/guilds/\\d+/commands", WAIT);
        discord.slash(FakeDiscord.TRIAGE, FakeDiscord.ALICE, "triage", Map.of());
        String thread = discord.await("POST", "/channels/" + FakeDiscord.TRIAGE + "/messages/\\d+/threads", WAIT)
            .path().split("/")[4];
        discord.await("POST", "/channels/" + thread + "/messages", WAIT);
        assertThat(discord.messagesIn(thread).get(0).path("components").size()).isPositive();
        String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
        assertThat(out).contains("invite the Discord bot with https://discord.com/oauth2/authorize?client_id="
            + FakeDiscord.APP_ID + "&scope=bot+applications.commands&permissions=309237861376");
      } finally {
        p.destroy();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
      }
      String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
      assertThat(err).doesNotContain("Exception").doesNotContain("\tat ");
    }
  }
}
