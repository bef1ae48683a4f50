package dev.claude500.triage;

/**
 * Told when a triage starts failing on a green status page, or goes further at it (from an error
 * reported to the same path still failing): the early warning counts these.
 */
@FunctionalInterface
public interface GreenFailures {
  /** Hears nothing. */
  GreenFailures NONE = failure -> {};

  /**
   * Takes note of a triage failing on a green page, after the input that showed it was stored.
   * Called on the thread that applied the input, so it should be quick (hand slow work to another
   * thread). An exception it throws is logged and does not undo or hide the input's result.
   */
  void failing(GreenFailure failure);
}
