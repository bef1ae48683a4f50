package dev.claude500.evidence;

import java.util.Objects;

/**
 * Replaces the secrets people paste by mistake with a marker such as {@code [redacted api key]},
 * before anything is stored or posted.
 *
 * <p>It finds, each by one rule of its table: private keys in PEM form, whole from {@code -----BEGIN
 * … PRIVATE KEY-----} to its END line, any key type, also a block cut off before its END line;
 * passwords in URLs ({@code postgres://admin:…@db}, the user and the host kept); Anthropic keys and
 * OAuth tokens ({@code sk-ant-…}), OpenAI keys ({@code sk-proj-…}, {@code sk-…}), Google API keys
 * ({@code AIza…}), JWTs, Slack ({@code xoxb-…}, {@code xapp-…}), GitHub ({@code ghp_…}, {@code
 * gho_…}, {@code github_pat_…}) and Discord bot tokens, AWS access key ids ({@code AKIA…}, {@code
 * ASIA…}); the credentials of an {@code Authorization:} header, any scheme (a known scheme's name
 * kept, an unknown one redacted with the credentials after it); the
 * values of {@code password}, {@code passwd}, {@code secret}, {@code token}, {@code api_key},
 * {@code x-api-key}, {@code access_token}, {@code aws_secret_access_key} and similar fields
 * (header, JSON or {@code key=value} form, any case; a quoted value to its closing quote);
 * environment assignments such as {@code ANTHROPIC_API_KEY=…}, also in a JSON {@code env} block;
 * bare {@code Bearer} tokens; and long runs that look random: hex of 32 or more characters, base64
 * or base64url of 40 or more with digits and both cases (a run with slashes that reads like a file
 * path is kept). A whole run is replaced, never part of it.
 *
 * <p>A token that a terminal or chat wrapped onto the next line is joined back where its shape
 * says it is not complete: a Google key (39 characters), a GitHub token ({@code ghp_…} 40, {@code
 * github_pat_…} 93), an AWS key id (20) or an Anthropic key ({@code sk-ant-…AA}, 108) broken by one
 * line break, even inside its prefix; a JWT broken once in each of its parts (in the signature,
 * within its first 43 characters); a URL's password broken once before its {@code @}; an {@code
 * Authorization} header folded onto the next line; a PEM block across all its lines. Elsewhere a
 * line break ends a token: the part before it goes by its own rule (its prefix or label tells it),
 * the part after it goes when it is long and random enough for the last rule, so what may stay is
 * a piece shorter than 40 characters, never the secret.
 *
 * <p>It keeps request ids ({@code req_…}: the evidence support needs), incident and component ids,
 * status-page links, URLs without a password, and words. Values written as a variable ({@code
 * $ANTHROPIC_API_KEY}, {@code ${TOKEN}}) are kept. Full git commit hashes are 40 hex characters
 * and are redacted too.
 *
 * <p>{@code redact(redact(x)).equals(redact(x))} for every {@code x}; the output is at most three
 * times as long as the input; time is linear in the input (every run a rule scans is possessive or
 * bounded). Stateless and thread-safe.
 */
public final class Redactor {
  static final String API_KEY = "[redacted api key]";
  static final String OAUTH_TOKEN = "[redacted oauth token]";
  static final String JWT = "[redacted jwt]";
  static final String SLACK_TOKEN = "[redacted slack token]";
  static final String GITHUB_TOKEN = "[redacted github token]";
  static final String DISCORD_TOKEN = "[redacted discord token]";
  static final String AWS_KEY_ID = "[redacted aws key id]";
  static final String PRIVATE_KEY = "[redacted private key]";
  static final String CREDENTIAL = "[redacted credential]";

  /** Short, so a one-character password in a URL keeps the output within three times the input. */
  static final String URL_PASSWORD = "[redacted]";
  static final String TOKEN = "[redacted token]";

  private Redactor() {}

  /**
   * Returns {@code text} with every secret it recognises replaced by a marker.
   *
   * @throws NullPointerException if {@code text} is null
   */
  public static String redact(String text) {
    Objects.requireNonNull(text, "text");
    String out = text;
    for (SecretRule rule : SecretRules.ALL) {
      out = rule.apply(out);
    }
    return out;
  }
}
