package dev.claude500.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.adapters.AdapterServices;
import dev.claude500.testing.FakeSlackApi;
import dev.claude500.testing.FakeStatusPage;
import dev.claude500.testing.ManualExecutor;
import dev.claude500.testing.MutableClock;
import dev.claude500.testing.SlackRequests;
import dev.claude500.testing.SlackSigner;
import dev.claude500.testing.StatusFixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A Slack request that waits in the queue of Slack's lane past Slack's 3 s: the lane's executor is
 * held back by the test and the clock moved on by hand, so the delay is exact and nothing sleeps.
 */
@DisplayName("A Slack request picked up after Slack's 3 s is answered without acting on it")
class LateSlackRequestTest {
  private static final String SECRET = "late-test-signing-secret";
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final MutableClock clock = new MutableClock(Instant.now());
  private final ManualExecutor lane = new ManualExecutor();
  private final HttpClient client = HttpClient.newHttpClient();
  private final SlackSigner signer = new SlackSigner(SECRET);
  private FakeSlackApi slack;
  private FakeStatusPage page;
  private Core core;
  private HttpEndpoints http;
  private SlackPlatform platform;

  @BeforeEach
  void start() throws Exception {
    slack = FakeSlackApi.start();
    page = FakeStatusPage.start();
    page.serveSummary(FakeStatusPage.Response.json(StatusFixtures.greenSummaryJson()));
    Settings settings = Settings.fromEnvironment(Map.of(
        "CLAUDE500_DB_URL", "jdbc:h2:mem:late-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
        "CLAUDE500_STATUS_URL", page.baseUrl().toString(),
        "CLAUDE500_HTTP_PORT", "0",
        "SLACK_BOT_TOKEN", "xoxb-late-test",
        "SLACK_SIGNING_SECRET", SECRET,
        "SLACK_API_URL", slack.apiUrl()));
    core = Core.build(settings, clock);
    http = HttpEndpoints.bind(0, HttpLimits.DEFAULT, core.clock, core.metrics);
    AdapterServices services = new AdapterServices(core.engine, core.commands, core.status, core.store, core.clock,
        core.metrics, core.outbox, core.hitButton);
    platform = SlackPlatform.create(settings.slack().orElseThrow(), services, http, Lane.of("slack-held", lane));
    platform.start();
    http.start();
    slack.clearCalls();
  }

  @AfterEach
  void stop() {
    http.close();
    platform.close();
    core.close();
    slack.close();
    page.close();
  }

  @Test
  void aCommandPickedUpLateStartsNothingAndItsRetryIsHandled() throws Exception {
    String command = SlackRequests.command("C0LATE", "U0ALICE", "alice", "", "trig-late", slack.responseUrl("r1"));

    CompletableFuture<HttpResponse<String>> late = send(command);
    BotProcess.await(() -> lane.pending() == 1, WAIT, "the command queued in Slack's lane");
    clock.advance(Duration.ofMillis(3_001));
    lane.runAll();

    HttpResponse<String> answer = late.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(answer.statusCode()).isEqualTo(503);
    assertThat(answer.body()).isEqualTo("too late\n");
    assertThat(core.store.conversations().findOpenIdleSince(clock.instant().plusSeconds(60), 10)).isEmpty();
    assertThat(core.registry.scrape()).contains("claude500_http_requests_refused_total{reason=\"late\"} 1.0")
        .as("no triage started: its counter still at 0").contains("claude500_triages_started_total{playbook=\"claude-code-500\"} 0.0");
    assertThat(slack.calls()).isEmpty();

    CompletableFuture<HttpResponse<String>> retry = send(command);
    BotProcess.await(() -> lane.pending() == 1, WAIT, "the retry queued in Slack's lane");
    clock.advance(Duration.ofSeconds(1));
    lane.runAll();

    assertThat(retry.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).statusCode()).isEqualTo(200);
    slack.await("chat.postMessage", c -> c.param("text").contains("Which error did Claude Code print?"), WAIT);
    assertThat(core.store.conversations().findOpenIdleSince(clock.instant().plusSeconds(60), 10)).hasSize(1);
  }

  private CompletableFuture<HttpResponse<String>> send(String body) {
    HttpRequest request = signer.signedPost(URI.create("http://127.0.0.1:" + http.port() + "/slack/events"), body,
        SlackRequests.FORM).timeout(WAIT).build();
    return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }
}
