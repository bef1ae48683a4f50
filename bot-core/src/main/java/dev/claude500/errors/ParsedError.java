package dev.claude500.errors;

import java.util.Objects;
import java.util.Optional;

/**
 * One error read from pasted text.
 *
 * @param httpStatus the HTTP status it carries, if any
 * @param type the API error type ({@code api_error}, ...), if any
 * @param message the error's message, if any
 * @param requestId the {@code req_...} id, if any (never a placeholder such as {@code req_xxx})
 * @param line the error line itself, cleaned of quoting and escaping (not yet redacted)
 * @param kind which playbook route this error takes
 * @param origin where it came from: the API, the sign-in page, or a gateway in between
 * @param gateway a short human name of the gateway ({@code "LiteLLM"}, {@code "Amazon Bedrock"},
 *     ...), present exactly when {@code origin} is {@link Origin#GATEWAY}
 * @param resets when a usage or session limit resets, as written ({@code "5pm (Europe/Paris)"}),
 *     if the paste says
 */
public record ParsedError(
    Optional<Integer> httpStatus,
    Optional<String> type,
    Optional<String> message,
    Optional<String> requestId,
    String line,
    ErrorKind kind,
    Origin origin,
    Optional<String> gateway,
    Optional<String> resets) {
  /**
   * Validates every part.
   *
   * @throws IllegalArgumentException if a gateway is named without origin {@link Origin#GATEWAY},
   *     or that origin comes without one
   */
  public ParsedError {
    Objects.requireNonNull(httpStatus, "httpStatus");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(gateway, "gateway");
    Objects.requireNonNull(resets, "resets");
    if (gateway.isPresent() != (origin == Origin.GATEWAY)) {
      throw new IllegalArgumentException("gateway is named exactly when origin is GATEWAY");
    }
  }

  /**
   * Creates an error from the API whose kind follows from its status and type ({@link
   * ErrorKind#of}), with no reset time.
   */
  public ParsedError(
      Optional<Integer> httpStatus,
      Optional<String> type,
      Optional<String> message,
      Optional<String> requestId,
      String line) {
    this(
        httpStatus,
        type,
        message,
        requestId,
        line,
        ErrorKind.of(
            Objects.requireNonNull(httpStatus, "httpStatus").orElse(null),
            Objects.requireNonNull(type, "type").orElse(null)),
        Origin.API,
        Optional.empty(),
        Optional.empty());
  }
}
