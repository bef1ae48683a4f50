package dev.claude500.triage;

import dev.claude500.chat.ConversationKey;
import dev.claude500.errors.ErrorKind;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A triage failing while the status page shows green for it: its error kind is known (it reported
 * the error with no open incident), or the same failing path still fails after a branch's first
 * move (it is on its way to, or at, the escalation report).
 *
 * @param key the triage's thread
 * @param kind the kind of error it reported, if known
 * @param branch the branch it reached, if any
 * @param samePathFails true once the same failing path still failed after the first move
 * @param at when the triage got there
 */
public record GreenFailure(ConversationKey key, Optional<ErrorKind> kind, Optional<String> branch,
    boolean samePathFails, Instant at) {
  /** Validates. */
  public GreenFailure {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(branch, "branch");
    Objects.requireNonNull(at, "at");
  }

  /**
   * Returns how far a triage's state went in failing on a green page: 0 not (or not green), 1 an
   * error kind reported on a green page, 2 the same path still failing on a green page.
   */
  static int level(ConversationState state) {
    if (state.statusAtFailure == null || !StatusVerdict.GREEN.equals(state.statusAtFailure.result())) {
      return 0;
    }
    if (samePathFails(state)) {
      return 2;
    }
    return state.errorKind != null && state.errorKind != ErrorKind.OTHER ? 1 : 0;
  }

  /** Returns the failure a stored state shows, when it shows one. */
  static Optional<GreenFailure> of(ConversationKey key, ConversationState state, Instant at) {
    int level = level(state);
    if (level == 0) {
      return Optional.empty();
    }
    Optional<ErrorKind> kind = Optional.ofNullable(state.errorKind).filter(k -> k != ErrorKind.OTHER);
    return Optional.of(new GreenFailure(key, kind, Optional.ofNullable(state.branch), level == 2, at));
  }

  /**
   * True when the answer to a branch's same-path check said it still fails: the triage escalated,
   * or it collects the escalation's evidence (an answer was given, no new check is pending, and it
   * neither resolved, redirected nor waits).
   */
  private static boolean samePathFails(ConversationState state) {
    if (state.outcome == TriageOutcome.ESCALATED) {
      return true;
    }
    return state.open && state.branch != null && state.samePathResult != null && !state.checking;
  }
}
