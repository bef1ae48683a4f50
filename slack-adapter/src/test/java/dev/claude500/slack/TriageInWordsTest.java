package dev.claude500.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.testing.FakeSlackApi;
import dev.claude500.testing.FakeStatusPage;
import dev.claude500.testing.StatusFixtures;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Slack: a triage answered in words in its thread, end to end over loopback")
class TriageInWordsTest {
  @AutoClose
  private final SlackHarness h = SlackHarness.running();

  private String startedThread(String pasted) {
    h.command("U0ALICE", "alice", pasted);
    return h.posted("started a Claude Code 500 triage").ts();
  }

  @ParameterizedTest(name = "\"{0}\" then \"{1}\" reach: {2}")
  @CsvSource(delimiter = '|', value = {
      "it's a 500 | when I log in | The 500 comes from signing in",
      "500s, every time | in a session I resumed yesterday | One resumed session keeps failing",
      "the 500 one | we go through a LiteLLM proxy | Check which route your requests really take",
      "internal server error | even in a brand new session | Check which route your requests really take",
  })
  void eachGreenBranchFromWordsAlone(String error, String where, String firstMove) {
    String thread = startedThread("");
    h.posted("Which error did Claude Code print?");
    h.reply("Ev0ERR", thread, "U0BOB", error, Map.of());
    FakeSlackApi.Call question = h.posted("Where does the 500 show up?");
    assertThat(question.param("thread_ts")).isEqualTo(thread);
    h.reply("Ev0WHERE", thread, "U0BOB", where, Map.of());
    FakeSlackApi.Call advice = h.posted(firstMove);
    assertThat(advice.param("thread_ts")).isEqualTo(thread);
    assertThat(advice.blockText()).contains("First move");
  }

  @Test
  void theIncidentBranchFromWordsAlone() {
    h.page.serveSummary(FakeStatusPage.Response.status(500)); // the page cannot be read: the person is asked
    String thread = startedThread("");
    h.reply("Ev0ERR", thread, "U0BOB", "500", Map.of());
    h.posted("Does it show an active incident");
    h.reply("Ev0RED", thread, "U0BOB", "yep, there's an incident open", Map.of());
    assertThat(h.posted("Live incident on the status page").blockText()).contains("First move");
    h.reply("Ev0WAIT", thread, "U0BOB", "still waiting on them", Map.of());
    h.posted("Waiting for recovery");
  }

  @Test
  void aSentenceWithTheCommandLandsOnItsBranchSayingWhyWithAWayOut() {
    h.status.current();
    String thread = startedThread("API Error: 500 every time I run /login since this morning");
    FakeSlackApi.Call why = h.posted("You mentioned");
    assertThat(why.blockText()).contains("/login").contains("login / OAuth");
    h.posted("The 500 comes from signing in");
    FakeSlackApi.Call check = h.posted("Did the same Claude Code sign-in work");
    assertThat(check.param("blocks")).contains("Wrong branch? Pick another");
    assertThat(h.threadTexts(thread)).noneMatch(t -> t.contains("Where does the 500 show up?"));

    h.click(check, "other-branch", "U0ALICE", "alice");
    h.posted("Then let us pick the branch together.");
    h.posted("Where does the 500 show up?");
  }

  @Test
  void aRedPageWinsOverWhatWasSaid() {
    h.page.serveSummary(FakeStatusPage.Response.json(StatusFixtures.redSummaryJson()));
    startedThread("API Error: 500 every time I run /login");
    h.posted("Live incident on the status page");
  }

  @Test
  void twoEqualFitsAreAskedAboutWithButtons() {
    String thread = startedThread("");
    h.reply("Ev0ERR", thread, "U0BOB", "500", Map.of());
    h.posted("Where does the 500 show up?");
    h.reply("Ev0BOTH", thread, "U0BOB", "a resumed session behind our proxy", Map.of());
    FakeSlackApi.Call didYouMean = h.posted("Did you mean");
    assertThat(didYouMean.param("blocks")).contains("In one resumed or long session")
        .contains("When Claude Code runs on an API key, proxy or other provider")
        .doesNotContain("While signing in");
    h.click(didYouMean, "route", "U0BOB", "bob");
    h.posted("Check which route your requests really take");
  }

  @Test
  void aShortReplyThatFitsNothingGetsAHintOnlyItsAuthorSees() {
    String thread = startedThread("");
    h.posted("Which error did Claude Code print?");
    int posts = h.slack.calls("chat.postMessage").size();
    h.reply("Ev0HUH", thread, "U0BOB", "hmm no idea", Map.of());
    FakeSlackApi.Call hint = h.slack.await("chat.postEphemeral", c -> true, SlackHarness.WAIT);
    assertThat(hint.param("user")).isEqualTo("U0BOB");
    assertThat(hint.param("thread_ts")).isEqualTo(thread);
    assertThat(hint.param("text")).contains("I could not tell which answer that is").contains("1) API Error: 500");

    h.reply("Ev0TALK", thread, "U0CAROL",
        "I think this started after the upgrade we did this morning, let me check the release notes first", Map.of());
    SlackHarness.quiet(Duration.ofMillis(400));
    assertThat(h.slack.calls("chat.postEphemeral")).as("long talk between people gets no hint").hasSize(1);
    assertThat(h.slack.calls("chat.postMessage")).hasSize(posts);
  }
}
