package dev.claude500.errors;

import java.util.Optional;

/**
 * An error found in the text, with the stretch {@code [start, end)} it was read from.
 *
 * @param start where the error starts in the normalised text
 * @param end just past its last character
 * @param error what it says
 */
record Hit(int start, int end, ParsedError error) {
  static Hit of(
      int start,
      int end,
      Optional<Integer> status,
      Optional<String> type,
      Optional<String> message,
      Optional<String> requestId,
      String line) {
    return new Hit(start, end, new ParsedError(status, type, message, requestId, line));
  }

  Hit withType(String type) {
    ParsedError e = error;
    return new Hit(
        start,
        end,
        new ParsedError(e.httpStatus(), Optional.of(type), e.message(), e.requestId(), e.line()));
  }

  Hit withRequestId(String requestId) {
    ParsedError e = error;
    return new Hit(
        start,
        end,
        new ParsedError(e.httpStatus(), e.type(), e.message(), Optional.of(requestId), e.line()));
  }
}
