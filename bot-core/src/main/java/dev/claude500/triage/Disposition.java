package dev.claude500.triage;

/** What the engine did with an input. */
public enum Disposition {
  /** The input was applied; the replies say what comes next. */
  APPLIED,
  /** The input answered a question already answered (a repeat, a late click): nothing changed. */
  STALE,
  /** Free text that answers nothing; the replies hold a hint a console may show. */
  NOT_UNDERSTOOD,
  /** There is no open triage in this thread. */
  NO_TRIAGE
}
