package dev.claude500.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.testing.FakeSlackApi;
import dev.claude500.testing.SubcommandExamples;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every subcommand typed in Slack is answered: each of {@link SubcommandExamples} sent, signed, to
 * the real adapter in HTTP mode, its answer read back from the loopback Slack Web API (a post in the
 * channel and its thread for a triage, the command's {@code response_url} for the rest).
 */
class EverySubcommandTest {
  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.claude500.testing.SubcommandExamples#all")
  @DisplayName("Every subcommand typed in Slack is answered")
  void everySubcommandIsAnswered(SubcommandExamples.Example example) {
    try (SlackHarness h = SlackHarness.running()) {
      assertThat(h.command("U0ALICE", "alice", example.typed()).statusCode()).isEqualTo(200);
      for (String shown : example.shows()) {
        awaitShown(h, shown);
      }
    }
  }

  /** Waits until a message the adapter sent, anywhere, shows {@code text}. */
  private static void awaitShown(SlackHarness h, String text) {
    long deadline = System.nanoTime() + SlackHarness.WAIT.toNanos();
    while (sent(h).stream().noneMatch(s -> s.contains(text))) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("nothing sent shows \"" + text + "\"; sent:\n" + String.join("\n---\n", sent(h)));
      }
      SlackHarness.quiet(Duration.ofMillis(20));
    }
  }

  private static List<String> sent(SlackHarness h) {
    return h.slack.calls().stream()
        .filter(c -> c.method().equals("chat.postMessage") || c.method().equals("response_url"))
        .map(EverySubcommandTest::shown).collect(Collectors.toList());
  }

  private static String shown(FakeSlackApi.Call c) {
    return c.blockText() + "\n" + c.param("text");
  }
}
