package dev.claude500.triage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.chat.Reply;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("a triage in people's own words")
class TriageWordsTest {
  private static final String LOGIN_SENTENCE = "API Error: 500 every time I run /login since this morning";

  @Nested
  @DisplayName("a first message that tells")
  class Told {
    @Test
    void aSentenceWithTheErrorAndLoginGoesStraightToTheLoginBranchSayingWhy() {
      TriageHarness h = TriageEngineTest.green();
      h.start(LOGIN_SENTENCE);
      assertThat(h.view().branch()).contains("login / OAuth");
      assertThat(h.view().questionsToFirstMove()).contains(0);
      assertThat(h.transcript())
          .contains("The status page is green")
          .contains("You mentioned /login, so this is the login / OAuth branch.")
          .contains("First move: In Claude Code run /status");
      assertThat(h.choiceValues()).as("one way out of a wrong guess").endsWith(Choices.OTHER_BRANCH);
    }

    @Test
    void aRedPageStillWins() {
      TriageHarness h = TriageEngineTest.red();
      h.start(LOGIN_SENTENCE);
      assertThat(h.view().branch()).contains("live incident");
      assertThat(h.transcript()).doesNotContain("You mentioned");
    }

    @Test
    void anUnreadablePageCostsTheOnlyQuestion() {
      TriageHarness h = TriageEngineTest.unreachable();
      h.start(LOGIN_SENTENCE);
      assertThat(h.pendingText()).contains("Does it show an active incident");
      h.say("nope, all green");
      assertThat(h.view().branch()).contains("login / OAuth");
      assertThat(h.view().questionsToFirstMove()).contains(1);
    }

    @Test
    void aSentenceWithoutAnErrorLineAnswersEveryQuestionItCan() {
      TriageHarness h = TriageEngineTest.green();
      h.start("my resumed session keeps dying with 500s, new chat works");
      assertThat(h.view().branch()).contains("broken resumed session");
      assertThat(h.view().questionsToFirstMove()).contains(0);
      assertThat(h.transcript()).contains("You mentioned 500").contains("so this is the broken resumed session branch");
    }

    @Test
    void aNegatedClueIsNoClue() {
      TriageHarness h = TriageEngineTest.green();
      h.start("API Error: 500, and it's not on login");
      assertThat(h.view().branch()).isEmpty();
      assertThat(h.pendingText()).contains("Where does the 500 show up?");
    }

    @Test
    void pickingAnotherBranchAsksTheGuessedQuestionAndNeverGuessesItAgain() {
      TriageHarness h = TriageEngineTest.green();
      h.start(LOGIN_SENTENCE);
      h.click(Choices.OTHER_BRANCH);
      assertThat(h.transcript()).contains("Then let us pick the branch together.");
      assertThat(h.pendingText()).contains("Where does the 500 show up?");
      assertThat(h.view().branch()).isEmpty();
      h.say("in a session I resumed");
      assertThat(h.view().branch()).contains("broken resumed session");
      assertThat(h.choiceValues()).doesNotContain(Choices.OTHER_BRANCH);
    }

    @Test
    void wrongBranchCanBeSaidInWords() {
      TriageHarness h = TriageEngineTest.green();
      h.start(LOGIN_SENTENCE);
      h.say("wrong branch");
      assertThat(h.pendingText()).contains("Where does the 500 show up?");
    }
  }

  @Nested
  @DisplayName("replies in words")
  class Replies {
    @Test
    void everyQuestionOfTheLoginBranchAnsweredInWords() {
      TriageHarness h = TriageEngineTest.green();
      h.start("");
      h.say("500");
      h.say("when I log in");
      assertThat(h.view().branch()).contains("login / OAuth");
      h.say("nope, same error");
      assertThat(h.pendingText()).contains("Paste the exact error line");
      h.say("I don't have it");
      assertThat(h.pendingText()).contains("Run /status in Claude Code");
      h.say("skip");
      h.say("skip");
      assertThat(h.view().outcome()).contains(TriageOutcome.ESCALATED);
      assertThat(h.report()).isPresent();
    }

    @Test
    void yesThatFixedItResolves() {
      TriageHarness h = TriageEngineTest.green();
      h.start("");
      h.say("we use an API key");
      assertThat(h.view().branch()).isEmpty(); // "which error" is not answered by a route
      h.say("the 500 one");
      h.say("we use an API key through LiteLLM");
      assertThat(h.view().branch()).contains("API key / proxy / provider route");
      h.say("yes that fixed it");
      assertThat(h.view().outcome()).contains(TriageOutcome.RESOLVED);
    }

    @Test
    void twoEqualFitsAskDidYouMeanAndANumberPicksAmongThem() {
      TriageHarness h = TriageEngineTest.green();
      h.start("");
      h.click("500");
      TriageResult r = h.say("a resumed session behind our proxy");
      assertThat(r.disposition()).isEqualTo(Disposition.APPLIED);
      assertThat(h.pendingText()).startsWith("Did you mean “In one resumed or long session” or “When Claude Code runs");
      assertThat(h.choiceValues()).containsExactly("resumed", "route");
      h.say("2");
      assertThat(h.view().branch()).contains("API key / proxy / provider route");
    }

    @Test
    void aClarifyingQuestionCanBeAnsweredByItsButton() {
      TriageHarness h = TriageEngineTest.green();
      h.start("");
      h.click("500");
      h.say("a resumed session behind our proxy");
      h.click("resumed");
      assertThat(h.view().branch()).contains("broken resumed session");
    }

    @Test
    void nothingThatFitsSaysSoAndListsTheChoices() {
      TriageHarness h = TriageEngineTest.green();
      h.start("");
      h.click("500");
      TriageResult r = h.say("hmm, not sure what you mean");
      assertThat(r.disposition()).isEqualTo(Disposition.NOT_UNDERSTOOD);
      assertThat(((Reply.Message) r.replies().get(0)).text().toPlainString())
          .startsWith("I could not tell which answer that is.")
          .contains("1) While signing in (/login, OAuth)")
          .contains("4) When Claude Code runs on an API key, proxy or other provider");
      assertThat(h.pendingText()).contains("Where does the 500 show up?");
    }

    @Test
    void aShortPasteAtATextRequestIsKeptNotSkipped() {
      TriageHarness h = TriageEngineTest.green();
      h.start("");
      h.click("500");
      h.click("login");
      h.click("still-failing");
      h.say("none of the above, here is the line: API Error: 500 {\"type\":\"error\"}");
      assertThat(h.pendingText()).contains("Run /status in Claude Code");
    }
  }
}
