package dev.claude500.errors;

import java.util.Optional;

/**
 * An error found in the text, with the stretch {@code [start, end)} it was read from.
 *
 * @param start where the error starts in the normalised text
 * @param end just past its last character
 * @param error what it says
 * @param source which reader found it, which ranks it and decides how its origin is judged
 */
record Hit(int start, int end, ParsedError error, Source source) {
  /** The readers, by how much a reading of theirs says. */
  enum Source {
    /** Claude Code's own line, {@code API Error: ...}. */
    LINE,
    /** A JSON error body. */
    BODY,
    /** A usage or session limit message. */
    LIMIT,
    /** An authentication message ({@code Invalid API key}, {@code Please run /login}). */
    AUTH,
    /** An error shown by the sign-in page or its browser console. */
    SIGN_IN_PAGE,
    /**
     * An error raised on the user's machine, without status or type: Claude Code's {@code Request
     * too large (max 32MB)}, npm's install failures.
     */
    CLIENT,
    /** A status or type named in prose or a header dump. */
    MENTION,
    /** A request id standing alone. */
    REQUEST_ID
  }

  static Hit of(
      int start,
      int end,
      Optional<Integer> status,
      Optional<String> type,
      Optional<String> message,
      Optional<String> requestId,
      String line,
      Source source) {
    return new Hit(start, end, new ParsedError(status, type, message, requestId, line), source);
  }

  /** Returns this hit with the type named beside it; a type that tells its kind decides it. */
  Hit withType(String type) {
    ParsedError e = error;
    ErrorKind byType = ErrorKind.of(e.httpStatus().orElse(null), type);
    ErrorKind kind = byType == ErrorKind.OTHER ? e.kind() : byType;
    return with(
        new ParsedError(
            e.httpStatus(), Optional.of(type), e.message(), e.requestId(), e.line(), kind,
            e.origin(), e.gateway(), e.resets()));
  }

  /** Returns this hit with {@code status}, its kind kept. */
  Hit withStatus(int status) {
    ParsedError e = error;
    return with(
        new ParsedError(
            Optional.of(status), e.type(), e.message(), e.requestId(), e.line(), e.kind(),
            e.origin(), e.gateway(), e.resets()));
  }

  Hit withRequestId(String requestId) {
    ParsedError e = error;
    return with(
        new ParsedError(
            e.httpStatus(), e.type(), e.message(), Optional.of(requestId), e.line(), e.kind(),
            e.origin(), e.gateway(), e.resets()));
  }

  Hit withKind(ErrorKind kind, Optional<String> resets) {
    ParsedError e = error;
    return with(
        new ParsedError(
            e.httpStatus(), e.type(), e.message(), e.requestId(), e.line(), kind, e.origin(),
            e.gateway(), resets.or(e::resets)));
  }

  Hit withOrigin(Origin origin, Optional<String> gateway) {
    ParsedError e = error;
    return with(
        new ParsedError(
            e.httpStatus(), e.type(), e.message(), e.requestId(), e.line(), e.kind(), origin,
            gateway, e.resets()));
  }

  private Hit with(ParsedError changed) {
    return new Hit(start, end, changed, source);
  }
}
