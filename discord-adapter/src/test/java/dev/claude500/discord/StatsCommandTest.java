package dev.claude500.discord;

import static dev.claude500.testing.FakeDiscord.ALICE;
import static dev.claude500.testing.FakeDiscord.TRIAGE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.testing.FakeDiscord;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code /claude500 stats} in Discord: the table with the chart attached, ephemeral unless public. */
class StatsCommandTest {
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final int EPHEMERAL = 64;

  @AutoClose
  private final LoopbackDiscord d = new LoopbackDiscord();

  StatsCommandTest() throws InterruptedException {}

  private FakeDiscord.Call awaitFollowUp(String interaction) throws InterruptedException {
    long deadline = System.nanoTime() + LoopbackDiscord.WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      List<FakeDiscord.Call> sent = d.discord.followUps(interaction);
      if (!sent.isEmpty()) {
        return sent.get(sent.size() - 1);
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no follow-up; calls:\n" + d.discord.describe());
  }

  private void assertChartAttached(FakeDiscord.Call sent) {
    assertThat(sent.body().path("attachments").path(0).path("filename").asText()).isEqualTo("claude500-stats.png");
    byte[] png = d.discord.attachment("claude500-stats.png").orElseThrow();
    assertThat(Arrays.copyOf(png, 8)).isEqualTo(PNG_SIGNATURE);
    assertThat(sent.body().path("attachments").path(0).path("size").asInt()).isEqualTo(png.length)
        .isGreaterThan(5_000);
  }

  @Test
  @DisplayName("stats answers the asker only, the chart attached to the table")
  void ephemeralWithAttachment() throws InterruptedException {
    String interaction = d.discord.slash(TRIAGE, ALICE, "stats", Map.of("window", "7d"));

    FakeDiscord.Call sent = awaitFollowUp(interaction);
    assertThat(sent.body().path("content").asText()).contains("Team stats, last 7 days", "No triages");
    assertThat(sent.body().path("flags").asInt() & EPHEMERAL).isEqualTo(EPHEMERAL);
    assertChartAttached(sent);
  }

  @Test
  @DisplayName("stats with public:true answers for the channel to see")
  void publicWithAttachment() throws InterruptedException {
    String interaction = d.discord.slash(TRIAGE, ALICE, "stats", Map.of(), Map.of("public", true));

    FakeDiscord.Call sent = awaitFollowUp(interaction);
    assertThat(sent.body().path("content").asText()).contains("Team stats, last 30 days");
    assertThat(sent.body().path("flags").asInt() & EPHEMERAL).isZero();
    assertChartAttached(sent);
  }
}
