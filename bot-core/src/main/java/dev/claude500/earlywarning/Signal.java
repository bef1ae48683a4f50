package dev.claude500.earlywarning;

import dev.claude500.chat.ConversationKey;
import dev.claude500.errors.ErrorKind;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One triage failing on a green page, as the early warning keeps it: one per triage, however often
 * it went further.
 *
 * @param key the triage's thread
 * @param workspace the workspace or server its channel belongs to, as {@code <platform>:<id>}
 * @param kind the kind of error it reported, if known
 * @param branch the branch it reached, if any
 * @param samePathFails true once the same failing path still failed after the first move
 * @param firstAt when it was first seen failing on a green page
 * @param lastAt when it last went further
 */
public record Signal(ConversationKey key, String workspace, Optional<ErrorKind> kind, Optional<String> branch,
    boolean samePathFails, Instant firstAt, Instant lastAt) {
  /** Validates. */
  public Signal {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(workspace, "workspace");
    if (workspace.isBlank() || workspace.length() > 420) {
      throw new IllegalArgumentException("workspace must be 1..420 characters and not blank");
    }
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(branch, "branch");
    Objects.requireNonNull(firstAt, "firstAt");
    Objects.requireNonNull(lastAt, "lastAt");
    if (lastAt.isBefore(firstAt)) {
      throw new IllegalArgumentException("lastAt must not be before firstAt");
    }
  }

  /** Returns this signal with what a later one of the same triage adds: a kind, a branch, a failed check. */
  public Signal merge(Signal later) {
    return new Signal(key, workspace, later.kind.or(() -> kind), later.branch.or(() -> branch),
        samePathFails || later.samePathFails, firstAt, later.lastAt.isAfter(lastAt) ? later.lastAt : lastAt);
  }
}
