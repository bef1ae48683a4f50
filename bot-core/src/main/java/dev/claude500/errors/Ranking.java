package dev.claude500.errors;

import java.util.List;
import java.util.Optional;

/**
 * Ranks the errors of one paste to pick the one the triage should take: an error read with a
 * status, a type or a kind of its own beats a status named in prose or an error raised on the
 * user's machine, which beat a weak reading (a request id alone, {@code due to an API error:});
 * among statuses named in prose a server-side one comes first. Ties go to the error that appears
 * first.
 */
final class Ranking {
  private Ranking() {}

  /** Returns how strong a reading {@code hit} is; higher is better. */
  static int rank(Hit hit) {
    ParsedError e = hit.error();
    if (hit.source() == Hit.Source.CLIENT) {
      return 1; // says what failed, as a client error named in prose does
    }
    if (isWeak(e)) {
      return 0;
    }
    if (hit.source() == Hit.Source.MENTION) {
      return e.kind().serverSide() ? 2 : 1;
    }
    return 3;
  }

  /** Returns whether {@code error} says nothing but that something failed. */
  static boolean isWeak(ParsedError error) {
    return error.httpStatus().isEmpty()
        && error.type().isEmpty()
        && error.kind() == ErrorKind.OTHER;
  }

  /** Returns the best of {@code hits} (in order of appearance), the first among equals. */
  static Optional<Hit> best(List<Hit> hits) {
    Hit best = null;
    for (Hit hit : hits) {
      if (best == null || rank(hit) > rank(best)) {
        best = hit;
      }
    }
    return Optional.ofNullable(best);
  }
}
