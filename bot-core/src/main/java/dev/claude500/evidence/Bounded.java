package dev.claude500.evidence;

import java.util.Objects;
import java.util.Optional;

/**
 * Text cut to a size, and what was cut.
 *
 * @param text the text kept
 * @param note present when something was cut, e.g. "(cut: 1,048,576 characters pasted, first
 *     4,000 kept)"
 */
public record Bounded(String text, Optional<String> note) {
  /** Validates both parts. */
  public Bounded {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(note, "note");
  }

  /** Returns whether something was cut. */
  public boolean wasCut() {
    return note.isPresent();
  }

  /** Returns the text followed by the note on its own line, when there is one. */
  public String withNote() {
    return note.map(n -> text + "\n" + n).orElse(text);
  }
}
