package dev.claude500.playbook;

/** How a triage ends. */
public enum OutcomeKind {
  /** The same failing path works again. */
  RESOLVED,
  /** The same path still fails on a green page: the escalation report is handed over. */
  ESCALATE,
  /** Not a 500 problem after all (usage, rate limit, install): pointed elsewhere. */
  REDIRECT,
  /** A live incident: wait for recovery; a follow-up may resume the triage. */
  WAIT
}
