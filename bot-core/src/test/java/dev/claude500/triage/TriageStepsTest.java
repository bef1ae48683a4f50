package dev.claude500.triage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.chat.Actor;
import dev.claude500.chat.ConversationKey;
import dev.claude500.chat.PlainTextRenderer;
import dev.claude500.chat.Reply;
import dev.claude500.playbook.Playbook;
import dev.claude500.playbook.PlaybookLoader;
import dev.claude500.testing.FixedStatusSource;
import dev.claude500.testing.MutableClock;
import dev.claude500.testing.StatusFixtures;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The step function on its own: a state and an input give replies and a changed state, with no store. */
@DisplayName("the triage step function")
class TriageStepsTest {
  private static final Actor ALICE = new Actor("U1", "alice");
  private static final ConversationKey KEY = new ConversationKey("test", "C1", "t1");
  private final Playbook playbook = PlaybookLoader.builtIn();
  private final TriageSteps steps = new TriageSteps(Map.of(playbook.id(), playbook),
      new FixedStatusSource(StatusFixtures.greenSnapshot()), new MutableClock(StatusFixtures.GREEN_AT.plusSeconds(5)),
      (key, incident) -> Optional.empty());

  private ConversationState fresh() {
    ConversationState state = new ConversationState();
    state.playbookId = playbook.id();
    state.stepId = playbook.start();
    state.startedAt = StatusFixtures.GREEN_AT;
    state.startedBy = ALICE;
    return state;
  }

  private static String said(TriageResult r) {
    return r.replies().stream().map(PlainTextRenderer::render).collect(Collectors.joining("\n"));
  }

  @Test
  void aStartAsksTheFirstQuestionAndChangesOnlyTheState() {
    ConversationState state = fresh();
    TriageResult r = steps.start(KEY, state, "");
    assertThat(r.disposition()).isEqualTo(Disposition.APPLIED);
    assertThat(r.replies()).singleElement().isInstanceOf(Reply.Question.class);
    assertThat(state.stepId).isEqualTo("which-error");
    assertThat(state.questions).isEqualTo(1);
  }

  @Test
  void aReplyInWordsMovesTheStateAlongTheBranch() {
    ConversationState state = fresh();
    steps.start(KEY, state, "");
    steps.reply(KEY, state, ALICE, "500");
    TriageResult r = steps.reply(KEY, state, ALICE, "only when I log in");
    assertThat(said(r)).contains("The 500 comes from signing in");
    assertThat(state.branch).isEqualTo("login / OAuth");
    assertThat(state.stepId).isEqualTo("login-check");
    assertThat(state.answers).extracting(ConversationState.AnswerRecord::answer)
        .containsExactly("API Error: 500 (internal server error)", "While signing in (/login, OAuth)");
  }

  @Test
  void aReplyThatFitsNothingLeavesTheStateAsItWas() {
    ConversationState state = fresh();
    steps.start(KEY, state, "");
    String before = state.toJson();
    TriageResult r = steps.reply(KEY, state, ALICE, "anyone around?");
    assertThat(r.disposition()).isEqualTo(Disposition.NOT_UNDERSTOOD);
    assertThat(state.toJson()).isEqualTo(before);
  }

  @Test
  void aStaleTokenIsRefusedWithoutChange() {
    ConversationState state = fresh();
    steps.start(KEY, state, "");
    String before = state.toJson();
    assertThat(steps.answer(KEY, state, ALICE, "which-error@99", "500").disposition()).isEqualTo(Disposition.STALE);
    assertThat(state.toJson()).isEqualTo(before);
  }

  @Test
  void whatWasToldIsKeptRedactedAndOnlyUntilABranch() {
    ConversationState state = fresh();
    steps.start(KEY, state, "API Error: 500 behind our LiteLLM proxy, key sk-ant-api03-" + "a".repeat(90));
    assertThat(state.branch).isEqualTo("API key / proxy / provider route");
    assertThat(state.told).contains("LiteLLM").doesNotContain("aaaaaaaaaaaaaaaa");
    String told = state.told;
    steps.reply(KEY, state, ALICE, "works now, thanks");
    assertThat(state.told).isEqualTo(told);
  }
}
