package dev.claude500.errors;

/** The kinds of error the playbook routes differently. */
public enum ErrorKind {
  /** HTTP 500 {@code api_error}: the subject of the 500 playbook. */
  INTERNAL,
  /**
   * A server-side failure other than 500 and 529: 502, 503, 504 ({@code timeout_error}), 520 to
   * 527 and any other 5xx. It goes through the status check like a 500.
   */
  SERVER,
  /** HTTP 529 {@code overloaded_error}: capacity, not a 500. */
  OVERLOADED,
  /** HTTP 429 {@code rate_limit_error} or a usage limit. */
  RATE_LIMIT,
  /** HTTP 401 {@code authentication_error}: the login branch. */
  AUTHENTICATION,
  /** Any other status or type, or an error line without either. */
  OTHER;

  /** Returns the kind for a status and/or type; the type wins when both are known and disagree. */
  public static ErrorKind of(Integer httpStatus, String type) {
    ErrorKind byType = type == null ? OTHER : ofType(type);
    if (byType != OTHER || httpStatus == null) {
      return byType;
    }
    switch (httpStatus) {
      case 500:
        return INTERNAL;
      case 529:
        return OVERLOADED;
      case 429:
        return RATE_LIMIT;
      case 401:
        return AUTHENTICATION;
      default:
        return httpStatus >= 500 && httpStatus <= 599 ? SERVER : OTHER;
    }
  }

  private static ErrorKind ofType(String type) {
    switch (type) {
      case "api_error":
        return INTERNAL;
      case "overloaded_error":
        return OVERLOADED;
      case "rate_limit_error":
        return RATE_LIMIT;
      case "authentication_error":
        return AUTHENTICATION;
      case "timeout_error":
        return SERVER;
      default:
        return OTHER;
    }
  }

  /** Returns whether this kind is a failure on the server's side (500, 529 or another 5xx). */
  public boolean serverSide() {
    return this == INTERNAL || this == SERVER || this == OVERLOADED;
  }
}
