package dev.claude500.discord;

import static dev.claude500.testing.FakeDiscord.ALICE;
import static dev.claude500.testing.FakeDiscord.TRIAGE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claude500.outbox.Outbox;
import dev.claude500.testing.FakeDiscord.Call;
import dev.claude500.testing.ManualScheduler;
import dev.claude500.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A triage's replies that Discord does not take are tried again by the outbox, on its clock, and keep their order. */
class ThreadPostsRetryTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private LoopbackDiscord d;

  @BeforeEach
  void connect() throws Exception {
    d = new LoopbackDiscord(clock, scheduler);
  }

  @AfterEach
  void close() {
    d.close();
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + LoopbackDiscord.WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(5);
    }
  }

  private List<String> contents(String threadId) {
    return d.discord.messagesIn(threadId).stream().map(m -> m.path("content").asText()).toList();
  }

  @Test
  @DisplayName("replies Discord fails are tried again after a backoff from 1 s doubling, then posted once each and in order")
  void failedRepliesArePostedLaterInOrder() throws Exception {
    d.discord.slash(TRIAGE, ALICE, "triage", Map.of());
    Call thread = d.discord.await("POST", "/channels/" + TRIAGE + "/messages/\\d+/threads", LoopbackDiscord.WAIT);
    String threadId = thread.path().split("/")[4];
    ObjectNode first = d.awaitButton(threadId, "API Error: 500 (internal server error)");
    int before = contents(threadId).size();
    // 408 is retried once by the HTTP client itself: four failures make the outbox try at least twice
    d.discord.failPosts(threadId, 408, 4);

    d.discord.click(first.get("id").asText(),
        LoopbackDiscord.buttonId(first, "API Error: 500 (internal server error)").orElseThrow(), ALICE);

    await(() -> d.outbox.waiting() > 0 && scheduler.waiting() > 0, "the replies to be held in the outbox");
    List<Duration> waits = new ArrayList<>();
    for (int tries = 0; d.outbox.waiting() > 0 && tries < 10; tries++) {
      assertThat(contents(threadId)).as("nothing is posted while the first reply fails").hasSize(before);
      Instant due = scheduler.nextDueAt().orElseThrow();
      waits.add(Duration.between(clock.instant(), due));
      clock.set(due);
      scheduler.runDue();
    }

    assertThat(waits).hasSizeGreaterThanOrEqualTo(2).first().isEqualTo(Outbox.FIRST_BACKOFF);
    for (int i = 1; i < waits.size(); i++) {
      assertThat(waits.get(i)).isEqualTo(waits.get(i - 1).multipliedBy(2));
    }
    ObjectNode where = d.awaitButton(threadId, "While signing in (/login, OAuth)");
    List<String> shown = contents(threadId).subList(before, contents(threadId).size());
    assertThat(shown).hasSizeGreaterThan(1).doesNotHaveDuplicates().last().isEqualTo(where.path("content").asText());
    assertThat(shown).allSatisfy(c -> assertThat(c).doesNotContain("ref:"));
    assertThat(d.discord.calls("POST", "/channels/" + threadId + "/messages").stream().filter(c -> c.status() == 408))
        .hasSize(4);
    assertThat(d.outbox.waiting()).isZero();
  }
}
