package dev.claude500.chat;

import java.util.Objects;

/**
 * One answer a person can pick, shown as a button or a numbered line.
 *
 * @param value the stable value sent back when it is picked
 * @param label what the person sees
 */
public record Choice(String value, String label) {
  /** Validates both parts. */
  public Choice {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(label, "label");
    if (value.isBlank() || label.isBlank()) {
      throw new IllegalArgumentException("choice value and label must not be blank");
    }
  }
}
