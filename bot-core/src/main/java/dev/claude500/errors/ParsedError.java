package dev.claude500.errors;

import java.util.Objects;
import java.util.Optional;

/**
 * One error line read from pasted text.
 *
 * @param httpStatus the HTTP status it carries, if any
 * @param type the API error type ({@code api_error}, ...), if any
 * @param message the error's message, if any
 * @param requestId the {@code req_...} id, if any
 * @param line the error line itself, cleaned of quoting and escaping (not yet redacted)
 */
public record ParsedError(
    Optional<Integer> httpStatus,
    Optional<String> type,
    Optional<String> message,
    Optional<String> requestId,
    String line) {
  /** Validates every part. */
  public ParsedError {
    Objects.requireNonNull(httpStatus, "httpStatus");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(line, "line");
  }

  /** Returns which playbook route this error takes. */
  public ErrorKind kind() {
    return ErrorKind.of(httpStatus.orElse(null), type.orElse(null));
  }
}
