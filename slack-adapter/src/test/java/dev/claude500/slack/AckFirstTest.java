package dev.claude500.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.testing.FakeSlackApi;
import dev.claude500.testing.FakeStatusPage;
import dev.claude500.testing.StatusFixtures;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Acknowledgements never wait on the status page, the store or the Web API")
class AckFirstTest {
  private static final Duration FAST = Duration.ofMillis(500);

  private SlackHarness h;

  @BeforeEach
  void start() throws Exception {
    h = new SlackHarness().started();
  }

  @AfterEach
  void stop() {
    h.close();
  }

  private static Duration timed(String what, Supplier<HttpResponse<String>> request) {
    long start = System.nanoTime();
    HttpResponse<String> r = request.get();
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    System.out.printf("ack of %s: %d ms (status %d)%n", what, took.toMillis(), r.statusCode());
    assertThat(r.statusCode()).isEqualTo(200);
    return took;
  }

  @Test
  void withASlowSlackAndAStalledStatusPageEveryAckIsImmediate() {
    FakeSlackApi.Call which;
    h.command("U0ALICE", "alice", "");
    which = h.posted("Which error did Claude Code print?");
    String thread = which.param("thread_ts");

    h.slack.slowDown(Duration.ofSeconds(1));
    h.page.serveSummary(FakeStatusPage.Response.json(StatusFixtures.greenSummaryJson()).withDelay(Duration.ofSeconds(2)));
    h.status.refresh();

    assertThat(timed("/claude500", () -> h.command("U0ALICE", "alice", ""))).isLessThan(FAST);
    assertThat(timed("/claude500 status", () -> h.command("U0ALICE", "alice", "status"))).isLessThan(FAST);
    assertThat(timed("a click", () -> h.click(which, "500", "U0BOB", "bob"))).isLessThan(FAST);
    assertThat(timed("a thread reply", () -> h.reply("Ev0SLOW", thread, "U0CAROL", "2", Map.of()))).isLessThan(FAST);

    h.slack.slowDown(Duration.ZERO);
    h.slack.await("chat.update", c -> c.param("ts").equals(which.ts()), Duration.ofSeconds(20));
  }

  @Test
  void withAStoreThatTakesASecondACallEveryAckIsImmediate() throws Exception {
    h.close();
    h = new SlackHarness(SlackHarness.tuning(4, 64), Duration.ofSeconds(1)).started();

    assertThat(timed("/claude500 on a slow store", () -> h.command("U0ALICE", "alice", ""))).isLessThan(FAST);
    assertThat(timed("/claude500 status on a slow store", () -> h.command("U0ALICE", "alice", "status")))
        .isLessThan(FAST);
    assertThat(timed("/claude500 subscribe on a slow store", () -> h.command("U0ALICE", "alice", "subscribe code")))
        .isLessThan(FAST);
    FakeSlackApi.Call which = h.slack.await("chat.postMessage",
        c -> c.param("text").contains("Which error did Claude Code print?"), Duration.ofSeconds(30));
    assertThat(timed("a click on a slow store", () -> h.click(which, "500", "U0BOB", "bob"))).isLessThan(FAST);
    assertThat(timed("a thread reply on a slow store",
        () -> h.reply("Ev0SLOWSTORE", which.param("thread_ts"), "U0CAROL", "2", Map.of()))).isLessThan(FAST);
    h.slack.await("response_url", c -> c.blockText().contains("Subscribed"), Duration.ofSeconds(30));
  }
}
