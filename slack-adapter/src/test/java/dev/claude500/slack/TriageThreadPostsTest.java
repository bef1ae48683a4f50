package dev.claude500.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.slack.api.Slack;
import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.Choice;
import dev.claude500.chat.ConversationKey;
import dev.claude500.chat.MessageRef;
import dev.claude500.chat.Reply;
import dev.claude500.chat.Text;
import dev.claude500.metrics.BotMetrics;
import dev.claude500.testing.FakeSlackApi;
import dev.claude500.testing.FakeSlackApi.Lost;
import dev.claude500.testing.FakeStatusPage;
import dev.claude500.triage.TriageOutcome;
import dev.claude500.triage.TriageResult;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Triage threads: lost answers, snippets, and questions that lose their buttons however answered")
class TriageThreadPostsTest {
  private static final String ERROR_LINE = "API Error: 500 {\"type\":\"error\",\"error\":{\"type\":\"api_error\","
      + "\"message\":\"Internal server error\"},\"request_id\":\"req_011CXmPAT8xd3GWgKxdq8TRC\"}";

  private SlackHarness h;

  @BeforeEach
  void start() throws Exception {
    h = new SlackHarness();
  }

  @AfterEach
  void stop() {
    h.close();
  }

  /** Starts the adapter and a triage; returns its first question's post. */
  private FakeSlackApi.Call firstQuestion() throws Exception {
    h.started();
    h.command("U0ALICE", "alice", "");
    return h.posted("Which error did Claude Code print?");
  }

  private static FakeSlackApi.Answer[] times(int n, FakeSlackApi.Answer answer) {
    FakeSlackApi.Answer[] answers = new FakeSlackApi.Answer[n];
    Arrays.fill(answers, answer);
    return answers;
  }

  /** Asserts that the post whose answer was lost is in the thread once, and that no post is there twice. */
  private void lostPostShownOnce(String thread) {
    String lostKey = h.slack.calls("chat.postMessage").stream().filter(c -> c.status() == 0).findFirst().orElseThrow()
        .json("metadata").path("event_payload").path(PostTag.ITEM_KEY).asText();
    assertThat(h.slack.replies(SlackHarness.CHANNEL, thread))
        .extracting(m -> m.path("metadata").path("event_payload").path(PostTag.ITEM_KEY).asText())
        .doesNotHaveDuplicates().containsOnlyOnce(lostKey);
  }

  @Test
  @DisplayName("a reply whose post lost its answer is found in the thread, shown once, and the triage goes on")
  void lostAnswerInTheThread() throws Exception {
    FakeSlackApi.Call which = firstQuestion();
    String thread = which.param("thread_ts");
    h.slack.loseAnswers("chat.postMessage", 1, Lost.CONNECTION_DROPPED);

    h.click(which, "500", "U0BOB", "bob");
    FakeSlackApi.Call where = h.posted("Where does the 500 show up?");
    h.slack.await("conversations.replies", c -> c.param("ts").equals(thread), SlackHarness.WAIT);
    h.click(where, "every", "U0BOB", "bob");
    h.posted("After fixing the route or credentials");

    lostPostShownOnce(thread);
  }

  @Test
  @DisplayName("replies Slack refuses with 5xx past the retries are posted later, each once and in order")
  void repliesHeldBackByAnOutageArePostedLater() throws Exception {
    FakeSlackApi.Call which = firstQuestion();
    String thread = which.param("thread_ts");
    int before = h.slack.replies(SlackHarness.CHANNEL, thread).size();
    FakeSlackApi.Answer[] outage = times(SlackHarness.fastRetries().maxAttempts() + 2, FakeSlackApi.Answer.status(503));
    h.slack.script("chat.postMessage", outage);

    h.click(which, "500", "U0BOB", "bob");

    FakeSlackApi.Call where = h.slack.await("chat.postMessage",
        c -> c.accepted() && c.param("text").contains("Where does the 500 show up?"), SlackHarness.WAIT);
    List<FakeSlackApi.Call> refused = h.slack.calls("chat.postMessage").stream().filter(c -> c.status() == 503).toList();
    assertThat(refused).hasSize(outage.length);
    List<String> shown = h.slack.replies(SlackHarness.CHANNEL, thread).stream().skip(before)
        .map(m -> m.path("text").asText()).toList();
    assertThat(shown).as("the first reply refused is shown, before the rest").first()
        .isEqualTo(refused.get(0).param("text"));
    assertThat(shown).doesNotHaveDuplicates().last().asString().contains("Where does the 500 show up?");

    h.click(where, "every", "U0BOB", "bob");
    h.slack.await("chat.update", c -> c.param("ts").equals(where.ts()), SlackHarness.WAIT);
    h.posted("After fixing the route or credentials");
  }

