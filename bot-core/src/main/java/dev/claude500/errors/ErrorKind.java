package dev.claude500.errors;

/** The kinds of error the playbook routes differently. */
public enum ErrorKind {
  /** HTTP 500 {@code api_error}: the subject of the 500 playbook. */
  INTERNAL,
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
    if (type != null) {
      switch (type) {
        case "api_error":
          return INTERNAL;
        case "overloaded_error":
          return OVERLOADED;
        case "rate_limit_error":
          return RATE_LIMIT;
        case "authentication_error":
          return AUTHENTICATION;
        default:
          break;
      }
    }
    if (httpStatus == null) {
      return OTHER;
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
        return OTHER;
    }
  }
}
