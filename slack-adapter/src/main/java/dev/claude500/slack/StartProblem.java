package dev.claude500.slack;

import java.util.Set;

/**
 * Says in one line why the adapter could not learn who it is at start ({@code auth.test}): Slack
 * refused the bot token, Slack could not be reached (no connection, a 5xx or a rate limit, after
 * the retries), or Slack answered something else. Only Slack's own word that the token is no good
 * ({@code invalid_auth}, {@code not_authed}, {@code token_revoked}, ...) is reported as a refused
 * token: an operator told that while Slack was only down would replace a good token. Stateless.
 */
final class StartProblem {
  /** Slack's answers that mean the bot token itself is no good. */
  static final Set<String> TOKEN_REFUSED = Set.of("invalid_auth", "not_authed", "token_revoked", "token_expired",
      "account_inactive", "not_allowed_token_type");

  private StartProblem() {}

  /** Returns the message for a failed {@code auth.test} against the Web API at {@code apiUrl}. */
  static String of(SlackCallException e, String apiUrl) {
    if (TOKEN_REFUSED.contains(e.error())) {
      return "Slack refused the bot token (auth.test: " + e.error() + "); check SLACK_BOT_TOKEN";
    }
    if (e.kind() != SlackCallException.Kind.PERMANENT) {
      return "cannot reach Slack's Web API at " + apiUrl + " (auth.test: " + e.error()
          + ", after retrying); check the network and SLACK_API_URL, or start again once Slack answers";
    }
    return "Slack's Web API at " + apiUrl + " did not accept auth.test (" + e.error()
        + "); check SLACK_API_URL and SLACK_BOT_TOKEN";
  }
}