  @Test
  @DisplayName("a reply whose answer was lost, and which could not be looked for then, is looked for later and shown once")
  void aLostAnswerThatCouldNotBeLookedForIsLookedForLater() throws Exception {
    FakeSlackApi.Call which = firstQuestion();
    String thread = which.param("thread_ts");
    h.slack.loseAnswers("chat.postMessage", 1, Lost.CONNECTION_DROPPED);
    h.slack.script("conversations.replies",
        times(SlackHarness.fastRetries().maxAttempts(), FakeSlackApi.Answer.status(500)));

    h.click(which, "500", "U0BOB", "bob");

    h.slack.await("chat.postMessage", c -> c.accepted() && c.param("text").contains("Where does the 500 show up?"),
        SlackHarness.WAIT);
    assertThat(h.slack.accepted("conversations.replies")).as("looked for again once the thread could be read").isNotEmpty();
    lostPostShownOnce(thread);
  }

  @Test
  @DisplayName("a Retry-After longer than the longest wait in line holds the reply back that long, then posts it once")
  void aLongRetryAfterHoldsTheReplyBack() throws Exception {
    h.close();
    h = new SlackHarness(SlackHarness.tuning(4, 64,
        new RetryPolicy(4, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofMillis(200), RetryPolicy.Pause.SLEEP)));
    FakeSlackApi.Call which = firstQuestion();
    h.slack.script("chat.postMessage", FakeSlackApi.Answer.rateLimited(1));

    h.click(which, "500", "U0BOB", "bob");

    FakeSlackApi.Call limited = h.slack.await("chat.postMessage", c -> c.status() == 429, SlackHarness.WAIT);
    FakeSlackApi.Call after = h.slack.await("chat.postMessage", c -> c.accepted() && c.atNanos() > limited.atNanos(),
        SlackHarness.WAIT);
    assertThat(Duration.ofNanos(after.atNanos() - limited.atNanos())).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    assertThat(after.param("text")).isEqualTo(limited.param("text"));
    h.slack.await("chat.postMessage", c -> c.accepted() && c.param("text").contains("Where does the 500 show up?"),
        SlackHarness.WAIT);
    assertThat(h.slack.replies(SlackHarness.CHANNEL, which.param("thread_ts"))).extracting(m -> m.path("text").asText())
        .doesNotHaveDuplicates();
  }

  @Test
  @DisplayName("a long /debug paste that Slack turned into a snippet answers the text request")
  void snippetAnswersTheTextRequest() throws Exception {
    h.started();
    h.command("U0ALICE", "alice", ERROR_LINE);
    FakeSlackApi.Call where = h.posted("Where does the 500 show up?");
    String thread = where.param("thread_ts");
    h.click(where, "every", "U0BOB", "bob");
    h.click(h.posted("After fixing the route or credentials"), "still-failing", "U0BOB", "bob");
    h.click(h.posted("Run /status in Claude Code"), "skip", "U0BOB", "bob");
    FakeSlackApi.Call askDebug = h.posted("paste the /debug output");
    String debug = "[DEBUG] snippet-marker-7731 POST /v1/messages\n" + "[DEBUG] retrying request\n".repeat(400);
    var file = h.slack.file("F0DEBUG", "debug.txt", debug);

    h.fileShare("Ev0SNIP", thread, "U0CAROL", "here is the debug output", file);

    FakeSlackApi.Call report = h.posted("Escalation report");
    assertThat(report.blockText()).contains("snippet-marker-7731");
    assertThat(h.slack.calls("files.info")).singleElement()
        .satisfies(c -> assertThat(c.param("file")).isEqualTo("F0DEBUG"));
    h.slack.await("chat.update", c -> c.param("ts").equals(askDebug.ts())
        && c.blockText().contains("Answered in the thread by <@U0CAROL>"), SlackHarness.WAIT);
  }

