package dev.claude500.triage;

/** The evidence keys the engine and the built-in playbook use. */
public final class EvidenceKeys {
  /** The exact error line, redacted. */
  public static final String ERROR_LINE = "error_line";
  /** The {@code req_...} id from the error line. */
  public static final String REQUEST_ID = "request_id";
  /** The HTTP status from the error line. */
  public static final String HTTP_STATUS = "http_status";
  /** The API error type from the error line. */
  public static final String ERROR_TYPE = "error_type";
  /** When a usage or session limit resets, as the pasted message says. */
  public static final String LIMIT_RESETS = "limit_resets";
  /** What Claude Code's {@code /status} showed. */
  public static final String STATUS_OUTPUT = "status_output";
  /** {@code /debug} output or the smallest repro. */
  public static final String DEBUG_OUTPUT = "debug_output";
  /** Text pasted at the start that held no error line. */
  public static final String PASTED_TEXT = "pasted_text";

  private EvidenceKeys() {}
}
