package dev.claude500.status;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The page's overall indicator. Values the page adds later read as {@link #UNKNOWN}. */
public enum StatusIndicator {
  /** Statuspage's {@code none}. */
  NONE,
  /** Statuspage's {@code minor}. */
  MINOR,
  /** Statuspage's {@code major}. */
  MAJOR,
  /** Statuspage's {@code critical}. */
  CRITICAL,
  /** Statuspage's {@code maintenance}. */
  MAINTENANCE,
  /** A value this version does not know. */
  UNKNOWN;

  /** Returns the value for Statuspage's wire word, or {@link #UNKNOWN}. */
  @JsonCreator
  public static StatusIndicator fromWire(String word) {
    return WireWords.read(StatusIndicator.class, word, UNKNOWN);
  }

  /** Returns Statuspage's wire word. */
  @JsonValue
  public String wire() {
    return WireWords.of(this);
  }

  /** Returns the word shown to people, e.g. "partial outage". */
  public String words() {
    return WireWords.forPeople(this);
  }
}
