package dev.claude500.slack;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claude500.testing.FakeSlackApi;
import dev.claude500.testing.RandomJson;
import dev.claude500.testing.SlackRequests;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.slf4j.LoggerFactory;

/**
 * Hostile requests to the real {@code POST /slack/events} over loopback: arbitrary bodies, forms
 * with any fields, interactivity payloads and events built from Slack's vocabulary with every part
 * possibly missing or of the wrong type, mixed with ids of a real triage so that some clicks and
 * replies land. Signed correctly, each gets a clean answer within Slack's 3 s (never a 5xx, never a
 * stack trace), and nothing behind it fails unexpectedly (no error is logged); unsigned, each gets
 * 401. The adapter works normally afterwards.
 */
class SlackPayloadPropertiesTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Duration ACK_LIMIT = Duration.ofSeconds(3);
  private static final List<String> CONTENT_TYPES = List.of("application/x-www-form-urlencoded", "application/json",
      "text/plain", "application/octet-stream", "multipart/form-data; boundary=x", "");
  private static final List<String> FORM_KEYS = List.of("command", "text", "channel_id", "user_id", "user_name",
      "trigger_id", "response_url", "team_id", "payload", "ssl_check", "token", "api_app_id", "enterprise_id", "");
  private static final List<String> WORDS = List.of("", "status", "help", "subscribe code api", "unsubscribe",
      "subscriptions", "playbooks", "playbook nope", "API Error: 500 {\"type\":\"error\"}", "1", "skip", "&lt;@U1&gt;",
      "<@U0ALICE>", "```", "\u0000", "\ud83d", "😀", "x".repeat(3_000));
  private static final List<String> TYPES = List.of("block_actions", "view_submission", "view_closed", "shortcut",
      "message_action", "block_suggestion", "interactive_message", "dialog_submission", "event_callback",
      "url_verification", "app_rate_limited", "message", "app_mention", "reaction_added", "file_share",
      "thread_broadcast", "message_changed", "bot_message", "bogus");

  private static final List<String> JUNK_KEYS = List.of("type", "text", "id", "ts", "value", "blocks", "elements",
      "user");

  private static SlackHarness h;
  private static ListAppender<ILoggingEvent> logged;
  private static String thread;
  private static List<String> messageTs;
  private static List<String> buttonValues;

  @BeforeContainer
  static void start() throws Exception {
    h = new SlackHarness().started();
    h.command("U0ALICE", "alice", "");
    FakeSlackApi.Call question = h.posted("Which error did Claude Code print?");
    thread = question.param("thread_ts");
    messageTs = List.of(thread, question.ts(), "1700000000.000001");
    buttonValues = question.json("blocks").findValuesAsText("value");
    logged = new ListAppender<>();
    logged.start();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logged);
  }

  @AfterContainer
  static void stop() {
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logged);
    h.close();
  }

  @Property(tries = 150)
  void anySignedBodyGetsACleanAnswer(@ForAll("bodies") byte[] body, @ForAll("contentTypes") String contentType) {
    cleanAnswer(body, contentType);
  }

  @Property(tries = 200)
  void signedFormsWithAnyFieldsGetACleanAnswer(@ForAll("seeds") long seed) {
    Random r = new Random(seed);
    Map<String, String> form = new LinkedHashMap<>();
    for (int i = 0, n = r.nextInt(9); i < n; i++) {
      String key = pick(r, FORM_KEYS);
      form.put(key, switch (key) {
        case "command" -> pick(r, List.of("/claude500", "/other", "", "claude500", "/" + "x".repeat(200)));
        case "channel_id" -> pick(r, List.of(SlackHarness.CHANNEL, "C0OTHER", "", "not a channel"));
        case "user_id" -> pick(r, List.of("U0ALICE", "U0BOB", "", "<script>"));
        case "response_url" -> responseUrl(r);
        case "payload" -> r.nextBoolean() ? interactivity(r).toString() : pick(r, WORDS);
        default -> pick(r, WORDS);
      });
    }
    cleanAnswer(SlackRequests.form(form).getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
  }

  @Property(tries = 200)
  void signedInteractivityPayloadsGetACleanAnswer(@ForAll("seeds") long seed) {
    Random r = new Random(seed);
    String body = "payload=" + SlackRequests.enc(interactivity(r).toString());
    cleanAnswer(body.getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
  }

  @Property(tries = 200)
  void signedEventsGetACleanAnswer(@ForAll("seeds") long seed) {
    Random r = new Random(seed);
    cleanAnswer(event(r).toString().getBytes(StandardCharsets.UTF_8), "application/json");
  }

  @Property(tries = 100)
  void unsignedOrMissignedBodiesGet401(@ForAll("seeds") long seed, @ForAll("bodies") byte[] body) {
    Random r = new Random(seed);
    Map<String, String> headers = new LinkedHashMap<>();
    long now = Instant.now().getEpochSecond();
    switch (r.nextInt(5)) {
      case 0 -> { }
      case 1 -> headers.put("X-Slack-Signature", h.signer.signature(now, body));
      case 2 -> headers.put("X-Slack-Request-Timestamp", Long.toString(now));
      case 3 -> headers.putAll(Map.of("X-Slack-Request-Timestamp", Long.toString(now),
          "X-Slack-Signature", h.signer.signature(now + 1, body)));
      default -> headers.putAll(Map.of("X-Slack-Request-Timestamp", pick(r, List.of("", "-1", "0x10", "1e9", now + "s", "+" + now)),
          "X-Slack-Signature", pick(r, List.of("", "v0=", "v1=" + "0".repeat(64), "v0=zz", h.signer.signature(now, body)))));
    }
    HttpResponse<String> answer = h.send(body, pick(r, CONTENT_TYPES.subList(0, 4)), headers);
    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.body()).isEqualTo("{\"error\":\"invalid signature\"}");
  }

  @Example
  void afterwardsNothingFailedBehindTheAnswersAndATriageStillStarts() {
    h.command("U0CAROL", "carol", "", "trigger-after-fuzz");
    h.slack.await("chat.postMessage", c -> c.param("text").contains("started a Claude Code 500 triage")
        && c.blockText().contains("<@U0CAROL>"), SlackHarness.WAIT);
    SlackHarness.quiet(Duration.ofMillis(500));
    assertThat(errors()).isEmpty();
  }

  private static void cleanAnswer(byte[] body, String contentType) {
    long start = System.nanoTime();
    HttpResponse<String> answer = h.send(body, contentType, h.signer.headers(Instant.now(), body));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(ACK_LIMIT);
    assertThat(answer.statusCode()).isBetween(200, 499);
    assertThat(answer.body()).doesNotContain("Exception", "\tat ", "java.");
    assertThat(errors()).isEmpty();
  }

  private static List<String> errors() {
    List<ILoggingEvent> events;
    synchronized (logged) { // the appender adds under this lock, from the bot's threads
      events = List.copyOf(logged.list);
    }
    return events.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
        .map(e -> cut(e.getLoggerName() + ": " + e.getFormattedMessage()
            + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getClassName() + ": "
                + e.getThrowableProxy().getMessage())))
        .collect(Collectors.toList());
  }

  private static String cut(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }

  /** A {@code block_actions} (or other) payload, each part possibly missing, wrong or real. */
  private static ObjectNode interactivity(Random r) {
    ObjectNode p = NODES.objectNode();
    maybe(r, () -> p.put("type", r.nextInt(3) > 0 ? "block_actions" : pick(r, TYPES)));
    maybe(r, () -> p.set("user", r.nextInt(6) == 0 ? junk(r, 1)
        : NODES.objectNode().put("id", pick(r, List.of("U0BOB", "U0ALICE", ""))).put("username", "bob")));
    maybe(r, () -> p.set("channel", r.nextInt(6) == 0 ? junk(r, 1) : NODES.objectNode().put("id", channel(r))));
    maybe(r, () -> p.set("container", r.nextInt(6) == 0 ? junk(r, 1) : NODES.objectNode().put("type", "message")
        .put("channel_id", channel(r)).put("message_ts", pick(r, messageTs)).put("thread_ts", pick(r, messageTs))));
    maybe(r, () -> p.set("message", r.nextInt(6) == 0 ? junk(r, 1) : NODES.objectNode()
        .put("ts", pick(r, messageTs)).put("thread_ts", pick(r, messageTs)).set("blocks", junk(r, 2))));
    maybe(r, () -> p.put("response_url", responseUrl(r)));
    maybe(r, () -> p.put("trigger_id", "trig-" + r.nextInt(1_000)));
    maybe(r, () -> {
      ArrayNode actions = p.putArray("actions");
      for (int i = 0, n = r.nextInt(3); i < n; i++) {
        ObjectNode a = actions.addObject();
        maybe(r, () -> a.put("action_id", pick(r, List.of(SlackMessages.ANSWER_ACTION + r.nextInt(12), "other", ""))));
        maybe(r, () -> a.put("type", pick(r, List.of("button", "static_select", ""))));
        maybe(r, () -> a.put("value", r.nextInt(3) == 0 ? pick(r, buttonValues)
            : r.nextBoolean() ? new ButtonValue(pick(r, WORDS), pick(r, WORDS)).encode() : pick(r, WORDS)));
        maybe(r, () -> a.set("text", r.nextBoolean() ? NODES.objectNode().put("type", "plain_text")
            .put("text", pick(r, WORDS)) : junk(r, 1)));
      }
    });
    if (r.nextInt(5) == 0) {
      p.set(pick(r, List.of("view", "state", "team", "actions", "user", "api_app_id")), junk(r, 2));
    }
    return p;
  }

  /** An {@code event_callback} (or other) body, each part possibly missing, wrong or real. */
  private static ObjectNode event(Random r) {
    ObjectNode e = NODES.objectNode();
    maybe(r, () -> e.put("type", r.nextInt(3) > 0 ? "event_callback" : pick(r, TYPES)));
    maybe(r, () -> e.put("event_id", "Ev" + r.nextInt(50)));
    maybe(r, () -> e.put("team_id", FakeSlackApi.TEAM_ID));
    maybe(r, () -> e.put("challenge", pick(r, WORDS)));
    maybe(r, () -> {
      ObjectNode ev = NODES.objectNode();
      maybe(r, () -> ev.put("type", r.nextInt(3) > 0 ? "message" : pick(r, TYPES)));
      if (r.nextInt(3) == 0) {
        ev.put("subtype", pick(r, List.of("bot_message", "message_changed", "file_share", "thread_broadcast",
            "message_deleted", "bogus")));
      }
      maybe(r, () -> ev.put("channel", channel(r)));
      maybe(r, () -> ev.put("user", pick(r, List.of("U0CAROL", FakeSlackApi.BOT_USER_ID, ""))));
      maybe(r, () -> ev.put("text", pick(r, WORDS)));
      maybe(r, () -> ev.put("ts", "1700000600." + r.nextInt(999_999)));
      maybe(r, () -> ev.put("thread_ts", pick(r, messageTs)));
      maybe(r, () -> ev.put("parent_user_id", FakeSlackApi.BOT_USER_ID));
      if (r.nextInt(4) == 0) {
        ArrayNode files = ev.putArray("files");
        files.add(r.nextBoolean() ? NODES.objectNode().put("id", "F" + r.nextInt(9)).put("mode", "snippet")
            .put("filetype", "text").put("size", r.nextInt()) : junk(r, 1));
      }
      if (r.nextInt(6) == 0) {
        ev.set(pick(r, List.of("root", "edited", "blocks", "bot_id", "message", "files")), junk(r, 2));
      }
      e.set("event", r.nextInt(8) == 0 ? junk(r, 1) : ev);
    });
    return e;
  }

  private static String channel(Random r) {
    return pick(r, List.of(SlackHarness.CHANNEL, SlackHarness.CHANNEL, "C0OTHER", "", "D0DM"));
  }

  /** Response URLs that go nowhere but the fake (or nowhere at all). */
  private static String responseUrl(Random r) {
    return pick(r, List.of(h.slack.responseUrl("fuzz-" + r.nextInt(100)), "", "not a url", "http://127.0.0.1:1/x"));
  }

  private static JsonNode junk(Random r, int depth) {
    return RandomJson.any(r, depth, r.nextBoolean() ? WORDS : TYPES, JUNK_KEYS);
  }

  private static <T> T pick(Random r, List<T> from) {
    return RandomJson.pick(r, from);
  }

  private static void maybe(Random r, Runnable part) {
    if (r.nextInt(5) > 0) {
      part.run();
    }
  }

  @Provide
  Arbitrary<Long> seeds() {
    return Arbitraries.longs();
  }

  @Provide
  Arbitrary<String> contentTypes() {
    return Arbitraries.of(CONTENT_TYPES);
  }

  @Provide
  Arbitrary<byte[]> bodies() {
    Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMaxSize(1_000);
    Arbitrary<byte[]> formish = Arbitraries.strings().withChars("payload=command%7B%7D{}[]\":,&=+/claude500 \n")
        .ofMaxLength(1_000).map(s -> s.getBytes(StandardCharsets.UTF_8));
    Arbitrary<byte[]> text = Arbitraries.strings().all().ofMaxLength(500).map(s -> s.getBytes(StandardCharsets.UTF_8));
    return Arbitraries.oneOf(noise, formish, text);
  }
}
