package dev.claude500.evidence;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Replaces the secrets people paste by mistake with a marker such as {@code [redacted api key]},
 * before anything is stored or posted.
 *
 * <p>It finds Anthropic keys and OAuth tokens ({@code sk-ant-api03-…}, {@code sk-ant-oat01-…},
 * any {@code sk-ant-…}, other {@code sk-…} keys), JWTs, Slack ({@code xoxb-…}, {@code xapp-…}),
 * GitHub ({@code ghp_…}, {@code github_pat_…}) and Discord bot tokens, AWS access key ids
 * ({@code AKIA…}, {@code ASIA…}); the values of {@code Bearer}, {@code Authorization:}, {@code
 * x-api-key}, {@code api_key}, {@code access_token}, {@code oauth_token}, {@code password}, {@code
 * aws_secret_access_key} and similar fields (header, JSON or {@code key=value} form, any case);
 * environment assignments such as {@code ANTHROPIC_API_KEY=…}, {@code ANTHROPIC_AUTH_TOKEN=…},
 * {@code export FOO_TOKEN=…}; and long runs that look random: hex of 32 or more characters,
 * base64 or base64url of 40 or more with digits and both cases (a run with slashes that reads
 * like a file path is kept). A whole run is replaced, never part of it.
 *
 * <p>It keeps request ids ({@code req_…}: the evidence support needs), status-page links, and
 * words. Values written as a variable ({@code $ANTHROPIC_API_KEY}, {@code ${TOKEN}}) are kept.
 * Full git commit hashes are 40 hex characters and are redacted too.
 *
 * <p>{@code redact(redact(x)).equals(redact(x))} for every {@code x}; the output is at most three
 * times as long as the input; time is linear in the input. Stateless and thread-safe.
 */
public final class Redactor {
  static final String API_KEY = "[redacted api key]";
  static final String OAUTH_TOKEN = "[redacted oauth token]";
  static final String JWT = "[redacted jwt]";
  static final String SLACK_TOKEN = "[redacted slack token]";
  static final String GITHUB_TOKEN = "[redacted github token]";
  static final String DISCORD_TOKEN = "[redacted discord token]";
  static final String AWS_KEY_ID = "[redacted aws key id]";
  static final String CREDENTIAL = "[redacted credential]";
  static final String TOKEN = "[redacted token]";

  /** A value that is already a marker, a variable reference or a request id is left alone. */
  private static final String NOT_DONE =
      "(?!\\[redacted|\\$|req_[A-Za-z0-9]{8,64}+(?![A-Za-z0-9_-]))";

  private static final String AUTH_SCHEME = "(?:bearer|basic|token|digest|negotiate|aws4-hmac-sha256)";

  /**
   * Token-shaped secrets first; then labelled values, before a bare {@code Bearer} (whose value
   * could otherwise swallow a label such as {@code FOO_TOKEN=}); then anything left that looks
   * random.
   */
  private static final List<SecretRule> RULES =
      List.of(
          new SecretRule(
              "anthropic key",
              Pattern.compile("(?<![A-Za-z0-9_-])sk-ant-[A-Za-z0-9_-]{8,}+"),
              m -> m.group().startsWith("sk-ant-o") ? OAUTH_TOKEN : API_KEY),
          SecretRule.marking("other sk- key", "(?<![A-Za-z0-9_-])sk-[A-Za-z0-9_-]{20,}+", API_KEY),
          SecretRule.marking(
              "jwt",
              "(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{5,}+\\.[A-Za-z0-9_-]{5,}+\\.[A-Za-z0-9_-]*+",
              JWT),
          SecretRule.marking(
              "slack token",
              "(?<![A-Za-z0-9_-])(?:xox[a-z](?:\\.xox[a-z])?|xapp)-[A-Za-z0-9-]{10,}+",
              SLACK_TOKEN),
          SecretRule.marking(
              "github token",
              "(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{20,}+|github_pat_[A-Za-z0-9_]{20,}+)",
              GITHUB_TOKEN),
          SecretRule.marking(
              "discord token",
              "(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{20,40}+\\.[A-Za-z0-9_-]{6,7}+\\.[A-Za-z0-9_-]{27,}+",
              DISCORD_TOKEN),
          SecretRule.marking(
              "aws access key id",
              "(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}+(?![A-Za-z0-9])",
              AWS_KEY_ID),
          SecretRule.labelled(
              "authorization header",
              "(?i)\\b((?:proxy-)?authorization[\"']?[ \\t]*+[:=][ \\t]*+[\"']?"
                  + "(?:" + AUTH_SCHEME + "[ \\t]++)?)"
                  + NOT_DONE
                  + "(?!" + AUTH_SCHEME + "[ \\t])"
                  + "[^\\s\"',;]{4,}+",
              CREDENTIAL),
          SecretRule.labelled(
              "labelled value",
              "(?i)((?<![A-Za-z0-9_-])[\"']?(?:x-api-key|api[-_]?key|x-auth-token|auth[-_]?token"
                  + "|access[-_]?token|refresh[-_]?token|id[-_]?token|oauth[-_]?token|session[-_]?token"
                  + "|client[-_]?secret"
                  + "|secret[-_]?key|aws[-_]secret[-_]access[-_]key|aws[-_]session[-_]token"
                  + "|password|passwd|secret)[\"']?[ \\t]*+[:=][ \\t]*+[\"']?)"
                  + NOT_DONE
                  + "[^\\s\"',;}]{4,}+",
              CREDENTIAL),
          SecretRule.labelled(
              "environment assignment",
              "(?<![A-Za-z0-9_])((?:export[ \\t]++)?[A-Z0-9_]*?(?:API_KEY|AUTH_TOKEN|ACCESS_TOKEN"
                  + "|OAUTH_TOKEN|SESSION_TOKEN|SECRET_ACCESS_KEY|SECRET_KEY|CLIENT_SECRET"
                  + "|SIGNING_SECRET|PASSWORD|SECRET|TOKEN)[ \\t]*+[:=][ \\t]*+[\"']?)"
                  + NOT_DONE
                  + "[^\\s\"',;]{4,}+",
              CREDENTIAL),
          new SecretRule(
              "bearer token",
              Pattern.compile("(?i)\\b(bearer[ \\t]++)" + NOT_DONE + "([A-Za-z0-9._~+/-]{8,}+=*+)"),
              m -> TokenShapes.looksLikeBearer(m.group(2)) ? m.group(1) + TOKEN : m.group()),
          new SecretRule(
              "random-looking run",
              Pattern.compile("(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{" + TokenShapes.MIN_HEX + ",}+=*+"),
              TokenShapes::redactRun));

  private Redactor() {}

  /**
   * Returns {@code text} with every secret it recognises replaced by a marker.
   *
   * @throws NullPointerException if {@code text} is null
   */
  public static String redact(String text) {
    Objects.requireNonNull(text, "text");
    String out = text;
    for (SecretRule rule : RULES) {
      out = rule.apply(out);
    }
    return out;
  }
}
