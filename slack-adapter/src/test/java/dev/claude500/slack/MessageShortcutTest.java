package dev.claude500.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claude500.chat.ConversationKey;
import dev.claude500.testing.FakeSlackApi;
import dev.claude500.testing.SubcommandExamples;
import dev.claude500.triage.TriageView;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * "Triage with claude500" on a message (the {@code message_action} payload), sent signed to the
 * real adapter in HTTP mode through Bolt: where the triage runs, who it names, how fast it is
 * acknowledged, and what bad input gets.
 */
@DisplayName("The Triage with claude500 message shortcut")
class MessageShortcutTest {
  private static final String FIRST_QUESTION = "Where does the 500 show up?";

  private final SlackHarness h = oneWorkerThread();

  /** A running harness whose adapter works on one thread, so that {@link #drained} can tell when it is idle. */
  static SlackHarness oneWorkerThread() {
    SlackHarness h = new SlackHarness(SlackHarness.tuning(1, 64));
    try {
      return h.started();
    } catch (Exception e) {
      h.close();
      throw new IllegalStateException("the Slack adapter did not start", e);
    }
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  @DisplayName("starts a triage in that message's thread, acknowledged at once, its text the paste, naming who asked and whose message it is")
  void startsInTheMessagesThread() {
    h.status.current();
    ObjectNode bobs = h.slack.personPosted(SlackHarness.CHANNEL, "U0BOB", SubcommandExamples.ERROR_500, null);

    HttpResponse<String> ack = acked(() -> h.shortcut("U0ALICE", "alice", bobs));

    assertThat(ack.body()).isEmpty();
    String thread = bobs.path("ts").asText();
    FakeSlackApi.Call opening = h.posted("started a Claude Code 500 triage");
    assertThat(opening.param("thread_ts")).isEqualTo(thread);
    assertThat(opening.param("text")).startsWith("<@U0ALICE> started a Claude Code 500 triage of <@U0BOB>'s message");
    assertThat(h.posted(FIRST_QUESTION).param("thread_ts")).as("the paste answered the error question").isEqualTo(thread);
    assertThat(h.slack.topLevel(SlackHarness.CHANNEL)).hasSize(1);
    TriageView view = h.engine.find(key(thread)).orElseThrow();
    assertThat(view.open()).isTrue();
    assertThat(view.startedBy().id()).isEqualTo("U0ALICE");
    assertThat(h.slack.calls("response_url")).isEmpty();
  }

  @Test
  @DisplayName("on a reply in a thread, runs in that thread (threads do not nest); a second one there is told the triage runs already")
  void aReplyIsTriagedInItsThreadOnce() {
    ObjectNode parent = h.slack.personPosted(SlackHarness.CHANNEL, "U0CAROL", "anyone else seeing errors?", null);
    String thread = parent.path("ts").asText();
    ObjectNode reply = h.slack.personPosted(SlackHarness.CHANNEL, "U0BOB", SubcommandExamples.ERROR_500, thread);

    h.shortcut("U0ALICE", "alice", reply);
    assertThat(h.posted("started a Claude Code 500 triage").param("thread_ts")).isEqualTo(thread);
    h.posted(FIRST_QUESTION);

    h.shortcut("U0DAN", "dan", parent);
    FakeSlackApi.Call told = h.slack.await("response_url", c -> true, SlackHarness.WAIT);
    assertThat(told.body()).contains("A triage is already running in that message");
    assertThat(h.slack.calls("chat.postMessage")).filteredOn(c -> c.param("text").contains("started a")).hasSize(1);
  }

  @Test
  @DisplayName("a repeated delivery of one shortcut starts one triage")
  void aRepeatedDeliveryStartsOne() {
    ObjectNode bobs = h.slack.personPosted(SlackHarness.CHANNEL, "U0BOB", SubcommandExamples.ERROR_500, null);

    h.shortcut("U0ALICE", "alice", bobs, "trigger-same");
    h.shortcut("U0ALICE", "alice", bobs, "trigger-same");

    h.posted(FIRST_QUESTION);
    drained(h);
    assertThat(h.slack.calls("chat.postMessage")).filteredOn(c -> c.param("text").contains("started a")).hasSize(1);
    assertThat(h.slack.calls("response_url")).hasSize(1); // the marker's
  }

  @Test
  @DisplayName("on a message without text, or one of the bot's own, says why not to the person who asked, and starts nothing")
  void noTextAndOwnMessagesAreAnsweredClearly() {
    ObjectNode image = h.slack.personPosted(SlackHarness.CHANNEL, "U0BOB", "", null);
    h.shortcut("U0ALICE", "alice", image);
    assertThat(h.slack.await("response_url", c -> true, SlackHarness.WAIT).body()).contains("has no text I can read");

    h.command("U0ALICE", "alice", "");
    FakeSlackApi.Call ours = h.posted("started a Claude Code 500 triage");
    h.posted("Which error did Claude Code print?");
    h.slack.clearCalls();
    ObjectNode own = h.slack.messages(SlackHarness.CHANNEL).stream()
        .filter(m -> m.path("ts").asText().equals(ours.ts())).findFirst().orElseThrow();
    h.shortcut("U0ALICE", "alice", own);
    assertThat(h.slack.await("response_url", c -> true, SlackHarness.WAIT).body()).contains("one of my own messages");

    assertThat(h.slack.calls("chat.postMessage")).isEmpty();
    assertThat(h.slack.calls("response_url")).allSatisfy(c -> assertThat(c.body()).doesNotContain("Exception"));
  }

  @Test
  @DisplayName("on a 40,000-character message, starts a triage whose stored state and posts stay bounded")
  void aLongMessageIsBounded() {
    String text = SubcommandExamples.ERROR_500 + "\n" + "stack frame at x.y.z(Unknown Source)\n".repeat(1_100);
    ObjectNode long40k = h.slack.personPosted(SlackHarness.CHANNEL, "U0BOB", text.substring(0, 40_000), null);

    acked(() -> h.shortcut("U0ALICE", "alice", long40k));

    h.posted(FIRST_QUESTION);
    String thread = long40k.path("ts").asText();
    assertThat(h.store.conversations().find(key(thread)).orElseThrow().state().length()).isLessThan(20_000);
    assertThat(h.slack.calls("chat.postMessage")).allSatisfy(c -> assertThat(c.param("text").length()).isLessThan(4_000));
  }

  @Test
  @DisplayName("in a channel the bot is not in, tells the person to invite it, and starts nothing")
  void aChannelTheBotIsNotIn() {
    ObjectNode bobs = h.slack.personPosted(SlackHarness.CHANNEL, "U0BOB", SubcommandExamples.ERROR_500, null);
    h.slack.script("chat.postMessage", FakeSlackApi.Answer.error("not_in_channel"));

    h.shortcut("U0ALICE", "alice", bobs);

    assertThat(h.slack.await("response_url", c -> true, SlackHarness.WAIT).body()).contains("invite me with");
    assertThat(h.engine.find(key(bobs.path("ts").asText()))).isEmpty();
  }

  private static ConversationKey key(String thread) {
    return new ConversationKey(SlackAdapter.PLATFORM, SlackHarness.CHANNEL, thread);
  }

  /** Sends a request and checks it was answered 200 well inside Slack's 3 s. */
  static HttpResponse<String> acked(java.util.function.Supplier<HttpResponse<String>> send) {
    long start = System.nanoTime();
    HttpResponse<String> r = send.get();
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(took).isLessThan(Duration.ofSeconds(3));
    return r;
  }

  /**
   * Waits until the work queued so far is done: the harness's worker has one thread, which takes
   * tasks in order, so once a later {@code help} is answered every earlier request was handled.
   */
  static void drained(SlackHarness h) {
    String marker = "drained-" + System.nanoTime();
    h.command("U0MARKER", "marker", "help", marker);
    h.slack.await("response_url", c -> c.body().contains("claude500 walks you"), SlackHarness.WAIT);
  }
}