  @Test
  @DisplayName("a shared image is not read, and answers nothing")
  void otherFilesAreLeftAlone() throws Exception {
    h.started();
    h.command("U0ALICE", "alice", ERROR_LINE);
    FakeSlackApi.Call where = h.posted("Where does the 500 show up?");
    int posts = h.slack.calls("chat.postMessage").size();
    var image = JsonNodeFactory.instance.objectNode().put("id", "F0PNG")
        .put("name", "screen.png").put("mimetype", "image/png").put("filetype", "png").put("mode", "hosted")
        .put("size", 20_000);

    h.fileShare("Ev0PNG", where.param("thread_ts"), "U0CAROL", "", image);
    SlackHarness.quiet(Duration.ofMillis(400));

    assertThat(h.slack.calls("files.info")).isEmpty();
    assertThat(h.slack.calls("chat.postMessage")).hasSize(posts);
  }

  @Test
  @DisplayName("a resumed triage's question, posted through the chat port, loses its buttons when answered by typing")
  void resumedQuestionAnsweredByTyping() throws Exception {
    h.page.serveSummary(FakeStatusPage.Response.status(500)); // unknown: the triage asks about the page
    h.started();
    h.command("U0ALICE", "alice", ERROR_LINE);
    FakeSlackApi.Call askStatus = h.posted("Does it show an active incident");
    String thread = askStatus.param("thread_ts");
    h.click(askStatus, "red", "U0BOB", "bob");
    h.click(h.posted("When the incident clears"), "waiting", "U0BOB", "bob");
    h.posted("Waiting for recovery");
    ConversationKey key = new ConversationKey("slack", SlackHarness.CHANNEL, thread);
    assertThat(h.engine.find(key).orElseThrow().outcome()).contains(TriageOutcome.WAITING);

    // What the incident watcher's follow-up does when the incident clears.
    TriageResult resumed = h.engine.resume(key, Text.plain("The incident is resolved: time to retry."));
    MessageRef question = null;
    for (int i = 0; i < resumed.replies().size(); i++) {
      Reply reply = resumed.replies().get(i);
      MessageRef posted = h.adapter.chatPort().postInThread(new ChannelRef("slack", SlackHarness.CHANNEL), thread,
          reply, false, "followup/slack/" + SlackHarness.CHANNEL + "/" + thread + "#" + i);
      question = reply instanceof Reply.Question ? posted : question;
    }
    String questionTs = question.messageId();

    h.reply("Ev0TYPED", thread, "U0CAROL", "1", Map.of());

    FakeSlackApi.Call updated = h.slack.await("chat.update", c -> c.param("ts").equals(questionTs), SlackHarness.WAIT);
    assertThat(updated.param("blocks")).doesNotContain("\"actions\"").doesNotContain("claude500_answer_");
    assertThat(updated.blockText()).contains("Answered in the thread by <@U0CAROL>")
        .contains("Retry the same failing path");
  }

  @Test
  @DisplayName("after a restart the question a typed answer answered is found in the thread by its token")
  void answeredQuestionFoundAfterARestart() throws Exception {
    Slack slack = SlackAdapter.slack(h.slack.apiUrl());
    try {
      WebApi web = new WebApi(slack, "xoxb-test", SlackHarness.fastRetries(), BotMetrics.none());
      ChannelRef channel = new ChannelRef("slack", SlackHarness.CHANNEL);
      SlackChatPort before = new SlackChatPort(web, new Prompts());
      MessageRef root = before.post(channel, Reply.Message.of("triage"));
      Reply.Question asked = new Reply.Question("incident-recovered@9", Text.plain("Does it work now?"),
          List.of(new Choice("works", "It works now")));
      MessageRef question = before.postInThread(channel, root.messageId(), asked, false, "followup/x#1");
      before.postInThread(channel, root.messageId(), Reply.Message.of("chatter"), false);

      ThreadPosts restarted = new ThreadPosts(web, new Prompts(), h.outbox);
      restarted.answeredInThread(new ConversationKey("slack", SlackHarness.CHANNEL, root.messageId()),
          "incident-recovered@9", "U0CAROL");

      FakeSlackApi.Call updated = h.slack.await("chat.update", c -> true, SlackHarness.WAIT);
      assertThat(updated.param("ts")).isEqualTo(question.messageId());
      assertThat(updated.param("blocks")).doesNotContain("\"actions\"");
      assertThat(updated.blockText()).contains("Does it work now?").contains("<@U0CAROL>");
      restarted.answeredInThread(new ConversationKey("slack", SlackHarness.CHANNEL, root.messageId()),
          "other@1", "U0CAROL");
      assertThat(h.slack.calls("chat.update")).as("an unknown token changes nothing").hasSize(1);
    } finally {
      slack.close();
    }
  }
}
