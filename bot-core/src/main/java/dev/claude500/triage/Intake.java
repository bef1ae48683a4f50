package dev.claude500.triage;

import dev.claude500.errors.ErrorTextParser;
import dev.claude500.errors.Origin;
import dev.claude500.errors.ParsedError;
import dev.claude500.evidence.InputLimits;
import java.util.Optional;

/**
 * Takes what people write into a triage's state: the error a paste holds (its line, status, type
 * and request id, redacted) and, until a branch is reached, the prose itself, which later
 * questions are answered from when it already tells ({@link ConversationState#told}).
 */
final class Intake {
  /** How much prose is kept for reading clues: a paste's start tells where it failed. */
  static final int MAX_TOLD_CHARS = 8_000;

  private Intake() {}

  /**
   * Reads a first message or paste: its error into the evidence, the prose into what was told.
   *
   * @return true when the text held an error
   */
  static boolean take(ConversationState state, String text) {
    if (text.isBlank()) {
      return false;
    }
    tell(state, text);
    if (takeError(state, text)) {
      return true;
    }
    state.evidence.put(EvidenceKeys.PASTED_TEXT, Evidence.keep(text));
    return false;
  }

  /** Adds prose to what was told, while no branch has been reached. */
  static void tell(ConversationState state, String text) {
    if (state.branch != null || text.isBlank()) {
      return;
    }
    String kept = InputLimits.redactedCut(text, MAX_TOLD_CHARS).text().strip();
    String told = state.told == null ? kept : state.told + "\n" + kept;
    state.told = told.length() <= MAX_TOLD_CHARS ? told : told.substring(told.length() - MAX_TOLD_CHARS);
  }

  /** Records the error {@code raw} holds; returns false when there is none. */
  static boolean takeError(ConversationState state, String raw) {
    Optional<ParsedError> parsed = ErrorTextParser.parse(raw);
    if (parsed.isEmpty()) {
      return false;
    }
    ParsedError e = parsed.get();
    state.evidence.put(EvidenceKeys.ERROR_LINE, Evidence.keep(e.line()));
    e.requestId().ifPresent(id -> state.evidence.put(EvidenceKeys.REQUEST_ID, id));
    e.httpStatus().ifPresent(s -> state.evidence.put(EvidenceKeys.HTTP_STATUS, s.toString()));
    e.type().ifPresent(t -> state.evidence.put(EvidenceKeys.ERROR_TYPE, t));
    e.resets().ifPresent(r -> state.evidence.put(EvidenceKeys.LIMIT_RESETS, Evidence.keep(r)));
    state.errorKind = e.kind();
    state.origin = e.origin() == Origin.API ? null : e.origin();
    state.gateway = e.gateway().orElse(null);
    return true;
  }
}
