package dev.claude500.slack;

import static dev.claude500.testing.StatusFixtures.RED_INCIDENT_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claude500.incidents.LinkPreviews;
import dev.claude500.testing.FakeSlackApi;
import dev.claude500.testing.FakeStatusPage;
import dev.claude500.testing.StatusFixtures;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code link_shared} through the real adapter (signed HTTP, Bolt, the worker, the Web API client and
 * its retries) against a loopback Slack: a link to an open incident unfurls into its current state;
 * everything else unfurls to nothing, never to an error.
 */
class LinkUnfurlsTest {
  private static final String LINK = "https://status.claude.com/incidents/" + RED_INCIDENT_ID;
  private static final Duration SLACK_WINDOW = Duration.ofSeconds(3);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AtomicInteger ids = new AtomicInteger();
  /** One worker thread: events are handled in the order they came, so a later one shows an earlier one is done. */
  private final SlackHarness h = redPage(new SlackHarness(SlackHarness.tuning(1, 64)));

  @AfterEach
  void close() {
    h.close();
  }

  private static SlackHarness redPage(SlackHarness harness) {
    try {
      harness.page.serveSummary(FakeStatusPage.Response.json(StatusFixtures.redSummaryJson()));
      assertThat(harness.status.current().isKnown()).isTrue();
      return harness.started();
    } catch (Exception e) {
      harness.close();
      throw new IllegalStateException(e);
    }
  }

  @Test
  @DisplayName("a link to an open incident unfurls into its name, impact colour, status, latest update and components")
  void unfurlsAnOpenIncident() {
    long start = System.nanoTime();
    HttpResponse<String> ack = h.event("Ev" + ids.incrementAndGet(), linkShared(List.of(LINK), true, true), Map.of());
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(ack.statusCode()).isEqualTo(200);
    assertThat(took).isLessThan(SLACK_WINDOW);
    FakeSlackApi.Call unfurl = h.slack.await("chat.unfurl", c -> true, SlackHarness.WAIT);
    assertThat(unfurl.param("unfurl_id")).isEqualTo("C0TRIAGE.1700000600.000100.unfurl");
    assertThat(unfurl.param("source")).isEqualTo("conversations_history");
    JsonNode unfurls = unfurl.json("unfurls");
    assertThat(fieldNames(unfurls)).containsExactly(LINK);
    JsonNode shown = unfurls.get(LINK);
    assertThat(shown.path("color").asText()).isEqualTo("#e03e3e");
    String name = h.status.incident(RED_INCIDENT_ID).orElseThrow().name();
    assertThat(shown.path("fallback").asText()).contains(name);
    assertThat(shown.path("blocks").toString()).contains("critical impact").contains("Latest update")
        .contains("Claude Code").contains(LINK);
    assertThat(h.slack.calls("chat.postMessage")).isEmpty();
    assertThat(h.slack.calls("chat.postEphemeral")).isEmpty();
  }

  @Test
  @DisplayName("without an unfurl id, the unfurl names the message by channel and ts")
  void byChannelAndTs() {
    h.event("Ev" + ids.incrementAndGet(), linkShared(List.of(LINK), false, true), Map.of());

    FakeSlackApi.Call unfurl = h.slack.await("chat.unfurl", c -> true, SlackHarness.WAIT);
    assertThat(unfurl.param("channel")).isEqualTo(SlackHarness.CHANNEL);
    assertThat(unfurl.param("ts")).isEqualTo("1700000600.000100");
    assertThat(fieldNames(unfurl.json("unfurls"))).containsExactly(LINK);
  }

  @Test
  @DisplayName("of fifty links in one message, only the first five links to incidents are looked at: one call")
  void fiftyLinks() {
    List<String> links = new ArrayList<>();
    links.add("https://example.com/not-the-page");
    for (int i = 0; i < 49; i++) {
      links.add(i == 3 ? LINK : "https://status.claude.com/incidents/unknown" + i);
    }
    long start = System.nanoTime();
    HttpResponse<String> ack = h.event("Ev" + ids.incrementAndGet(), linkShared(links, true, true), Map.of());

    assertThat(ack.statusCode()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(SLACK_WINDOW);
    FakeSlackApi.Call unfurl = h.slack.await("chat.unfurl", c -> true, SlackHarness.WAIT);
    assertThat(fieldNames(unfurl.json("unfurls"))).containsExactly(LINK);
    sentinel();
    assertThat(h.slack.calls("chat.unfurl")).hasSize(2);
    assertThat(LinkPreviews.MAX_LINKS).isEqualTo(5);
  }

  @Test
  @DisplayName("unknown ids, other hosts, no links and a malformed event unfurl to nothing")
  void nothingForTheRest() {
    for (ObjectNode event : List.of(
        linkShared(List.of("https://status.claude.com/incidents/unknown0id99"), true, true),
        linkShared(List.of("https://example.com/incidents/" + RED_INCIDENT_ID), true, true),
        linkShared(List.of(), true, true),
        (ObjectNode) linkShared(List.of(LINK), false, true).without(List.of("channel", "message_ts")),
        (ObjectNode) linkShared(List.of(LINK), true, true).without("links"))) {
      assertThat(h.event("Ev" + ids.incrementAndGet(), event, Map.of()).statusCode()).isEqualTo(200);
    }

    FakeSlackApi.Call only = sentinel();
    assertThat(h.slack.calls("chat.unfurl")).containsExactly(only);
    assertThat(h.slack.calls("chat.postMessage")).isEmpty();
  }

  @Test
  @DisplayName("in a channel the bot is not in, the unfurl is tried once; Slack's refusal is logged, never shown")
  void channelTheBotIsNotIn() {
    h.slack.script("chat.unfurl", FakeSlackApi.Answer.error("cannot_unfurl_url"));

    HttpResponse<String> ack = h.event("Ev" + ids.incrementAndGet(), linkShared(List.of(LINK), true, false), Map.of());

    assertThat(ack.statusCode()).isEqualTo(200);
    FakeSlackApi.Call refused = h.slack.await("chat.unfurl", c -> true, SlackHarness.WAIT);
    FakeSlackApi.Call next = sentinel();
    assertThat(h.slack.calls("chat.unfurl")).containsExactly(refused, next);
    assertThat(h.slack.calls("chat.postMessage")).isEmpty();
    assertThat(h.slack.calls("chat.postEphemeral")).isEmpty();
  }

  /** Sends one more link and waits for its unfurl: everything sent before it has been handled. */
  private FakeSlackApi.Call sentinel() {
    String marker = LINK + "?sentinel=" + ids.incrementAndGet();
    h.event("Ev" + ids.get(), linkShared(List.of(marker), true, true), Map.of());
    return h.slack.await("chat.unfurl", c -> c.json("unfurls").has(marker), SlackHarness.WAIT);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** Returns a {@code link_shared} event for a message in the harness's channel, as Slack shapes it. */
  private static ObjectNode linkShared(List<String> links, boolean withUnfurlId, boolean botIsMember) {
    ObjectNode e = JSON.createObjectNode().put("type", "link_shared").put("channel", SlackHarness.CHANNEL)
        .put("is_bot_user_member", botIsMember).put("user", "U0ALICE").put("message_ts", "1700000600.000100")
        .put("event_ts", "1700000600.000200");
    if (withUnfurlId) {
      e.put("unfurl_id", SlackHarness.CHANNEL + ".1700000600.000100.unfurl").put("source", "conversations_history");
    }
    ArrayNode array = e.putArray("links");
    links.forEach(l -> array.addObject().put("domain", l.replaceAll("^https?://([^/]+).*$", "$1")).put("url", l));
    return e;
  }
}
