package dev.claude500.triage;

import dev.claude500.chat.Actor;
import dev.claude500.chat.ConversationKey;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A triage as the outside sees it.
 *
 * @param key its thread
 * @param playbookId the playbook it walks
 * @param startedBy who started it
 * @param hit the person the error hit: the author of the message triaged (a triage started on
 *     someone else's message), else who started it
 * @param startedAt when
 * @param open false once it ended
 * @param pendingToken the token of the question or text request waiting for an answer
 * @param waitingForText true when the pending step wants free text
 * @param branch the branch reached, if any
 * @param outcome how it ended, if it did
 * @param questions how many questions and text requests people were asked
 * @param questionsToFirstMove how many of them came before the first branch advice, once reached
 * @param statusIncidentId the open incident the status step found, if any
 * @param firstLine the first line of the error pasted into it, or else of the text it was started
 *     with, redacted and shortened to one line: what tells it apart from another triage
 */
public record TriageView(
    ConversationKey key,
    String playbookId,
    Actor startedBy,
    Actor hit,
    Instant startedAt,
    boolean open,
    Optional<String> pendingToken,
    boolean waitingForText,
    Optional<String> branch,
    Optional<TriageOutcome> outcome,
    int questions,
    Optional<Integer> questionsToFirstMove,
    Optional<String> statusIncidentId,
    Optional<String> firstLine) {
  /** Validates. */
  public TriageView {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(pendingToken, "pendingToken");
    Objects.requireNonNull(branch, "branch");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(questionsToFirstMove, "questionsToFirstMove");
    Objects.requireNonNull(statusIncidentId, "statusIncidentId");
    Objects.requireNonNull(firstLine, "firstLine");
  }
}
