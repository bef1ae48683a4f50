package dev.claude500.status;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** An incident's or a maintenance's status word. Values the page adds later read as {@link #UNKNOWN}. */
public enum IncidentStatus {
  /** Statuspage's {@code investigating}. */
  INVESTIGATING,
  /** Statuspage's {@code identified}. */
  IDENTIFIED,
  /** Statuspage's {@code monitoring}. */
  MONITORING,
  /** Statuspage's {@code resolved}. */
  RESOLVED,
  /** Statuspage's {@code postmortem}. */
  POSTMORTEM,
  /** Statuspage's {@code scheduled}. */
  SCHEDULED,
  /** Statuspage's {@code in_progress}. */
  IN_PROGRESS,
  /** Statuspage's {@code verifying}. */
  VERIFYING,
  /** Statuspage's {@code completed}. */
  COMPLETED,
  /** A value this version does not know. */
  UNKNOWN;

  /** Returns the value for Statuspage's wire word, or {@link #UNKNOWN}. */
  @JsonCreator
  public static IncidentStatus fromWire(String word) {
    return WireWords.read(IncidentStatus.class, word, UNKNOWN);
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
