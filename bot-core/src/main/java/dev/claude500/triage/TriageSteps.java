package dev.claude500.triage;

import dev.claude500.chat.Actor;
import dev.claude500.chat.ConversationKey;
import dev.claude500.chat.Reply;
import dev.claude500.chat.Text;
import dev.claude500.playbook.AnswerMatcher;
import dev.claude500.playbook.AnswerMatcher.Match;
import dev.claude500.playbook.Playbook;
import dev.claude500.playbook.Step;
import dev.claude500.status.StatusSource;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The triage's step function: applies one input (a start, a click, a reply, a resume) to a
 * conversation's state and returns what to say. It reads the status page and the clock but
 * never the store: the engine loads the state, calls this, and saves the state when the result
 * is {@link Disposition#APPLIED}. Thread-safe; a state object is used by one call at a time.
 */
final class TriageSteps {

  private final Clock clock;
  private final AutomaticSteps walk;

  TriageSteps(Map<String, Playbook> playbooks, StatusSource status, Clock clock, TriageEngine.StartNotes notes) {
    this.clock = clock;
    this.walk = new AutomaticSteps(playbooks, status, clock, notes);
  }

  /** Returns the state of a triage just started, with the paste taken and the first steps walked. */
  TriageResult start(ConversationKey key, ConversationState state, String pasted) {
    List<Reply> replies = new ArrayList<>();
    boolean error = Intake.take(state, pasted);
    walk.advance(key, state, replies);
    if (!error && !pasted.isBlank() && state.answers.stream().noneMatch(ConversationState.AnswerRecord::automatic)) {
      replies.add(0, Reply.Message.of("I found no error line or clue in what you wrote, so let us go through the questions."));
    }
    return result(key, state, replies);
  }

  /** Applies a clicked choice (or a text request's alternative). */
  TriageResult answer(ConversationKey key, ConversationState state, Actor actor, String token, String value) {
    if (!state.open || !state.token().equals(token)) {
      return TriageResult.nothing(Disposition.STALE);
    }
    Step step = walk.playbookOf(state).require(state.stepId);
    if (step instanceof Step.Question q) {
      Optional<Step.Answer> picked = Choices.offered(state, q).stream().filter(c -> c.value().equals(value)).findFirst();
      if (picked.isEmpty()) {
        return TriageResult.nothing(Disposition.STALE);
      }
      return chosen(key, state, q, picked.get(), actor, "");
    }
    if (step instanceof Step.Capture c && Choices.SKIP.equals(value) && c.skipLabel() != null) {
      return skipped(key, state, c, actor);
    }
    return TriageResult.nothing(Disposition.STALE);
  }

  /**
   * Applies free text written in the thread: the answer to a text request, or a question answered
   * by a choice's value, label or number, by words that mean a choice, or by a pasted error line.
   */
  TriageResult reply(ConversationKey key, ConversationState state, Actor actor, String text) {
    if (!state.open) {
      return TriageResult.nothing(Disposition.NO_TRIAGE);
    }
    Step step = walk.playbookOf(state).require(state.stepId);
    if (step instanceof Step.Capture c) {
      return captured(key, state, c, actor, text);
    }
    if (!(step instanceof Step.Question q)) {
      return TriageResult.nothing(Disposition.STALE);
    }
    Match match = Choices.match(state, q, text);
    if (match instanceof Match.Picked p && p.how() != AnswerMatcher.How.WORDS) {
      return chosen(key, state, q, p.answer(), actor, text);
    }
    Optional<Step.Answer> byError = Choices.byPastedError(state, q, text);
    if (byError.isPresent()) {
      Intake.tell(state, text);
      Intake.takeError(state, text);
      List<Reply> replies = new ArrayList<>(List.of(new Reply.Message(Summaries.readError(state))));
      walk.choose(state, q, byError.get(), actor, false);
      walk.advance(key, state, replies);
      return result(key, state, replies);
    }
    if (match instanceof Match.Picked p) {
      return chosen(key, state, q, p.answer(), actor, text);
    }
    if (match instanceof Match.Ambiguous a) {
      return clarify(key, state, q, a.candidates());
    }
    return notUnderstood(state, q);
  }

  /** Resumes a triage that ended waiting for an incident, at its playbook's resume step. */
  TriageResult resume(ConversationKey key, ConversationState state, Text note) {
    if (state.open || state.outcome != TriageOutcome.WAITING || state.resumeAt == null) {
      return TriageResult.nothing(Disposition.STALE);
    }
    List<Reply> replies = new ArrayList<>();
    if (!note.isEmpty()) {
      replies.add(new Reply.Message(note));
    }
    state.open = true;
    state.outcome = null;
    state.stepId = state.resumeAt;
    state.resumeAt = null;
    state.checking = true;
    state.turn++;
    walk.advance(key, state, replies);
    state.resumedTurn = state.turn;
    return result(key, state, replies);
  }

  /** Closes an idle triage with a summary. */
  TriageResult expire(ConversationKey key, ConversationState state, Duration idleTimeout) {
    if (!state.open || state.updatedAt.plus(idleTimeout).isAfter(clock.instant())) {
      return TriageResult.nothing(Disposition.STALE);
    }
    state.open = false;
    state.outcome = TriageOutcome.ABANDONED;
    return result(key, state, List.of(new Reply.Message(Summaries.abandoned(state, idleTimeout))));
  }

  /** Returns the question or text request an open triage waits on, as it was asked. */
  Optional<Reply> pendingPrompt(ConversationState state) {
    Step step = walk.playbookOf(state).require(state.stepId);
    if (step instanceof Step.Question q) {
      return Optional.of(Choices.question(state, q));
    }
    if (step instanceof Step.Capture c) {
      return Optional.of(Choices.textRequest(state, c));
    }
    return Optional.empty();
  }

  /** Returns the triage as the outside sees it. */
  TriageView view(ConversationKey key, ConversationState state) {
    Optional<Step> pending = state.open ? walk.playbookOf(state).step(state.stepId) : Optional.empty();
    return new TriageView(key, state.playbookId, state.startedBy,
        state.hit == null ? state.startedBy : state.hit, state.startedAt, state.open,
        pending.map(s -> state.token()), pending.map(s -> s instanceof Step.Capture).orElse(false),
        Optional.ofNullable(state.branch), Optional.ofNullable(state.outcome), state.questions,
        Optional.ofNullable(state.questionsToFirstMove),
        Optional.ofNullable(state.statusAtFailure).map(ConversationState.StatusRecord::incidentId),
        firstLine(state));
  }

  /** The first line of the error pasted, or else of the text the triage was started with. */
  private static Optional<String> firstLine(ConversationState state) {
    String text = state.evidence.getOrDefault(EvidenceKeys.ERROR_LINE,
        state.evidence.getOrDefault(EvidenceKeys.PASTED_TEXT, ""));
    return text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().map(Evidence::preview);
  }

  private TriageResult chosen(ConversationKey key, ConversationState state, Step.Question q, Step.Answer answer,
      Actor actor, String text) {
    Intake.tell(state, text);
    List<Reply> replies = new ArrayList<>();
    if (Choices.OTHER_BRANCH.equals(answer.value())) {
      reroute(state, q, answer, actor, replies);
    } else {
      walk.choose(state, q, answer, actor, false);
    }
    walk.advance(key, state, replies);
    return result(key, state, replies);
  }

  /** Goes back to the question a guess answered, to be asked this time. */
  private void reroute(ConversationState state, Step.Question q, Step.Answer answer, Actor actor,
      List<Reply> replies) {
    walk.record(state, q.id(), q.text(), answer.label(), actor, false);
    state.askOnly.add(state.guessedAt);
    state.stepId = state.guessedAt;
    state.guessedAt = null;
    state.branch = null;
    state.checking = false;
    state.clarifying = null;
    state.turn++;
    replies.add(Reply.Message.of("Then let us pick the branch together."));
  }

  private TriageResult clarify(ConversationKey key, ConversationState state, Step.Question q,
      List<Step.Answer> candidates) {
    state.clarifying = candidates.stream().map(Step.Answer::value).toList();
    state.questions++;
    state.turn++;
    return result(key, state, List.of(Choices.question(state, q)));
  }

  private TriageResult captured(ConversationKey key, ConversationState state, Step.Capture c, Actor actor,
      String text) {
    if (Choices.skips(c, text)) {
      return skipped(key, state, c, actor);
    }
    String kept = Evidence.keep(text);
    if (kept.isBlank()) {
      return notUnderstood(state, c);
    }
    if (!EvidenceKeys.ERROR_LINE.equals(c.evidence()) || !Intake.takeError(state, text)) {
      state.evidence.put(c.evidence(), kept);
    }
    walk.record(state, c.id(), c.text(), Evidence.preview(kept), actor, false);
    state.stepId = c.next();
    state.turn++;
    List<Reply> replies = new ArrayList<>();
    walk.advance(key, state, replies);
    return result(key, state, replies);
  }

  private TriageResult skipped(ConversationKey key, ConversationState state, Step.Capture c, Actor actor) {
    walk.record(state, c.id(), c.text(), c.skipLabel(), actor, false);
    state.stepId = c.next();
    state.turn++;
    List<Reply> replies = new ArrayList<>();
    walk.advance(key, state, replies);
    return result(key, state, replies);
  }

  private TriageResult notUnderstood(ConversationState state, Step step) {
    Text hint = step instanceof Step.Question q
        ? Text.parse("I could not tell which answer that is. Reply with a number or in your own words: "
            + Choices.numbered(Choices.shown(state, q)) + ".")
        : Text.parse("Please paste the text asked for above, or use the button under it.");
    return new TriageResult(Disposition.NOT_UNDERSTOOD, List.of(new Reply.Message(hint)), Optional.empty());
  }

  private TriageResult result(ConversationKey key, ConversationState state, List<Reply> replies) {
    return new TriageResult(Disposition.APPLIED, replies, state.open ? Optional.empty() : Optional.of(view(key, state)));
  }
}
