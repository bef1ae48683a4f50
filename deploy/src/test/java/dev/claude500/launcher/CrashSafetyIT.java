package dev.claude500.launcher;

import static dev.claude500.launcher.BotProcess.sleepUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.store.JdbcStore;
import dev.claude500.testing.FakeSlackApi;
import dev.claude500.testing.FakeStatusPage;
import dev.claude500.testing.FastReplay;
import dev.claude500.testing.StatusPageHistory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One bot process on its H2 file, killed while it posts an incident to many channels, and started again. */
class CrashSafetyIT {
  private static final String SECRET = "crash-it-signing-secret";
  private static final int CHANNELS = 50;

  @Test
  @DisplayName("SIGKILL during a fan-out to 50 channels, a restart on the same file: every post exactly once in every channel")
  void killedMidFanoutThenRestarted(@TempDir Path dir) {
    Instant from = Instant.parse("2026-07-21T07:00:00Z");
    Instant to = Instant.parse("2026-07-21T09:00:00Z");
    String dbUrl = "jdbc:h2:file:" + dir.resolve("store").resolve("claude500").toAbsolutePath();
    List<String> channels = IntStream.rangeClosed(1, CHANNELS).mapToObj(i -> String.format("C0CRASH%02d", i)).toList();
    try (FakeSlackApi slack = FakeSlackApi.start(); FakeStatusPage page = FakeStatusPage.start()) {
      page.servePage(FastReplay.of(StatusPageHistory.anthropic(), from, to, Instant.now(), Duration.ofSeconds(1)).before());
      Map<String, String> env = Map.of(
          "CLAUDE500_DB_URL", dbUrl,
          "CLAUDE500_STATUS_URL", page.baseUrl().toString(),
          "CLAUDE500_HTTP_PORT", "0",
          "CLAUDE500_POLL_INTERVAL", "1",
          "SLACK_BOT_TOKEN", "xoxb-crash-it",
          "SLACK_SIGNING_SECRET", SECRET,
          "SLACK_API_URL", slack.apiUrl());
      FastReplay replay;
      try (BotProcess bot = BotProcess.start("bot", dir, env)) {
        URI events = bot.url("/slack/events");
        SlackSide side = new SlackSide(SECRET, slack);
        for (int i = 0; i < CHANNELS; i++) {
          side.command(events, channels.get(i), "subscribe", "trig-sub-" + i);
        }
        await(() -> slack.calls("response_url").size() >= CHANNELS, "an answer to every subscribe");
        int reads = page.requestCount(FakeStatusPage.INCIDENTS);
        await(() -> page.requestCount(FakeStatusPage.INCIDENTS) >= reads + 2, "two rounds of the watcher after subscribing");

        slack.slowDown(Duration.ofMillis(30));
        replay = FastReplay.of(StatusPageHistory.anthropic(), from, to, Instant.now(), Duration.ofSeconds(1));
        sleepUntil(replay.wallTime(0));
        page.servePage(replay.step(0));
        await(() -> roots(slack, channels) >= CHANNELS / 3, "the fan-out under way");
        bot.kill();
        int beforeRestart = roots(slack, channels);
        assertThat(beforeRestart).as("killed mid fan-out").isLessThan(CHANNELS);

        slack.slowDown(Duration.ZERO);
        bot.restart();
        bot.httpPort();
        for (int k = 1; k < replay.steps(); k++) {
          sleepUntil(replay.wallTime(k));
          page.servePage(replay.step(k));
        }
        await(() -> channels.stream().allMatch(c -> resolvedShown(slack, c)), "every channel's post edited to resolved");
        BotProcess.pause(Duration.ofSeconds(2));
        assertThat(bot.terminate(Duration.ofSeconds(25))).as("exit status after SIGTERM").isEqualTo(143);
        System.out.printf("CrashSafetyIT: killed after %d of %d channels had the incident%n", beforeRestart, CHANNELS);
      }
      try (JdbcStore store = JdbcStore.open(dbUrl, null, null)) {
        for (String c : channels) {
          new IncidentChannel(slack, c, replay.incidents()).assertExactlyOnce(store.ledger());
        }
      }
    }
  }

  private static void await(BooleanSupplier condition, String what) {
    BotProcess.await(condition, Duration.ofSeconds(20), what);
  }

  private static int roots(FakeSlackApi slack, List<String> channels) {
    return channels.stream().mapToInt(c -> slack.topLevel(c).size()).sum();
  }

  private static boolean resolvedShown(FakeSlackApi slack, String channel) {
    return slack.topLevel(channel).stream().anyMatch(m -> m.path("blocks").toString().contains("Resolved:"));
  }
}
