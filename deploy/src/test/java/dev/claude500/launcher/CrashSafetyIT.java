package dev.claude500.launcher;

import static dev.claude500.launcher.BotProcess.sleepUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.store.JdbcStore;
import dev.claude500.testing.FakeSlackApi;
import dev.claude500.testing.FakeStatusPage;
import dev.claude500.testing.FastReplay;
import dev.claude500.testing.JdbcStores;
import dev.claude500.testing.StatusPageHistory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * One bot process on its H2 file, killed while it posts an incident to many channels, and started
 * again. Every wait is on a condition, bounded by {@link #WAIT} (generous: a busy machine starts a
 * JVM and posts slowly); a failed run's bot log ({@code bot.log}) and store stay in {@code
 * target/it-logs/CrashSafetyIT/}.
 */
class CrashSafetyIT {
  private static final String SECRET = "crash-it-signing-secret";
  private static final int CHANNELS = 50;
  private static final Duration WAIT = Duration.ofMinutes(2);

  @Test
  @DisplayName("SIGKILL during a fan-out to 50 channels, a restart on the same file: every post exactly once in every channel")
  void killedMidFanoutThenRestarted(@KeptOnFailure Path dir) {
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
        await(() -> slack.calls("response_url").size() >= CHANNELS, "answer to every subscribe", dir);
        awaitRounds(page, 2, dir);

        // slow enough that the kill lands mid fan-out even when this thread is scheduled late
        slack.slowDown(Duration.ofMillis(100));
        replay = FastReplay.of(StatusPageHistory.anthropic(), from, to, Instant.now(), Duration.ofSeconds(1));
        sleepUntil(replay.wallTime(0));
        page.servePage(replay.step(0));
        await(() -> roots(slack, channels) >= CHANNELS / 3, "the fan-out under way", dir);
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
        long lastStep = System.nanoTime();
        await(() -> resolvedIn(slack, channels) == CHANNELS,
            () -> "resolved edit in every channel (" + resolvedIn(slack, channels) + " of " + CHANNELS + " have it)", dir);
        Duration toResolved = Duration.ofNanos(System.nanoTime() - lastStep);
        awaitQuiet(slack, page, dir);
        assertThat(bot.terminate(Duration.ofSeconds(25))).as("exit status after SIGTERM").isEqualTo(143);
        System.out.printf("CrashSafetyIT: killed after %d of %d channels had the incident; every post resolved %d ms"
            + " after the last step%n", beforeRestart, CHANNELS, toResolved.toMillis());
      }
      try (JdbcStore store = JdbcStores.open(dbUrl, null, null)) {
        for (String c : channels) {
          new IncidentChannel(slack, c, replay.incidents()).assertExactlyOnce(store.ledger());
        }
      }
    }
  }

  private static void await(BooleanSupplier condition, String what, Path dir) {
    await(condition, () -> what, dir);
  }

  /** Waits up to {@link #WAIT}; the failure says what was awaited, how far it got, and where the run's files are. */
  private static void await(BooleanSupplier condition, Supplier<String> what, Path dir) {
    try {
      BotProcess.await(condition, WAIT, what);
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; the bot's log and store are kept in " + dir, e);
    }
  }

  /** Waits until the watcher has read the page {@code rounds} more times. */
  private static void awaitRounds(FakeStatusPage page, int rounds, Path dir) {
    int reads = page.requestCount(FakeStatusPage.INCIDENTS);
    await(() -> page.requestCount(FakeStatusPage.INCIDENTS) >= reads + rounds, rounds + " rounds of the watcher", dir);
  }

  /**
   * Waits until two rounds of the watcher pass without a call to Slack: the bot has nothing left
   * to post or edit, so what the channels show is final.
   */
  private static void awaitQuiet(FakeSlackApi slack, FakeStatusPage page, Path dir) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    int calls;
    do {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the bot still calls Slack after " + WAIT + "; its log and store are kept in " + dir);
      }
      calls = slack.calls().size();
      awaitRounds(page, 2, dir);
    } while (slack.calls().size() != calls);
  }

  private static int roots(FakeSlackApi slack, List<String> channels) {
    return channels.stream().mapToInt(c -> slack.topLevel(c).size()).sum();
  }

  private static long resolvedIn(FakeSlackApi slack, List<String> channels) {
    return channels.stream().filter(c -> resolvedShown(slack, c)).count();
  }

  private static boolean resolvedShown(FakeSlackApi slack, String channel) {
    return slack.topLevel(channel).stream().anyMatch(m -> m.path("blocks").toString().contains("Resolved:"));
  }
}
