package dev.claude500.triage;

import dev.claude500.chat.Actor;
import dev.claude500.chat.ConversationKey;
import dev.claude500.chat.Reply;
import dev.claude500.chat.Text;
import dev.claude500.playbook.AutoCheck;
import dev.claude500.playbook.OutcomeKind;
import dev.claude500.playbook.Playbook;
import dev.claude500.playbook.Step;
import dev.claude500.status.StatusSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The part of a triage the bot walks by itself, for {@link TriageSteps}: after an input it
 * answers the questions the error or the words told already, checks the status page, gives a
 * branch's advice and ends the triage at an outcome, until a step waits for a person. It also
 * records choices, its own and people's, in the state. Thread-safe; a state object is used by one
 * call at a time.
 */
final class AutomaticSteps {
  private static final int MAX_STEPS_PER_INPUT = 64;
  private static final Duration STATUS_MAX_AGE = Duration.ofMinutes(5);

  private final Map<String, Playbook> playbooks;
  private final StatusSource status;
  private final Clock clock;
  private final TriageEngine.StartNotes notes;

  AutomaticSteps(Map<String, Playbook> playbooks, StatusSource status, Clock clock, TriageEngine.StartNotes notes) {
    this.playbooks = Map.copyOf(playbooks);
    this.status = status;
    this.clock = clock;
    this.notes = notes;
  }

  /** Returns the playbook a triage runs. */
  Playbook playbookOf(ConversationState state) {
    Playbook p = playbooks.get(state.playbookId);
    if (p == null) {
      throw new IllegalStateException("the conversation's playbook " + state.playbookId + " is no longer loaded");
    }
    return p;
  }

  /** Records a choice, by a person or made by the bot itself, and moves to the step it leads to. */
  void choose(ConversationState state, Step.Question q, Step.Answer answer, Actor actor, boolean automatic) {
    record(state, q.id(), q.text(), answer.label(), actor, automatic);
    if (state.checking) {
      state.samePathResult = answer.label();
      state.checking = false;
    }
    if (!automatic) {
      state.guessedAt = null;
    }
    if (q.asks() == AutoCheck.STATUS) {
      state.statusAtFailure = Summaries.statusToldByPerson(answer.value());
    }
    state.clarifying = null;
    state.stepId = answer.next();
    state.turn++;
  }

  /** Records an answer given at a step. */
  void record(ConversationState state, String stepId, String question, String answer, Actor actor,
      boolean automatic) {
    state.answers.add(new ConversationState.AnswerRecord(stepId, Text.parse(question).toPlainString(),
        answer, actor.id(), actor.displayName(), clock.instant(), automatic));
  }

  /** Runs steps the bot answers itself until one waits for a person or the triage ends. */
  void advance(ConversationKey key, ConversationState state, List<Reply> replies) {
    Playbook playbook = playbookOf(state);
    for (int i = 0; i < MAX_STEPS_PER_INPUT; i++) {
      Step step = playbook.require(state.stepId);
      if (step instanceof Step.Question q) {
        Optional<Step.Answer> byError = Choices.byErrorKind(state, q);
        if (byError.isPresent()) {
          replies.add(new Reply.Message(Summaries.readError(state)));
          choose(state, q, byError.get(), state.startedBy, true);
          continue;
        }
        Optional<Choices.Guess> guess = Choices.guess(state, q);
        if (guess.isPresent()) {
          replies.add(new Reply.Message(Summaries.guessed(guess.get(), playbook)));
          choose(state, q, guess.get().answer(), state.startedBy, true);
          state.guessedAt = q.id();
          continue;
        }
        state.questions++;
        replies.add(Choices.question(state, q));
        return;
      }
      if (step instanceof Step.Capture c) {
        if (c.skipIfPresent() && state.evidence.containsKey(c.evidence())) {
          state.stepId = c.next();
          continue;
        }
        state.questions++;
        replies.add(Choices.textRequest(state, c));
        return;
      }
      if (step instanceof Step.Auto a) {
        checkStatus(key, state, a, replies);
        continue;
      }
      if (step instanceof Step.Advice a) {
        state.branch = a.branch();
        state.checking = true;
        if (state.questionsToFirstMove == null) {
          state.questionsToFirstMove = state.questions;
        }
        replies.add(new Reply.Message(Summaries.advice(a)));
        state.stepId = a.next();
        continue;
      }
      end(state, (Step.Outcome) step, replies);
      return;
    }
    throw new IllegalStateException("playbook " + playbook.id() + " ran " + MAX_STEPS_PER_INPUT
        + " automatic steps without stopping at " + state.stepId);
  }

  private void checkStatus(ConversationKey key, ConversationState state, Step.Auto a, List<Reply> replies) {
    StatusVerdict verdict = StatusVerdict.assess(status.current(), a.components(), clock.instant(), STATUS_MAX_AGE);
    if (state.statusAtFailure == null && !StatusVerdict.UNKNOWN.equals(verdict.result())) {
      state.statusAtFailure = Summaries.statusRecord(verdict);
    }
    replies.add(new Reply.Message(Summaries.statusVerdict(verdict)));
    verdict.incident().flatMap(found -> noteFor(key, found.id())).ifPresent(n -> replies.add(new Reply.Message(n)));
    state.stepId = a.routes().get(verdict.result());
  }

  private Optional<Text> noteFor(ConversationKey key, String incidentId) {
    try {
      return notes.noteFor(key, incidentId);
    } catch (RuntimeException e) {
      TriageEngine.LOG.warn("Start notes failed for triage {} and incident {}: {}", key, incidentId, e.toString());
      return Optional.empty();
    }
  }

  private void end(ConversationState state, Step.Outcome o, List<Reply> replies) {
    state.open = false;
    state.outcome = outcomeOf(o.result());
    if (o.result() == OutcomeKind.WAIT) {
      state.resumeAt = o.resumeAt();
    }
    if (o.result() == OutcomeKind.ESCALATE) {
      replies.add(new Reply.Message(Text.parse(o.text())));
      replies.add(ReportWriter.write(state, playbookOf(state), status.peek(), clock));
    } else {
      replies.add(new Reply.Message(Summaries.outcome(o)));
    }
  }

  private static TriageOutcome outcomeOf(OutcomeKind kind) {
    switch (kind) {
      case RESOLVED:
        return TriageOutcome.RESOLVED;
      case ESCALATE:
        return TriageOutcome.ESCALATED;
      case REDIRECT:
        return TriageOutcome.REDIRECTED;
      default:
        return TriageOutcome.WAITING;
    }
  }
}
