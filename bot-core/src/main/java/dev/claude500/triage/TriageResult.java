package dev.claude500.triage;

import dev.claude500.chat.Reply;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the engine answers to one input.
 *
 * @param disposition what it did with the input
 * @param replies what to say, in order
 * @param ended set when this input ended the triage
 */
public record TriageResult(Disposition disposition, List<Reply> replies, Optional<TriageView> ended) {
  /** Validates and copies. */
  public TriageResult {
    Objects.requireNonNull(disposition, "disposition");
    replies = List.copyOf(replies);
    Objects.requireNonNull(ended, "ended");
  }

  static TriageResult nothing(Disposition disposition) {
    return new TriageResult(disposition, List.of(), Optional.empty());
  }
}
