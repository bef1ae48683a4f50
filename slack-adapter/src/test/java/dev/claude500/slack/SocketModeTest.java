package dev.claude500.slack;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claude500.adapters.AdapterServices;
import dev.claude500.testing.FakeSlackApi;
import dev.claude500.testing.FakeSocketModeServer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

@DisplayName("Slack in Socket Mode, end to end: hello, envelopes acked, a dropped connection comes back")
class SocketModeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration ACK = Duration.ofSeconds(3);
  private static final Duration CONNECT = Duration.ofSeconds(10);
  private static final String OPENED = "Socket Mode connection opened";
  private static final String CLOSED = "Socket Mode connection closed";

  private final HeldSessionCleaner cleaner = new HeldSessionCleaner();
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private SlackHarness h;
  private FakeSocketModeServer ws;
  private SlackAdapter adapter;

  @BeforeEach
  void start() throws Exception {
    logged.start();
    connectionLog().addAppender(logged);
    h = new SlackHarness();
    ws = FakeSocketModeServer.begin();
    h.slack.socketModeUrl(ws.url());
    AdapterServices services = h.services;
    adapter = new SlackAdapter(new SlackSettings("xoxb-test-token", Optional.empty(), Optional.of("xapp-1-test"),
        h.slack.apiUrl()), services, new SlackAdapter.Tuning(4, 64, SlackHarness.fastRetries(), cleaner));
  }

  @AfterEach
  void stop() {
    connectionLog().detachAppender(logged);
    cleaner.close();
    adapter.close();
    ws.close();
    h.close();
  }

  private String slashCommand(String envelopeId, String text, String trigger) {
    ObjectNode payload = JSON.createObjectNode().put("token", "legacy").put("team_id", FakeSlackApi.TEAM_ID)
        .put("team_domain", "fake").put("channel_id", SlackHarness.CHANNEL).put("channel_name", "incidents")
        .put("user_id", "U0ALICE").put("user_name", "alice").put("command", "/claude500").put("text", text)
        .put("api_app_id", "A0APP").put("is_enterprise_install", "false")
        .put("response_url", h.slack.responseUrl(trigger)).put("trigger_id", trigger);
    ObjectNode envelope = JSON.createObjectNode().put("envelope_id", envelopeId).put("type", "slash_commands")
        .put("accepts_response_payload", true);
    envelope.set("payload", payload);
    return envelope.toString();
  }

  private String click(String envelopeId, FakeSlackApi.Call posted, String value) {
    JsonNode button = null;
    String blockId = null;
    for (JsonNode block : posted.json("blocks")) {
      for (JsonNode e : block.path("elements")) {
        if (ButtonValue.decode(e.path("value").asText()).map(v -> v.value().equals(value)).orElse(false)) {
          button = e;
          blockId = block.path("block_id").asText();
        }
      }
    }
    ObjectNode envelope = JSON.createObjectNode().put("envelope_id", envelopeId).put("type", "interactive")
        .put("accepts_response_payload", false);
    envelope.set("payload", h.clickPayload(posted, button, blockId, "U0BOB", "bob"));
    return envelope.toString();
  }

  private String threadReply(String envelopeId, String eventId, String thread, String text, int retry) {
    ObjectNode event = JSON.createObjectNode().put("type", "message").put("channel", SlackHarness.CHANNEL)
        .put("user", "U0CAROL").put("text", text).put("ts", "1700000700.000001").put("thread_ts", thread)
        .put("event_ts", "1700000700.000001").put("channel_type", "channel");
    ObjectNode payload = JSON.createObjectNode().put("token", "legacy").put("team_id", FakeSlackApi.TEAM_ID)
        .put("api_app_id", "A0APP").put("type", "event_callback").put("event_id", eventId).put("event_time", 1700000700);
    payload.set("event", event);
    payload.putArray("authorizations").addObject().put("team_id", FakeSlackApi.TEAM_ID)
        .put("user_id", FakeSlackApi.BOT_USER_ID).put("is_bot", true);
    ObjectNode envelope = JSON.createObjectNode().put("envelope_id", envelopeId).put("type", "events_api")
        .put("accepts_response_payload", false).put("retry_attempt", retry).put("retry_reason", retry > 0 ? "timeout" : "");
    envelope.set("payload", payload);
    return envelope.toString();
  }

  @Test
  void slashCommandsClicksAndThreadRepliesArriveOverTheSocketAndAreAcked() throws Exception {
    adapter.start();
    ws.awaitConnections(1, Duration.ofSeconds(5));
    assertThat(adapter.isReady()).isTrue();
    assertThat(h.slack.calls("apps.connections.open")).isNotEmpty()
        .allSatisfy(c -> assertThat(c.headers().get("authorization")).containsExactly("Bearer xapp-1-test"));
    assertThat(h.slack.calls("auth.test")).hasSize(1);

    ws.send(slashCommand("env-cmd-1", "", "trig-1"));
    ws.awaitAck("env-cmd-1", ACK);
    FakeSlackApi.Call which = h.posted("Which error did Claude Code print?");
    String thread = which.param("thread_ts");

    ws.send(click("env-click-1", which, "500"));
    ws.awaitAck("env-click-1", ACK);
    h.slack.await("chat.update", c -> c.param("ts").equals(which.ts()), SlackHarness.WAIT);
    FakeSlackApi.Call where = h.posted("Where does the 500 show up?");
    ws.send(click("env-click-2", where, "every"));
    ws.awaitAck("env-click-2", ACK);
    ws.send(click("env-click-3", h.posted("After fixing the route or credentials"), "still-failing"));
    ws.awaitAck("env-click-3", ACK);
    h.posted("Paste the exact error line");

    ws.send(threadReply("env-ev-1", "Ev0SOCK", thread, "no request id, sorry", 0));
    ws.send(threadReply("env-ev-2", "Ev0SOCK", thread, "no request id, sorry", 1));
    ws.awaitAck("env-ev-1", ACK);
    ws.awaitAck("env-ev-2", ACK);
    h.posted("Run /status in Claude Code");
    SlackHarness.quiet(Duration.ofMillis(300));
    assertThat(h.threadTexts(thread)).filteredOn(t -> t.startsWith("Run /status")).hasSize(1);
    assertThat(h.threadTexts(thread)).as("the retried envelope did not answer the /status request too")
        .noneMatch(t -> t.contains("paste the /debug output"));

    ws.send(slashCommand("env-cmd-2", "status", "trig-2"));
    ws.awaitAck("env-cmd-2", ACK);
    assertThat(h.slack.await("response_url", c -> true, SlackHarness.WAIT).param("response_type")).isEqualTo("ephemeral");
  }

  @Test
  void anEventWhosePartsSlacksTypesCannotReadIsAckedAndNotActedOn() throws Exception {
    adapter.start();
    ws.awaitConnections(1, Duration.ofSeconds(5));
    ws.send(slashCommand("env-cmd-1", "", "trig-1"));
    String thread = h.posted("Which error did Claude Code print?").param("thread_ts");
    ObjectNode envelope = (ObjectNode) JSON.readTree(threadReply("env-ev-junk", "Ev0JUNK", thread, "500", 0));
    ((ObjectNode) envelope.path("payload").path("event")).putArray("blocks").addObject().put("text", "no type");
    ws.send(envelope.toString());
    ws.awaitAck("env-ev-junk", ACK);
    SlackHarness.quiet(Duration.ofMillis(300));
    List<ILoggingEvent> events;
    synchronized (logged) {
      events = List.copyOf(logged.list);
    }
    assertThat(events).as("nothing was logged as a failure of the bot")
        .noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN));
    assertThat(h.threadTexts(thread)).noneMatch(t -> t.startsWith("Where does the 500 show up?"));
  }

  @Test
  void aDroppedConnectionIsOpenedAgainAndWorks() throws Exception {
    adapter.start();
    ws.awaitConnections(1, Duration.ofSeconds(5));
    int opens = h.slack.calls("apps.connections.open").size();

    ws.drop();
    long dropped = System.nanoTime();
    ws.awaitConnections(2, Duration.ofSeconds(20));
    System.out.printf("Socket Mode reconnected %d ms after the drop%n", (System.nanoTime() - dropped) / 1_000_000);
    assertThat(h.slack.calls("apps.connections.open").size()).isGreaterThan(opens);

    ws.send(slashCommand("env-after", "help", "trig-after"));
    ws.awaitAck("env-after", ACK);
    h.slack.await("response_url", c -> c.blockText().contains("/claude500 status"), SlackHarness.WAIT);
    assertThat(adapter.isReady()).isTrue();
  }

  @Test
  void aDisconnectNoticeMovesToANewConnectionAtOnce() throws Exception {
    adapter.start();
    ws.awaitConnections(1, Duration.ofSeconds(5));
    ws.refresh();
    ws.awaitConnections(2, Duration.ofSeconds(5));
    ws.send(slashCommand("env-refreshed", "help", "trig-refreshed"));
    ws.awaitAck("env-refreshed", ACK);
  }

  /**
   * Starts, has Slack ask for a refresh, and waits until the bot has the new connection open while the
   * retired one still is: Bolt closes the retired one on its session cleaner, held here.
   *
   * @param holdHello whether Slack holds back its hello on the new connection
   */
  private void refreshUntilBothConnectionsAreOpen(boolean holdHello) throws Exception {
    adapter.start();
    ws.awaitConnections(1, CONNECT);
    assertThat(adapter.isReady()).isTrue();
    cleaner.hold();
    if (holdHello) {
      ws.holdHello();
    }
    ws.refresh();
    ws.awaitConnections(2, CONNECT);
    awaitLogged(OPENED, 2);
    assertThat(cleaner.cleanerMade()).as("Bolt's session cleaner is the one held").isTrue();
  }

  private static Logger connectionLog() {
    return (Logger) LoggerFactory.getLogger(SocketModeConnection.class);
  }

  /**
   * Waits until the bot has logged {@code count} lines starting with {@code prefix} in all: it logs
   * each connection it opened, and each close once it has handled it.
   */
  private void awaitLogged(String prefix, int count) {
    long end = System.nanoTime() + CONNECT.toNanos();
    while (logged(prefix) < count) {
      if (System.nanoTime() > end) {
        throw new AssertionError("the bot logged " + logged(prefix) + " of " + count + " '" + prefix + "' within " + CONNECT);
      }
      SlackHarness.quiet(Duration.ofMillis(10));
    }
  }

  private long logged(String prefix) {
    synchronized (logged) {
      return logged.list.stream().filter(e -> e.getFormattedMessage().startsWith(prefix)).count();
    }
  }

  private void awaitReady(boolean ready, Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    while (adapter.isReady() != ready) {
      if (System.nanoTime() > end) {
        throw new AssertionError("isReady() still " + !ready + " after " + timeout);
      }
      SlackHarness.quiet(Duration.ofMillis(20));
    }
  }

  /** Sends {@code /claude500 help} to the newest connection; waits for its ack and for the help it brings. */
  private void helpAnsweredOnTheNewConnection(String envelopeId) {
    int before = h.slack.calls("response_url").size();
    ws.send(slashCommand(envelopeId, "help", "trig-" + envelopeId));
    ws.awaitAck(envelopeId, ACK);
    long end = System.nanoTime() + SlackHarness.WAIT.toNanos();
    while (h.slack.calls("response_url").stream().skip(before).noneMatch(c -> c.blockText().contains("/claude500 status"))) {
      if (System.nanoTime() > end) {
        throw new AssertionError("no help answered for " + envelopeId + " within " + SlackHarness.WAIT);
      }
      SlackHarness.quiet(Duration.ofMillis(20));
    }
  }

  @Test
  @DisplayName("a refresh: the new connection says hello, then Slack closes the retired one, and the bot stays ready")
  void slackClosingTheRetiredConnectionAfterTheNewOneSaidHelloKeepsTheBotReady() throws Exception {
    refreshUntilBothConnectionsAreOpen(false);
    // Bolt handles what a connection says in order: the ack proves the hello before it was handled.
    helpAnsweredOnTheNewConnection("env-new-1");

    ws.retire(1);
    ws.awaitClosed(1, CONNECT);
    awaitLogged(CLOSED, 1);

    assertThat(adapter.isReady()).as("ready on the live connection after the retired one closed").isTrue();
    helpAnsweredOnTheNewConnection("env-new-2");
    assertThat(adapter.isReady()).isTrue();
  }

  @Test
  @DisplayName("a refresh: the new connection says hello, then Bolt closes the retired one, and the bot stays ready")
  void boltClosingTheRetiredConnectionAfterTheNewOneSaidHelloKeepsTheBotReady() throws Exception {
    refreshUntilBothConnectionsAreOpen(false);
    helpAnsweredOnTheNewConnection("env-new-1");

    cleaner.release();
    ws.awaitClosed(1, CONNECT);
    awaitLogged(CLOSED, 1);

    assertThat(adapter.isReady()).as("ready on the live connection after Bolt closed the retired one").isTrue();
    helpAnsweredOnTheNewConnection("env-new-2");
  }

  @Test
  @DisplayName("a refresh: the retired connection closes before the new one says hello, and the bot stays ready")
  void theRetiredConnectionClosingBeforeTheNewOneSaysHelloKeepsTheBotReady() throws Exception {
    refreshUntilBothConnectionsAreOpen(true);

    ws.retire(1);
    ws.awaitClosed(1, CONNECT);
    awaitLogged(CLOSED, 1);
    assertThat(adapter.isReady()).as("ready while the new connection is open").isTrue();

    ws.sayHello();
    helpAnsweredOnTheNewConnection("env-new-1");
    assertThat(adapter.isReady()).isTrue();
  }

  @Test
  @DisplayName("losing every connection makes the bot not ready until it has connected again")
  void losingEveryConnectionMakesTheBotNotReadyUntilItReconnects() throws Exception {
    adapter.start();
    ws.awaitConnections(1, CONNECT);
    assertThat(adapter.isReady()).isTrue();

    ws.refuse(true);
    ws.dropAll();
    awaitReady(false, CONNECT);
    assertThat(adapter.isReady()).as("not ready while Slack refuses new connections").isFalse();

    ws.refuse(false);
    ws.awaitConnections(2, Duration.ofSeconds(30));
    awaitReady(true, CONNECT);
    helpAnsweredOnTheNewConnection("env-back");
  }

  @Test
  void anAppTokenSlackRefusesStopsStartUp() {
    h.slack.socketModeUrl(null);
    org.assertj.core.api.Assertions.assertThatThrownBy(adapter::start).isInstanceOf(Exception.class)
        .hasMessageContaining("invalid_auth");
  }
}
