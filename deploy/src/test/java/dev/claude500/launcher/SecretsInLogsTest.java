package dev.claude500.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claude500.testing.FakeDiscord;
import dev.claude500.testing.FakeSlackApi;
import dev.claude500.testing.FakeStatusPage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * The service started with every token configured, driven through requests that log (refused,
 * garbled, failing on Slack's and Discord's side, a status page that fails) with secrets pasted
 * into them, at debug level, in each log format: the captured log holds none of the configured
 * tokens and none of the pasted secrets, neither as written nor as the JSON format escapes them.
 */
@DisplayName("No configured token and no pasted secret reaches the log, in text or JSON")
@Timeout(60)
class SecretsInLogsTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String BOT_TOKEN = "xoxb-1111111111-2222222222222-AbCdEfGhIjKlMnOpQrStUvWx";
  private static final String SIGNING_SECRET = "5e1f0c9d8b7a6e5f4d3c2b1a0f9e8d7c";
  private static final String APP_TOKEN = "xapp-1-A0SECRETAPP-3333333333333-"
      + "9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0";
  private static final String DISCORD_TOKEN = "MTExMTExMTExMTExMTExMTEx.GAbCdE.pQrStUvWxYz0123456789aBcDeFgHiJkLmN";
  private static final String DB_PASSWORD = "pa55/w\"rd\\with:json-escapes";

  /** Secrets people paste by mistake, each as pasted and the part that must not be logged. */
  private static final Map<String, String> PASTED = Map.of(
      "ANTHROPIC_API_KEY=sk-ant-api03-Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBa-ZYXWVUTSRQPONMLKJIHGFEDCBA0123456789abcdAA",
      "sk-ant-api03-Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBa-ZYXWVUTSRQPONMLKJIHGFEDCBA0123456789abcdAA",
      "{\"accessToken\":\"sk-ant-oat01-Qw3Er4Ty5Ui6Op7As8Df9Gh0Jk1Lz2Xc3Vb4Nm5-Qw3Er4Ty5Ui6Op7As8Df9\"}",
      "sk-ant-oat01-Qw3Er4Ty5Ui6Op7As8Df9Gh0Jk1Lz2Xc3Vb4Nm5-Qw3Er4Ty5Ui6Op7As8Df9",
      "aws_access_key_id = AKIAZ7Q3R5T6Y8U9I0P2", "AKIAZ7Q3R5T6Y8U9I0P2",
      "x-api-key: k3Yv4Lu5E6sF7oR8tH9iS0pR0xYtEsT", "k3Yv4Lu5E6sF7oR8tH9iS0pR0xYtEsT",
      "Authorization: Bearer Tk9Pq8Rs7Uv6Wx5Yz4Ab3Cd2Ef1Gh0", "Tk9Pq8Rs7Uv6Wx5Yz4Ab3Cd2Ef1Gh0",
      "oauth_token=gho16C7e42F292c6912E7710c838347Ae178B4a", "gho16C7e42F292c6912E7710c838347Ae178B4a");

  private final PrintStream realErr = System.err;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private final List<AutoCloseable> open = new ArrayList<>();
  private FakeSlackApi slack;

  @AfterEach
  void restore() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
    System.setErr(realErr);
    ((LoggerContext) LoggerFactory.getILoggerFactory()).reset();
  }

  private Map<String, String> env(String format, FakeStatusPage page, FakeSlackApi slack) {
    Map<String, String> env = new HashMap<>();
    env.put("CLAUDE500_DB_URL", "jdbc:h2:mem:secrets-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    env.put("CLAUDE500_DB_USER", "sa");
    env.put("CLAUDE500_DB_PASSWORD", DB_PASSWORD);
    env.put("CLAUDE500_STATUS_URL", page.baseUrl().toString());
    env.put("CLAUDE500_HTTP_PORT", "0");
    env.put("CLAUDE500_POLL_INTERVAL", "1");
    env.put("CLAUDE500_LOG_FORMAT", format);
    env.put("CLAUDE500_LOG_LEVEL", "DEBUG");
    env.put("SLACK_BOT_TOKEN", BOT_TOKEN);
    env.put("SLACK_SIGNING_SECRET", SIGNING_SECRET);
    env.put("SLACK_API_URL", slack.apiUrl());
    return env;
  }

  private <T extends AutoCloseable> T opened(T resource) {
    open.add(resource);
    return resource;
  }

  private void captureLogs(Settings settings) {
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    LogSetup.service(settings.logFormat(), settings.logLevel(), settings.secrets());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"text", "json"})
  void slackInHttpModeAndDiscord(String format) throws Exception {
    FakeStatusPage page = opened(FakeStatusPage.start());
    page.serveSummary(FakeStatusPage.Response.text(500, "upstream trouble"));
    slack = opened(FakeSlackApi.start());
    FakeDiscord discord = opened(FakeDiscord.start());
    Map<String, String> env = env(format, page, slack);
    env.put("DISCORD_BOT_TOKEN", DISCORD_TOKEN);
    env.put("DISCORD_API_URL", discord.apiUrl());
    env.put("DISCORD_GATEWAY_URL", discord.gatewayUrl());
    env.put("DISCORD_GUILD_IDS", FakeDiscord.GUILD_ID);
    Settings settings = Settings.fromEnvironment(env);
    captureLogs(settings);
    Core core = opened(Core.build(settings, Clock.systemUTC()));
    Service service = Service.start(core);
    opened(service::stop);
    String pasted = String.join("\n", PASTED.keySet());

    assertThat(command(service, pasted, "trig-1", true).statusCode()).isEqualTo(200);
    FakeSlackApi.Call root = slack.await("chat.postMessage", c -> c.param("text").contains("started a Claude"), WAIT);
    slack.await("chat.postMessage", c -> c.param("text").contains("Which error did Claude Code print?"), WAIT);
    assertThat(command(service, pasted, "trig-2", false).statusCode()).isEqualTo(401);
    assertThat(post(service, eventJson("Ev1", JSON.getNodeFactory().textNode(pasted)), "application/json", true)
        .statusCode()).isEqualTo(400);
    ObjectNode reply = JSON.createObjectNode().put("type", "message").put("channel", "C0OPS").put("user", "U0CAROL")
        .put("text", pasted).put("ts", "1700000900.000001").put("thread_ts", root.ts())
        .put("parent_user_id", FakeSlackApi.BOT_USER_ID);
    assertThat(post(service, eventJson("Ev2", reply), "application/json", true).statusCode()).isEqualTo(200);
    slack.script("chat.postMessage", FakeSlackApi.Answer.error("invalid_auth"));
    command(service, pasted, "trig-3", true);
    slack.await("response_url", c -> c.blockText().contains("invalid_auth"), WAIT);

    assertThat(discord.awaitIdentified(WAIT)).isEqualTo(DISCORD_TOKEN);
    discord.refusePosts(FakeDiscord.TRIAGE);
    discord.slash(FakeDiscord.TRIAGE, FakeDiscord.ALICE, "triage", Map.of("error", pasted));
    discord.await("POST", "/channels/" + FakeDiscord.TRIAGE + "/messages/\\d+/threads", WAIT);
    awaitLogged("Status page");
    service.stop();

    String log = captured.toString(StandardCharsets.UTF_8);
    assertThat(log).as("the log was captured").contains("claude500 running").contains("refused a request")
        .contains("unreadable Slack").contains("invalid_auth").contains("Status page");
    assertNoSecretIn(log, BOT_TOKEN, SIGNING_SECRET, DISCORD_TOKEN, DB_PASSWORD);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"text", "json"})
  void slackInSocketModeThatCannotConnect(String format) throws Exception {
    FakeStatusPage page = opened(FakeStatusPage.start());
    slack = opened(FakeSlackApi.start());
    slack.socketModeUrl("ws://127.0.0.1:1/link/?ticket=" + APP_TOKEN);
    Map<String, String> env = env(format, page, slack);
    env.put("SLACK_APP_TOKEN", APP_TOKEN);
    Settings settings = Settings.fromEnvironment(env);
    captureLogs(settings);
    Core core = opened(Core.build(settings, Clock.systemUTC()));
    Service service = Service.start(core);
    opened(service::stop);

    awaitLogged("Socket Mode server");
    assertThat(service.notReady()).contains("slack not connected");
    service.stop();

    String log = captured.toString(StandardCharsets.UTF_8);
    assertThat(log).as("the log was captured").contains("claude500 running").contains("Failed to reconnect");
    assertNoSecretIn(log, BOT_TOKEN, SIGNING_SECRET, APP_TOKEN, DB_PASSWORD);
  }

  /** Waits until the captured log holds {@code fragment} (what the test relies on was logged). */
  private void awaitLogged(String fragment) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!captured.toString(StandardCharsets.UTF_8).contains(fragment)) {
      assertThat(System.nanoTime()).as("logged: " + fragment).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  private static void assertNoSecretIn(String log, String... configured) {
    List<String> secrets = new ArrayList<>(List.of(configured));
    secrets.addAll(PASTED.values());
    for (String secret : secrets) {
      assertThat(log).as("the log holds a secret").doesNotContain(secret).doesNotContain(jsonEscaped(secret))
          .doesNotContain(secret.substring(secret.length() - 16));
    }
  }

  /** Returns {@code s} as Logback's JSON format writes it in a string. */
  private static String jsonEscaped(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/");
  }

  private HttpResponse<String> command(Service service, String text, String trigger, boolean sign) throws Exception {
    String body = "command=%2Fclaude500&channel_id=C0OPS&user_id=U0ALICE&user_name=alice&team_id=" + FakeSlackApi.TEAM_ID
        + "&trigger_id=" + trigger + "&text=" + URLEncoder.encode(text, StandardCharsets.UTF_8)
        + "&response_url=" + URLEncoder.encode(slack.responseUrl(trigger), StandardCharsets.UTF_8);
    return post(service, body, "application/x-www-form-urlencoded", sign);
  }

  private String eventJson(String id, com.fasterxml.jackson.databind.JsonNode event) {
    ObjectNode e = JSON.createObjectNode().put("type", "event_callback").put("event_id", id)
        .put("team_id", FakeSlackApi.TEAM_ID);
    e.set("event", event);
    return e.toString();
  }

  private HttpResponse<String> post(Service service, String body, String contentType, boolean sign) throws Exception {
    return new SlackEvents(SIGNING_SECRET, service::httpPort).post(body, contentType, sign);
  }
}
