package dev.claude500.status;

/**
 * Why one attempt at one URL failed, in words for logs and "unknown since" notes; {@link
 * StatuspageClient} turns it into {@link FetchResult.Failed}. Carries no stack trace: it is an
 * answer, not a bug.
 */
final class FetchProblem extends Exception {
  private static final long serialVersionUID = 1L;

  FetchProblem(String reason) {
    super(reason, null, false, false);
  }
}
