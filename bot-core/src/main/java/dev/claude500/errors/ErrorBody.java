package dev.claude500.errors;

import java.util.Optional;

/**
 * What one JSON error body says, and where it ends in the text it was read from.
 *
 * @param type the inner {@code error.type}, if any
 * @param message the inner {@code error.message} (or a top-level {@code message}), if any
 * @param requestId the {@code request_id}, if any ({@code null} or a placeholder means absent)
 * @param status the HTTP status a gateway's body carries ({@code "code": 500}, {@code "status":
 *     503}), if any
 * @param looksLikeError whether the body has the shape of an API error, not just any JSON
 * @param end the offset just past the body (or past what was salvaged of it)
 */
record ErrorBody(
    Optional<String> type,
    Optional<String> message,
    Optional<String> requestId,
    Optional<Integer> status,
    boolean looksLikeError,
    int end) {}
