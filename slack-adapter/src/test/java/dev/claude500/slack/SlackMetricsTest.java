package dev.claude500.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.metrics.MeterNames;
import dev.claude500.testing.FakeSlackApi;
import dev.claude500.testing.FakeSlackApi.Answer;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SlackMetricsTest {
  @AutoClose
  private final SlackHarness h = SlackHarness.running();

  @Test
  @DisplayName("Each acknowledged command, click and event is timed by its kind")
  void acksAreTimedByKind() {
    h.command("U0ALICE", "alice", "");
    FakeSlackApi.Call which = h.posted("Which error did Claude Code print?");
    h.click(which, "500", "U0BOB", "bob");
    h.reply("Ev0CHAT", which.param("thread_ts"), "U0CAROL", "just chatting", Map.of());

    assertThat(ack("command").count()).isEqualTo(1);
    assertThat(ack("blockaction").count()).isEqualTo(1);
    assertThat(ack("event").count()).isEqualTo(1);
    assertThat(ack("command").max(TimeUnit.MILLISECONDS)).isPositive();
  }

  @Test
  @DisplayName("A Retry-After waited out in line is recorded as a rate-limit wait")
  void rateLimitWaits() {
    h.slack.script("chat.postMessage", Answer.rateLimited(1));
    h.command("U0ALICE", "alice", "");
    h.posted("Which error did Claude Code print?");

    Timer waits = h.registry.get(MeterNames.RATE_LIMIT_WAITS).tag("platform", "slack").timer();
    assertThat(waits.count()).isEqualTo(1);
    assertThat(waits.totalTime(TimeUnit.SECONDS)).isEqualTo(1.0);
  }

  private Timer ack(String kind) {
    return h.registry.get(MeterNames.ACK_LATENCY).tags("platform", "slack", "kind", kind).timer();
  }
}
