package dev.claude500.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.testing.FakeSlackApi;
import dev.claude500.testing.ManualScheduler;
import dev.claude500.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Triage replies that Slack rate-limits for longer than the Web API waits in line wait in the outbox, on its clock. */
class TriageRepliesRateLimitedTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final SlackHarness h = new SlackHarness(SlackHarness.tuning(4, 64), clock,
      scheduler);

  @AfterEach
  void stop() {
    h.close();
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + SlackHarness.WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(5);
    }
  }

  private List<String> acceptedIn(String thread) {
    return h.slack.calls("chat.postMessage").stream()
        .filter(c -> c.accepted() && c.param("thread_ts").equals(thread)).map(c -> c.param("text")).toList();
  }

  @Test
  @DisplayName("chat.postMessage answering 429 with Retry-After: 30 parks the thread's replies 30 s on the outbox's clock;"
      + " then they arrive once, in order")
  void aRateLimitedReplyArrivesLaterInOrder() throws Exception {
    h.started();
    h.command("U0ALICE", "alice", "");
    FakeSlackApi.Call which = h.posted("Which error did Claude Code print?");
    String thread = which.param("thread_ts");
    int before = acceptedIn(thread).size();
    h.slack.script("chat.postMessage", FakeSlackApi.Answer.rateLimited(30));

    h.click(which, "500", "U0BOB", "bob");

    FakeSlackApi.Call limited = h.slack.await("chat.postMessage", c -> c.status() == 429, SlackHarness.WAIT);
    await(() -> scheduler.waiting() > 0 && h.outbox.waiting() > 0, "the replies to be held in the outbox");
    assertThat(acceptedIn(thread)).hasSize(before);

    clock.advance(Duration.ofSeconds(29));
    scheduler.runDue();
    assertThat(acceptedIn(thread)).as("not before the Retry-After has passed").hasSize(before);

    clock.advance(Duration.ofSeconds(1));
    scheduler.runDue();

    List<String> shown = acceptedIn(thread).subList(before, acceptedIn(thread).size());
    assertThat(shown).first().isEqualTo(limited.param("text"));
    assertThat(shown).doesNotHaveDuplicates().last().asString().contains("Where does the 500 show up?");
    assertThat(h.slack.calls("chat.postMessage").stream().filter(c -> c.status() == 429)).hasSize(1);
    assertThat(h.outbox.waiting()).isZero();
  }
}
