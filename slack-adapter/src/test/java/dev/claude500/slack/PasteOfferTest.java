package dev.claude500.slack;

import static dev.claude500.slack.MessageShortcutTest.acked;
import static dev.claude500.slack.MessageShortcutTest.drained;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ConversationKey;
import dev.claude500.commands.AutodetectSetting;
import dev.claude500.testing.FakeSlackApi;
import dev.claude500.testing.SlackRequests;
import dev.claude500.testing.SubcommandExamples;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Offers under pasted errors ({@code /claude500 autodetect on}): {@code message} events sent signed
 * to the real adapter in HTTP mode through Bolt, in a channel that opted in and in one that did
 * not, and a click on the offer's button: who sees the offer, how often, and where the triage runs.
 */
@DisplayName("Offers of a triage under a pasted error")
class PasteOfferTest {
  private static final String OFFER = "chat.postEphemeral";

  private final SlackHarness h = MessageShortcutTest.oneWorkerThread();
  private final AtomicInteger events = new AtomicInteger();

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  @DisplayName("in a channel that opted in, the author alone gets one offer; its button starts the triage in that message's thread")
  void anOfferAndItsButton() {
    h.status.current();
    h.command("U0ALICE", "alice", "autodetect on");
    h.slack.await("response_url", c -> c.body().contains("Autodetect is on"), SlackHarness.WAIT);
    ObjectNode bobs = posted("U0BOB", SubcommandExamples.ERROR_500);

    FakeSlackApi.Call offer = h.slack.await(OFFER, c -> true, SlackHarness.WAIT);
    assertThat(offer.param("user")).isEqualTo("U0BOB");
    assertThat(offer.param("channel")).isEqualTo(SlackHarness.CHANNEL);
    assertThat(offer.param("thread_ts")).isEmpty();
    assertThat(offer.blockText()).contains("API Error: 500").contains("The status page is 🟢 green now")
        .contains("Triage it in the thread");

    SlackRequests.Button button = SlackRequests.button(offer, b -> b.element().path("action_id").asText()
        .equals(PasteOffers.ACTION)).orElseThrow();
    acked(() -> h.signed("payload=" + SlackHarness.enc(h.clickPayload(offer, button.element(), button.blockId(),
        "U0BOB", "bob").toString()), SlackRequests.FORM, Map.of()));

    String ts = bobs.path("ts").asText();
    FakeSlackApi.Call opening = h.posted("started a Claude Code 500 triage of their message");
    assertThat(opening.param("thread_ts")).isEqualTo(ts);
    FakeSlackApi.Call read = h.slack.calls("conversations.history").get(0);
    assertThat(read.param("latest")).isEqualTo(ts);
    assertThat(read.param("inclusive")).isIn("1", "true");
    assertThat(read.param("limit")).isEqualTo("1");
    assertThat(h.slack.await("response_url", c -> c.body().contains("Triage started"), SlackHarness.WAIT).body())
        .contains("\"replace_original\":true");
    assertThat(h.engine.find(new ConversationKey("slack", SlackHarness.CHANNEL, ts))).isPresent();
  }

  @Test
  @DisplayName("in a channel that did not opt in, an error gets no offer")
  void aSilentChannel() {
    posted("U0BOB", SubcommandExamples.ERROR_500);
    drained(h);
    assertThat(h.slack.calls(OFFER)).isEmpty();
    assertThat(h.slack.calls("conversations.history")).isEmpty();
  }

  @Test
  @DisplayName("one offer per message, whatever Slack redelivers, and one per person in ten minutes")
  void theRateOfOffers() {
    h.store.autodetect().turnOn(new AutodetectSetting(channel(), "U0ALICE", Instant.now()));
    ObjectNode first = posted("U0BOB", SubcommandExamples.ERROR_500);
    h.event("Ev-again-" + events.incrementAndGet(), SlackRequests.topLevelMessage(SlackHarness.CHANNEL, "U0BOB",
        first.path("text").asText(), first.path("ts").asText()), Map.of());
    posted("U0BOB", "API Error: 529 {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\"}}");
    posted("U0CAROL", "API Error: Rate limit reached");
    drained(h);

    assertThat(h.slack.calls(OFFER)).extracting(c -> c.param("user")).containsExactlyInAnyOrder("U0BOB", "U0CAROL");
  }

