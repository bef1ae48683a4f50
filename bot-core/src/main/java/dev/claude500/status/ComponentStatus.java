package dev.claude500.status;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A component's state. Values the page adds later read as {@link #UNKNOWN}. */
public enum ComponentStatus {
  /** Statuspage's {@code operational}. */
  OPERATIONAL,
  /** Statuspage's {@code degraded_performance}. */
  DEGRADED_PERFORMANCE,
  /** Statuspage's {@code partial_outage}. */
  PARTIAL_OUTAGE,
  /** Statuspage's {@code major_outage}. */
  MAJOR_OUTAGE,
  /** Statuspage's {@code under_maintenance}. */
  UNDER_MAINTENANCE,
  /** A value this version does not know. */
  UNKNOWN;

  /** Returns the value for Statuspage's wire word, or {@link #UNKNOWN}. */
  @JsonCreator
  public static ComponentStatus fromWire(String word) {
    return WireWords.read(ComponentStatus.class, word, UNKNOWN);
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
