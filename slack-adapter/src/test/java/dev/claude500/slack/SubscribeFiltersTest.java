package dev.claude500.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.testing.FakeSlackApi;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Filters typed after {@code /claude500 subscribe} in Slack, through the real adapter in HTTP mode. */
class SubscribeFiltersTest {
  @Test
  @DisplayName("Slack takes mention=here or channel (a typed @here arrives as <!here>), refuses everyone in one line, and shows the filters")
  void slackMentions() {
    try (SlackHarness h = SlackHarness.running()) {
      h.command("U0ALICE", "alice", "subscribe code mention=<!here> min=major quiet=22:00-07:00 tz=Europe/Paris");
      awaitAnswers(h, 1);
      assertThat(answers(h).get(0)).contains("Subscribed").contains("min=major").contains("mention=here")
          .contains("quiet=22:00-07:00").contains("tz=Europe/Paris");

      h.command("U0ALICE", "alice", "subscribe mention=everyone");
      awaitAnswers(h, 2);
      assertThat(answers(h).get(1)).contains("Nothing changed.").contains("mention=everyone")
          .contains("none").contains("here").contains("channel");

      h.command("U0ALICE", "alice", "subscriptions");
      awaitAnswers(h, 3);
      assertThat(answers(h).get(2)).contains("Claude Code").contains("mention=here").contains("min=major");
    }
  }

  private static void awaitAnswers(SlackHarness h, int count) {
    long deadline = System.nanoTime() + SlackHarness.WAIT.toNanos();
    while (answers(h).size() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("fewer than " + count + " answers: " + answers(h));
      }
      SlackHarness.quiet(Duration.ofMillis(20));
    }
  }

  private static List<String> answers(SlackHarness h) {
    return h.slack.calls().stream().filter(c -> c.method().equals("response_url"))
        .map(c -> c.blockText() + "\n" + c.param("text")).collect(Collectors.toList());
  }
}