  @Test
  @DisplayName("never for a thread reply, a bot's message, an edit, the bot's own, or text without a 500, 529, 429 or 401")
  void neverForTheseMessages() {
    h.store.autodetect().turnOn(new AutodetectSetting(channel(), "U0ALICE", Instant.now()));
    ObjectNode parent = h.slack.personPosted(SlackHarness.CHANNEL, "U0CAROL", "deploy thread", null);
    h.event("Ev-" + events.incrementAndGet(), SlackRequests.threadReply(SlackHarness.CHANNEL, "U0BOB",
        SubcommandExamples.ERROR_500, "1700000700.000001", parent.path("ts").asText()), Map.of());
    h.event("Ev-" + events.incrementAndGet(), SlackRequests.topLevelMessage(SlackHarness.CHANNEL, "U0CI",
        SubcommandExamples.ERROR_500, "1700000700.000002").put("bot_id", "B0CI"), Map.of());
    h.event("Ev-" + events.incrementAndGet(), SlackRequests.topLevelMessage(SlackHarness.CHANNEL, null,
        SubcommandExamples.ERROR_500, "1700000700.000003").put("subtype", "bot_message").put("bot_id", "B0CI"), Map.of());
    ObjectNode edit = SlackRequests.topLevelMessage(SlackHarness.CHANNEL, null, null, "1700000700.000004")
        .put("subtype", "message_changed");
    edit.set("message", SlackRequests.topLevelMessage(SlackHarness.CHANNEL, "U0BOB", SubcommandExamples.ERROR_500,
        "1700000700.000001"));
    h.event("Ev-" + events.incrementAndGet(), edit, Map.of());
    h.event("Ev-" + events.incrementAndGet(), SlackRequests.topLevelMessage(SlackHarness.CHANNEL,
        FakeSlackApi.BOT_USER_ID, SubcommandExamples.ERROR_500, "1700000700.000005"), Map.of());
    posted("U0BOB", "lunch at noon?");
    posted("U0BOB", "API Error: 502 Bad Gateway");
    drained(h);
    assertThat(h.slack.calls(OFFER)).isEmpty();

    posted("U0BOB", SubcommandExamples.ERROR_500);
    assertThat(h.slack.await(OFFER, c -> true, SlackHarness.WAIT).param("user")).as("the same path offers when it should")
        .isEqualTo("U0BOB");
  }

  @Test
  @DisplayName("in a channel the bot is not in, the offer Slack refuses is dropped without a trace")
  void aChannelTheBotIsNotIn() {
    h.store.autodetect().turnOn(new AutodetectSetting(channel(), "U0ALICE", Instant.now()));
    h.slack.script(OFFER, FakeSlackApi.Answer.error("channel_not_found"));
    posted("U0BOB", SubcommandExamples.ERROR_500);
    drained(h);
    assertThat(h.slack.calls(OFFER)).hasSize(1);
    assertThat(h.slack.calls("response_url")).extracting(FakeSlackApi.Call::body)
        .allSatisfy(b -> assertThat(b).doesNotContain("Exception").doesNotContain("channel_not_found"));
  }

  private static ChannelRef channel() {
    return new ChannelRef("slack", SlackHarness.CHANNEL);
  }

  /** Keeps a person's message in the fake and sends its {@code message} event, acknowledged at once. */
  private ObjectNode posted(String userId, String text) {
    ObjectNode m = h.slack.personPosted(SlackHarness.CHANNEL, userId, text, null);
    acked(() -> h.event("Ev-" + events.incrementAndGet(),
        SlackRequests.topLevelMessage(SlackHarness.CHANNEL, userId, text, m.path("ts").asText()), Map.of()));
    return m;
  }
}
