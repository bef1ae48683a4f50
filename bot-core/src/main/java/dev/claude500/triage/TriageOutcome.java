package dev.claude500.triage;

/** How a triage ended. */
public enum TriageOutcome {
  /** The same failing path works again. */
  RESOLVED,
  /** The escalation report was handed over. */
  ESCALATED,
  /** Pointed to usage, rate-limit or install help. */
  REDIRECTED,
  /** Waiting for a live incident to clear; a follow-up may resume it. */
  WAITING,
  /** Closed after nobody answered for the idle timeout. */
  ABANDONED
}
