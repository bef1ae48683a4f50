package dev.claude500.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claude500.testing.FakeSlackApi;
import dev.claude500.testing.FakeStatusPage;
import dev.claude500.testing.StatusFixtures;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The launcher runs Slack in HTTP mode from the environment alone")
class SlackServiceTest {
  private static final String SECRET = "launcher-test-signing-secret";
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client = HttpClient.newHttpClient();
  private final SlackEvents events = new SlackEvents(SECRET, this::httpPort);
  private FakeSlackApi slack;
  private FakeStatusPage page;
  private Core core;
  private Service service;

  @BeforeEach
  void start() throws Exception {
    slack = FakeSlackApi.start();
    page = FakeStatusPage.start();
    page.serveSummary(FakeStatusPage.Response.json(StatusFixtures.greenSummaryJson()));
    Map<String, String> env = new HashMap<>();
    env.put("CLAUDE500_DB_URL", "jdbc:h2:mem:slack-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    env.put("CLAUDE500_STATUS_URL", page.baseUrl().toString());
    env.put("CLAUDE500_HTTP_PORT", "0");
    env.put("SLACK_BOT_TOKEN", "xoxb-launcher-test");
    env.put("SLACK_SIGNING_SECRET", SECRET);
    env.put("SLACK_API_URL", slack.apiUrl());
    core = Core.build(Settings.fromEnvironment(env), Clock.systemUTC());
    service = Service.start(core);
  }

  @AfterEach
  void stop() {
    service.stop();
    core.close();
    slack.close();
    page.close();
  }

  private HttpResponse<String> post(String body, String contentType, boolean sign) throws Exception {
    return events.post(body, contentType, sign);
  }

  private int httpPort() {
    return service.httpPort();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
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

    String command = "command=" + enc("/claude500") + "&text=&channel_id=C0OPS&user_id=U0ALICE&user_name=alice"
        + "&team_id=" + FakeSlackApi.TEAM_ID + "&trigger_id=trig-launcher&response_url=" + enc(slack.responseUrl("r1"));
    assertThat(post(command, "application/x-www-form-urlencoded", false).statusCode()).isEqualTo(401);
    assertThat(slack.calls()).isEmpty();

    assertThat(post(command, "application/x-www-form-urlencoded", true).statusCode()).isEqualTo(200);
    FakeSlackApi.Call root = slack.await("chat.postMessage", c -> c.param("text").contains("started a Claude Code 500 triage"), WAIT);
    FakeSlackApi.Call question = slack.await("chat.postMessage", c -> c.param("thread_ts").equals(root.ts()), WAIT);
    assertThat(question.param("text")).contains("Which error did Claude Code print?");

    JsonNode button = question.json("blocks").findValues("elements").stream()
        .filter(e -> e.path(0).path("type").asText().equals("button")).findFirst().orElseThrow().get(0);
    ObjectNode payload = JSON.createObjectNode().put("type", "block_actions").put("trigger_id", "t2");
    payload.putObject("user").put("id", "U0BOB").put("username", "bob");
    payload.putObject("channel").put("id", "C0OPS");
    payload.putObject("container").put("type", "message").put("channel_id", "C0OPS")
        .put("message_ts", question.ts()).put("thread_ts", root.ts());
    ObjectNode message = payload.putObject("message").put("ts", question.ts()).put("thread_ts", root.ts());
    message.set("blocks", question.json("blocks"));
    ObjectNode action = payload.putArray("actions").addObject().put("type", "button")
        .put("action_id", button.path("action_id").asText()).put("value", button.path("value").asText());
    action.set("text", button.path("text"));
    assertThat(post("payload=" + enc(payload.toString()), "application/x-www-form-urlencoded", true).statusCode())
        .isEqualTo(200);

    FakeSlackApi.Call updated = slack.await("chat.update", c -> c.param("ts").equals(question.ts()), WAIT);
    assertThat(updated.param("blocks")).doesNotContain("\"actions\"");
    assertThat(updated.blockText()).contains("answered by <@U0BOB>");
    slack.await("chat.postMessage", c -> c.param("text").contains("The status page is green"), WAIT);
  }
}
