package dev.claude500.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claude500.chat.ChannelRef;
import dev.claude500.commands.Subscription;
import dev.claude500.status.KnownComponents;
import dev.claude500.status.StatusView;
import dev.claude500.status.StatusWords;
import dev.claude500.testing.FakeSlackApi;
import dev.claude500.testing.StatusFixtures;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Slack in HTTP mode, end to end over loopback with signed requests")
class HttpModeTest {
  private static final String ERROR_LINE = "API Error: 500 {\"type\":\"error\",\"error\":{\"type\":\"api_error\","
      + "\"message\":\"Internal server error\"},\"request_id\":\"req_011CXmPAT8xd3GWgKxdq8TRC\"}";

  @AutoClose
  private final SlackHarness h = SlackHarness.running();

  @Test
  @DisplayName("the workspace of every channel is the one auth.test named for the bot token")
  void theWorkspaceIsTheBotTokensTeam() {
    assertThat(h.adapter.chatPort().workspace(new ChannelRef("slack", "C0ANY")))
        .isEqualTo(FakeSlackApi.TEAM_ID);
  }

  @Test
  @DisplayName("Once the adapter stops taking requests, /slack/events answers 503 and does nothing")
  void stoppingRefusesRequests() {
    h.adapter.stopTaking();

    HttpResponse<String> refused = h.command("U0ALICE", "alice", "");

    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.body()).isEqualTo("stopping\n");
    SlackHarness.quiet(Duration.ofMillis(300));
    assertThat(h.slack.calls()).isEmpty();
  }

  @Test
  void aWholeTriageByClicksAndThreadRepliesEndsInAReportThatSaysWhoAnsweredWhat() {
    h.status.current(); // the page has been read, as it has in a bot that has run a while
    HttpResponse<String> ack = h.command("U0ALICE", "alice", "");
    assertThat(ack.statusCode()).isEqualTo(200);
    assertThat(ack.body()).isEmpty();

    FakeSlackApi.Call root = h.posted("started a Claude Code 500 triage");
    assertThat(root.param("channel")).isEqualTo(SlackHarness.CHANNEL);
    assertThat(root.param("thread_ts")).isEmpty();
    assertThat(root.blockText()).contains("<@U0ALICE> started a Claude Code 500 triage · status page 🟢 green");
    String thread = root.ts();

    FakeSlackApi.Call which = h.posted("Which error did Claude Code print?");
    assertThat(which.param("thread_ts")).isEqualTo(thread);
    JsonNode buttons = which.json("blocks").findValues("elements").stream()
        .filter(e -> e.path(0).path("type").asText().equals("button")).findFirst().orElseThrow();
    assertThat(buttons).hasSize(5);
    assertThat(buttons.findValuesAsText("action_id")).doesNotHaveDuplicates();

    assertThat(h.click(which, "500", "U0BOB", "bob").statusCode()).isEqualTo(200);
    FakeSlackApi.Call updated = h.slack.await("chat.update", c -> c.param("ts").equals(which.ts()), SlackHarness.WAIT);
    assertThat(updated.param("blocks")).doesNotContain("\"actions\"").doesNotContain("claude500_answer_");
    assertThat(updated.blockText()).contains("API Error: 500 (internal server error)").contains("<@U0BOB>")
        .contains("Which error did Claude Code print?");

    FakeSlackApi.Call where = h.posted("Where does the 500 show up?");
    assertThat(h.threadTexts(thread)).anySatisfy(t -> assertThat(t).contains("green"));
    h.click(where, "every", "U0BOB", "bob");
    FakeSlackApi.Call routeCheck = h.posted("After fixing the route or credentials");
    h.click(routeCheck, "still-failing", "U0BOB", "bob");

    FakeSlackApi.Call askLine = h.posted("Paste the exact error line");
    assertThat(askLine.blockText()).contains("Reply in this thread with the text");
    h.reply("Ev0LINE", thread, "U0CAROL", ERROR_LINE, Map.of());
    FakeSlackApi.Call askStatus = h.posted("Run /status in Claude Code");
    h.slack.await("chat.update", c -> c.param("ts").equals(askLine.ts())
        && c.blockText().contains("Answered in the thread by <@U0CAROL>"), SlackHarness.WAIT);

    h.click(askStatus, "skip", "U0BOB", "bob");
    h.posted("paste the /debug output");
    h.reply("Ev0DEBUG", thread, "U0CAROL", "claude --debug\nPOST /v1/messages -> 500 &amp; retried 3 times", Map.of());

    FakeSlackApi.Call report = h.posted("Escalation report");
    String text = report.blockText();
    assertThat(text).contains("req_011CXmPAT8xd3GWgKxdq8TRC").contains("```")
        .containsPattern("Which error did Claude Code print\\?[^\\n]* -&gt; API Error: 500 \\(internal server error\\) \\(bob\\)")
        .containsPattern("Paste the exact error line[^\\n]* -&gt; API Error: 500 [^\\n]* \\(name-u0carol\\)")
        .containsPattern("Run /status in Claude Code[^\\n]* -&gt; Skip \\(bob\\)")
        .containsPattern("paste the /debug output[^\\n]* -&gt; claude --debug [^\\n]* \\(name-u0carol\\)")
        .contains("-&gt; 500 &amp; retried").doesNotContain("&amp;amp;");
    assertThat(report.json("blocks").size()).isLessThanOrEqualTo(SlackMessages.MAX_BLOCKS);
    assertThat(report.param("thread_ts")).isEqualTo(thread);
    assertThat(h.engine.find(new dev.claude500.chat.ConversationKey("slack", SlackHarness.CHANNEL, thread))
        .orElseThrow().open()).isFalse();
  }

  @Test
  void aSecondClickAndAClickOnAnOldQuestionChangeNothing() {
    h.command("U0ALICE", "alice", "");
    FakeSlackApi.Call which = h.posted("Which error did Claude Code print?");
    h.click(which, "500", "U0BOB", "bob");
    h.posted("Where does the 500 show up?");
    int posts = h.slack.calls("chat.postMessage").size();
    // the opening is edited once the page is read (a cold start), whenever that lands: not a click's doing
    java.util.function.Supplier<Long> clickUpdates = () -> h.slack.calls("chat.update").stream()
        .filter(c -> !c.param("text").contains("started a Claude Code 500 triage")).count();
    long updates = clickUpdates.get();

    assertThat(h.click(which, "500", "U0BOB", "bob").statusCode()).isEqualTo(200);
    assertThat(h.click(which, "529", "U0DAVE", "dave").statusCode()).isEqualTo(200);
    SlackHarness.quiet(Duration.ofMillis(400));

    assertThat(h.slack.calls("chat.postMessage")).hasSize(posts);
    assertThat(clickUpdates.get()).isEqualTo(updates);
  }

  @Test
  void aRetriedEventIsAppliedOnce() {
    h.command("U0ALICE", "alice", ERROR_LINE);
    FakeSlackApi.Call where = h.posted("Where does the 500 show up?");
    String thread = where.param("thread_ts");
    h.click(where, "every", "U0BOB", "bob");
    h.click(h.posted("After fixing the route or credentials"), "still-failing", "U0BOB", "bob");
    h.posted("Run /status in Claude Code");

    HttpResponse<String> first = h.reply("Ev0SAME", thread, "U0CAROL", "Auth: Claude Max\nModel: opus", Map.of());
    HttpResponse<String> retry = h.reply("Ev0SAME", thread, "U0CAROL", "Auth: Claude Max\nModel: opus",
        Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"));
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(retry.statusCode()).isEqualTo(200);

    h.posted("paste the /debug output");
    SlackHarness.quiet(Duration.ofMillis(400));
    assertThat(h.threadTexts(thread)).filteredOn(t -> t.contains("/debug")).hasSize(1);
  }

  @Test
  void threadChatterThatAnswersNothingGetsNoReply() {
    h.command("U0ALICE", "alice", "");
    FakeSlackApi.Call which = h.posted("Which error did Claude Code print?");
    String thread = which.param("thread_ts");
    int posts = h.slack.calls("chat.postMessage").size();

    h.reply("Ev0CHAT", thread, "U0BOB", "looking at it now, one sec", Map.of());
    SlackHarness.quiet(Duration.ofMillis(400));
    assertThat(h.slack.calls("chat.postMessage")).hasSize(posts);

    h.reply("Ev0NUM", thread, "U0BOB", "1", Map.of());
    h.posted("Where does the 500 show up?");
  }

  @Test
  void theBotsOwnMessagesAndEditsAreIgnored() {
    h.command("U0ALICE", "alice", "");
    FakeSlackApi.Call which = h.posted("Which error did Claude Code print?");
    String thread = which.param("thread_ts");
    int posts = h.slack.calls("chat.postMessage").size();

    h.reply("Ev0SELF", thread, FakeSlackApi.BOT_USER_ID, "1", Map.of());
    var bot = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("type", "message")
        .put("subtype", "bot_message").put("bot_id", "B0OTHER").put("channel", SlackHarness.CHANNEL)
        .put("text", "1").put("ts", "1700000600.000001").put("thread_ts", thread);
    assertThat(h.event("Ev0BOT", bot, Map.of()).statusCode()).isEqualTo(200);
    var edit = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("type", "message")
        .put("subtype", "message_changed").put("channel", SlackHarness.CHANNEL).put("ts", "1700000600.000002");
    assertThat(h.event("Ev0EDIT", edit, Map.of()).statusCode()).isEqualTo(200);
    SlackHarness.quiet(Duration.ofMillis(400));

    assertThat(h.slack.calls("chat.postMessage")).hasSize(posts);
  }

  @Test
  void aRepeatedSlashCommandStartsOneTriage() {
    h.command("U0ALICE", "alice", "", "trigger-same");
    h.command("U0ALICE", "alice", "", "trigger-same");
    h.posted("Which error did Claude Code print?");
    SlackHarness.quiet(Duration.ofMillis(400));
    assertThat(h.slack.calls("chat.postMessage")).filteredOn(c -> c.param("text").contains("started a Claude"))
        .hasSize(1);
  }

  @Test
  void statusIsAnsweredOnlyToTheCallerWithEveryComponent() {
    h.page.serveSummary(dev.claude500.testing.FakeStatusPage.Response.json(
        dev.claude500.testing.StatusFixtures.redSummaryJson()));
    assertThat(h.command("U0ALICE", "alice", "status").statusCode()).isEqualTo(200);

    FakeSlackApi.Call answer = h.slack.await("response_url", c -> true, SlackHarness.WAIT);
    assertThat(answer.param("response_type")).isEqualTo("ephemeral");
    String text = answer.blockText();
    assertThat(text).contains("*Status page:* 🔴 *red*").contains("as of").contains("<https://status.claude.com|");
    StatusView red = StatusView.of(StatusFixtures.redSnapshot(), h.clock);
    assertThat(red.components()).isNotEmpty().allSatisfy(c -> assertThat(text)
        .contains(StatusWords.emoji(c.status()) + " " + SlackMarkdown.escape(c.name()) + ": " + c.status().words()));
    assertThat(red.incidents()).isNotEmpty().allSatisfy(i -> {
      assertThat(text).contains("<" + i.link() + "|" + SlackMarkdown.escape(i.name()) + ">");
      assertThat(text).contains("*Latest update*")
          .contains(SlackMarkdown.escape(i.latest().orElseThrow().body().strip().lines().findFirst().orElseThrow()));
    });
    assertThat(h.slack.calls("chat.postMessage")).isEmpty();
  }

  @Test
  void subscribeSubscriptionsUnsubscribeAndHelpAreAnsweredEphemerally() {
    ChannelRef channel = new ChannelRef("slack", SlackHarness.CHANNEL);
    h.command("U0ALICE", "alice", "subscribe code api console <http://claude.ai|claude.ai>");
    FakeSlackApi.Call subscribed = h.slack.await("response_url", c -> c.blockText().contains("Subscribed"),
        SlackHarness.WAIT);
    assertThat(subscribed.param("response_type")).isEqualTo("ephemeral");
    Subscription saved = h.store.subscriptions().find(channel).orElseThrow();
    assertThat(saved.componentIds()).containsExactlyInAnyOrder(KnownComponents.CLAUDE_CODE, KnownComponents.API,
        KnownComponents.CONSOLE, KnownComponents.CLAUDE_AI);
    assertThat(saved.subscribedBy()).isEqualTo("U0ALICE");

    h.command("U0ALICE", "alice", "subscriptions");
    h.slack.await("response_url", c -> c.blockText().contains("This channel gets incidents touching"), SlackHarness.WAIT);
    h.command("U0ALICE", "alice", "unsubscribe");
    FakeSlackApi.Call unsubscribed = h.slack.await("response_url", c -> c.blockText().contains("Unsubscribed"),
        SlackHarness.WAIT);
    assertThat(unsubscribed.param("response_type")).isEqualTo("ephemeral");
    assertThat(h.store.subscriptions().find(channel)).isEmpty();
    h.command("U0ALICE", "alice", "help");
    FakeSlackApi.Call help = h.slack.await("response_url", c -> c.blockText().contains("/claude500 status"),
        SlackHarness.WAIT);
    assertThat(help.blockText()).contains("/claude500 subscribe").contains("/claude500 unsubscribe");
    assertThat(h.slack.calls("response_url")).filteredOn(c -> c.blockText().contains("/claude500 status")).hasSize(1);
    assertThat(h.slack.calls("chat.postMessage")).isEmpty();
  }

  @Test
  void aChannelTheBotIsNotInGetsAnInviteHintInsteadOfATriage() {
    h.slack.script("chat.postMessage", FakeSlackApi.Answer.error("not_in_channel"));
    h.command("U0ALICE", "alice", "");
    FakeSlackApi.Call hint = h.slack.await("response_url", c -> true, SlackHarness.WAIT);
    assertThat(hint.blockText()).contains("/invite @claude500");
    assertThat(h.slack.calls("chat.postMessage")).hasSize(1);
  }
}
