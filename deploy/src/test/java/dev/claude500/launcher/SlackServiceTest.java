package dev.claude500.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.playbook.PlaybookLoader;
import dev.claude500.playbook.Step;
import dev.claude500.testing.FakeSlackApi;
import dev.claude500.testing.SlackRequests;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The launcher runs Slack in HTTP mode from the environment alone")
class SlackServiceTest {
  private static final String SECRET = "launcher-test-signing-secret";
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final HttpClient client = HttpClient.newHttpClient();
  private final SlackEvents events = new SlackEvents(SECRET, this::httpPort);
  @AutoClose
  private final SlackService running = SlackService.start(Map.of("SLACK_SIGNING_SECRET", SECRET), api -> {});
  private final FakeSlackApi slack = running.slack;
  private final Service service = running.service;

  private HttpResponse<String> post(String body, String contentType, boolean sign) throws Exception {
    return events.post(body, contentType, sign);
  }

  private int httpPort() {
    return service.httpPort();
  }

  @Test
  void aSignedSlashCommandStartsATriageInAThreadAndAClickMovesItOn() throws Exception {
    assertThat(service.platforms()).extracting(Platform::name).containsExactly("slack");
    assertThat(service.platforms().get(0).isReady()).isTrue();
    assertThat(slack.calls("auth.test")).hasSize(1);
    slack.clearCalls();

    HttpResponse<String> health = client.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + service.httpPort() + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);

    String command = SlackRequests.command("C0OPS", "U0ALICE", "alice", "", "trig-launcher", slack.responseUrl("r1"));
    assertThat(post(command, SlackRequests.FORM, false).statusCode()).isEqualTo(401);
    assertThat(slack.calls()).isEmpty();

    assertThat(post(command, SlackRequests.FORM, true).statusCode()).isEqualTo(200);
    FakeSlackApi.Call root = slack.await("chat.postMessage", c -> c.param("text").contains("started a Claude Code 500 triage"), WAIT);
    FakeSlackApi.Call question = slack.await("chat.postMessage", c -> c.param("thread_ts").equals(root.ts()), WAIT);
    assertThat(question.param("text")).contains("Which error did Claude Code print?");

    SlackRequests.Button button = SlackRequests.button(question, b -> true).orElseThrow();
    assertThat(post(SlackRequests.click(question, button, "U0BOB", "bob", "t2", slack.responseUrl("r2")),
        SlackRequests.FORM, true).statusCode()).isEqualTo(200);

    FakeSlackApi.Call updated = slack.await("chat.update", c -> c.param("ts").equals(question.ts()), WAIT);
    assertThat(updated.param("blocks")).doesNotContain("\"actions\"");
    assertThat(updated.blockText()).contains("answered by <@U0BOB>");
    slack.await("chat.postMessage", c -> c.param("text").contains("The status page is green"), WAIT);
  }

  @Test
  @DisplayName("A fresh bot's /metrics shows every triage, incident-post, purge and HTTP counter at zero for every known label")
  void countersStartAtZero() throws Exception {
    HttpResponse<String> metrics = client.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + service.httpPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(metrics.statusCode()).isEqualTo(200);
    String body = metrics.body();
    assertThat(body).contains("claude500_triages_started_total{playbook=\"claude-code-500\"} 0.0",
        "claude500_triage_questions_count 0",
        "claude500_http_connections_cut_total{reason=\"headers\"} 0.0",
        "claude500_http_requests_refused_total{reason=\"busy\"} 0.0",
        "claude500_store_purged_total{table=\"conversation\"} 0.0");
    List<String> branches = PlaybookLoader.builtInAnd(null).get("claude-code-500").stepList().stream()
        .filter(Step.Advice.class::isInstance).map(s -> ((Step.Advice) s).branch().toLowerCase(Locale.ROOT)).toList();
    assertThat(branches).contains("live incident", "login / oauth", "broken resumed session");
    for (String branch : branches) {
      assertThat(body).contains("claude500_triages_branch_total{branch=\"" + branch + "\"} 0.0");
    }
    for (String outcome : List.of("resolved", "escalated", "redirected", "waiting", "abandoned")) {
      assertThat(body).contains("claude500_triages_ended_total{outcome=\"" + outcome + "\"} 0.0");
    }
    for (String result : List.of("posted", "edited", "found", "deferred", "refused")) {
      assertThat(body).contains("claude500_incident_posts_total{platform=\"slack\",result=\"" + result + "\"} 0.0");
    }
    assertThat(body).as("Discord is not configured").doesNotContain("platform=\"discord\"")
        .as("the webhook is off").doesNotContain("claude500_webhook_pokes_total");
  }

  @Test
  @DisplayName("GET /metrics shows the triages, acknowledgements, status fetches and store in Prometheus format")
  void metricsInPrometheusFormat() throws Exception {
    String command = SlackRequests.command("C0OPS", "U0ALICE", "alice", "", "trig-metrics", slack.responseUrl("r1"));
    assertThat(post(command, SlackRequests.FORM, true).statusCode()).isEqualTo(200);
    slack.await("chat.postMessage", c -> c.param("text").contains("Which error did Claude Code print?"), WAIT);

    HttpResponse<String> metrics = client.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + service.httpPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type")).contains(MetricsEndpoint.CONTENT_TYPE);
    assertThat(metrics.body())
        .contains("claude500_triages_started_total{playbook=\"claude-code-500\"} 1.0")
        .containsPattern("claude500_ack_latency_seconds_count\\{kind=\"command\",platform=\"slack\"} 1")
        .containsPattern("claude500_ack_latency_seconds_bucket\\{kind=\"command\",platform=\"slack\",le=\"0.3\"} 1")
        .containsPattern("claude500_status_fetches_total\\{endpoint=\"summary\",result=\"200\"} [1-9]")
        .containsPattern("(?m)^claude500_status_age_seconds [0-9.]+$")
        .containsPattern("claude500_store_latency_seconds_count\\{op=\"write\"} [1-9]")
        .contains("hikaricp_connections_active")
        .contains("jvm_memory_used_bytes");

    HttpResponse<String> post = client.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + service.httpPort() + "/metrics")).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
  }
}
