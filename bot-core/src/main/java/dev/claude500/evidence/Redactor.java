package dev.claude500.evidence;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

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
  static final String TOKEN = "[redacted token]";

  /** A value that is already a marker, a variable reference or a request id is left alone. */
  private static final String NOT_DONE =
      "(?!\\[redacted|\\$|req_[A-Za-z0-9]{8,64}+(?![A-Za-z0-9_-]))";

  /**
   * A labelled value: to its closing quote when it is quoted, else to a blank or punctuation. A
   * variable's name is kept too: {@code /status} shows {@code Auth token: ANTHROPIC_AUTH_TOKEN} to
   * say where a token comes from.
   */
  private static final String VALUE =
      NOT_DONE
          + "(?!(?-i:[A-Z][A-Z0-9]*+_[A-Z0-9_]*+)(?![^\\s\"',;}&]))"
          + "(?:(?<=\")[^\"\\r\\n]{4,512}+(?=\")|(?<=')[^'\\r\\n]{4,512}+(?=')|" + run("\\s\"',;}&", "{4,}+") + ")";

  private static final String URL64_CHARS = "A-Za-z0-9_-";
  private static final String URL64 = "[" + URL64_CHARS + "]";

  /** Where a token may start and end: no token character touches it. */
  private static final String START = "(?<![A-Za-z0-9_-])";
  private static final String END = "(?![A-Za-z0-9_-])";

  private static final String BREAK = Wrapped.BREAK;

  /** What joins a label to its value: one of them is in every labelled secret. */
  private static final List<String> SEPARATORS = List.of(":", "=");

  private static final String PEM_TYPE = "(?:[A-Z0-9]{1,16} ){0,3}PRIVATE KEY(?: BLOCK)?";
  private static final String PEM_BEGIN = "(?<!-)-{4,5}+ ?BEGIN " + PEM_TYPE + " ?-{4,5}+";
  private static final String PEM_END = "(?<!-)-{4,5}+ ?END " + PEM_TYPE + " ?-{4,5}+";

  /**
   * What a block holds between its BEGIN and END lines however its line breaks were kept:
   * newlines, JSON's {@code \n}, the {@code " | "} of a text log line, or spaces.
   */
  private static final String PEM_BODY = "(?:[A-Za-z0-9+/=:,.\\s\\\\|]|-(?!---))*+";

  /** A line break in a block cut off before its END line. */
  private static final String PEM_BREAK = "[ \\t]*+(?:\\r?\\n|\\\\r\\\\n|\\\\n|\\|)[ \\t]*+";

  /** A whole line of such a block: an encryption header, or base64 to the end of the line. */
  private static final String PEM_LINE =
      "(?:(?:Proc-Type|DEK-Info|Version|Comment|Hash|Charset|MessageID):[^\\r\\n\\\\|]{0,200}+"
          + "|(?:[A-Za-z0-9+/=]|\\\\/)++(?=[ \\t]*+(?:[\\r\\n|\"]|\\\\[rn]|$)))";

  /** Schemes whose name is kept; an unknown first word before a credential goes with it. */
  private static final String AUTH_SCHEME =
      "(?:bearer|basic|token|digest|negotiate|ntlm|aws4-hmac-sha256|oauth|apikey|api-key|key|ssws"
          + "|splunk|dpop|hoba|mutual|sharedkey|googlelogin)";

  /** Blanks after a header's colon, or a folded header: a line break and the indentation after it. */
  private static final String FOLD = "[ \\t]*+(?:\\r?\\n[ \\t]++)?+";

  /** At least one blank or a line break between a scheme and its credentials. */
  private static final String GAP = "(?=\\s)[ \\t]*+(?:\\r?\\n)?+[ \\t]*+";

  /** One {@code name=value} of the credentials of Digest, AWS4 or OAuth 1.0. */
  private static final String AUTH_PARAM =
      "[A-Za-z0-9_-]++=(?:\"[^\"\\r\\n]{0,256}+\"|" + run("\\s\"',", "*+") + ")";

  /** A part of a JWT, which a wrap may have cut once. */
  private static final String JWT_PART = "(?:" + URL64 + "*+\\r?\\n)?+" + URL64 + "++";

  /**
   * Private keys first, so no other rule cuts a block into pieces; then token-shaped secrets;
   * then labelled values, before a bare {@code Bearer} (whose value could otherwise swallow a
   * label such as {@code FOO_TOKEN=}); then anything left that looks random.
   */
  static final List<SecretRule> RULES =
      List.of(
          SecretRule.marking(
              "private key", List.of("PRIVATE KEY"),
              PEM_BEGIN
                  + "(?:" + PEM_BODY + PEM_END
                  + "|(?:" + PEM_BREAK + "(?=" + PEM_BREAK + ")|" + PEM_BREAK + PEM_LINE + ")*+)"
                  + "|" + PEM_END,
              PRIVATE_KEY),
          new SecretRule(
              "anthropic key", List.of("-"),
              Pattern.compile(
                  START
                      + "(?:sk-ant-[a-z]{3,8}+[0-9]{2}-" + URL64 + "{93}+AA" + END
                      + "|" + Wrapped.brokenOnce(URL64_CHARS, END, 108, "sk-ant-api", "sk-ant-o")
                      + "|" + Wrapped.brokenOnce(URL64_CHARS, END, 110, "sk-ant-admin")
                      + "|sk-ant-" + URL64 + "{8,}+)"),
              m -> Wrapped.unwrapped(m.group()).startsWith("sk-ant-o") ? OAUTH_TOKEN : API_KEY),
          SecretRule.marking("openai key", List.of("sk-"), "(?<![A-Za-z0-9_-])sk-[A-Za-z0-9_-]{20,}+", API_KEY),
          SecretRule.marking(
              "google api key", List.of("z"),
              START + "(?:AIza" + URL64 + "{35}+" + END + "|" + Wrapped.brokenOnce(URL64_CHARS, END, 39, "AIza") + ")",
              API_KEY),
          SecretRule.marking(
              "jwt", List.of("J"),
              START + Wrapped.literal("eyJ") + JWT_PART + BREAK + "\\." + JWT_PART
                  + "(?:" + BREAK + "\\.(?:" + URL64 + "{1,42}+\\r?\\n)?+" + URL64 + "*+)?+",
              JWT),
          SecretRule.marking(
              "slack token", List.of("xox", "xapp"),
              "(?<![A-Za-z0-9_-])(?:xox[a-z](?:\\.xox[a-z])?|xapp)-[A-Za-z0-9-]{10,}+",
              SLACK_TOKEN),
          SecretRule.marking(
              "github token", List.of("_"),
              "(?<![A-Za-z0-9_])(?:(?:gh[pousr]_[A-Za-z0-9]{36}+|github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}+)(?![A-Za-z0-9_])"
                  + "|" + Wrapped.brokenOnce("A-Za-z0-9_", "(?![A-Za-z0-9_])", 40, "ghp_", "gho_", "ghu_", "ghs_", "ghr_")
                  + "|" + Wrapped.brokenOnce("A-Za-z0-9_", "(?![A-Za-z0-9_])", 93, "github_pat_")
                  + "|gh[pousr]_[A-Za-z0-9]{20,}+|github_pat_[A-Za-z0-9_]{20,}+)",
              GITHUB_TOKEN),
          SecretRule.marking(
              "discord token", List.of("."),
              "(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{20,40}+\\.[A-Za-z0-9_-]{6,7}+\\.[A-Za-z0-9_-]{27,}+",
              DISCORD_TOKEN),
          SecretRule.marking(
              "aws access key id", List.of("A"),
              "(?<![A-Za-z0-9])(?:(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}+(?![A-Za-z0-9])"
                  + "|" + Wrapped.brokenOnce("A-Z0-9", "(?![A-Za-z0-9])", 20, "AKIA", "ASIA", "ABIA", "ACCA") + ")",
              AWS_KEY_ID),
          SecretRule.labelled(
              "credentials in a url", List.of("@"),
              "(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]{0,30}+:(?:\\\\?/){2}[^\\s:/?#@\"'<>\\\\]{0,256}+:)"
                  + NOT_DONE
                  + "(?:[^\\s/?#@\"'<>]{1,256}+\\r?\\n)?+[^\\s/?#\"'<>]{1,256}(?=@)",
              CREDENTIAL),
          SecretRule.labelled(
              "authorization header", SEPARATORS,
              "(?i)\\b((?:proxy-)?authorization[\"']?[ \\t]*+[:=]" + FOLD + "[\"']?"
                  + "(?:" + AUTH_SCHEME + GAP + ")?)"
                  + NOT_DONE
                  + "(?!" + AUTH_SCHEME + "(?:\\s|$))"
                  + "(?:[a-z]{2,24}+" + GAP + "(?=" + NOT_DONE + "[^\\s\"',;0-9]*+[0-9]))?"
                  + "(?:" + AUTH_PARAM + "|" + run("\\s\"',;", "{4,}+") + ")(?:[ \\t]*+,[ \\t]*+" + AUTH_PARAM + ")*+",
              CREDENTIAL),
          SecretRule.labelled(
              "labelled value", SEPARATORS,
              label("x-api-key|api[-_]?key|x-auth-token|auth[-_]?token|access[-_]?token|refresh[-_]?token"
                  + "|id[-_]?token|oauth[-_]?token|session[-_]?token|client[-_]?secret"
                  + "|secret[-_]?access[-_]?key|secret[-_]?key|aws[-_]secret[-_]access[-_]key"
                  + "|aws[-_]session[-_]token|private[-_]?key|password|passwd|secret") + VALUE,
              CREDENTIAL),
          new SecretRule(
              "token value", SEPARATORS,
              Pattern.compile(label("token") + "(" + VALUE + ")"),
              m -> TokenShapes.looksLikeBearer(m.group(2)) ? m.group(1) + CREDENTIAL : m.group()),
          SecretRule.labelled(
              "environment assignment", SEPARATORS,
              "(?<![A-Za-z0-9_])((?:export[ \\t]++)?[A-Z0-9_]*?(?:API_KEY|AUTH_TOKEN|ACCESS_TOKEN"
                  + "|OAUTH_TOKEN|SESSION_TOKEN|SECRET_ACCESS_KEY|SECRET_KEY|CLIENT_SECRET"
                  + "|SIGNING_SECRET|PASSWORD|SECRET|TOKEN)[\"']?[ \\t]*+[:=][ \\t]*+[\"']?)"
                  + NOT_DONE
                  + run("\\s\"',;", "{4,}+"),
              CREDENTIAL),
          new SecretRule(
              "bearer token", List.of(),
              Pattern.compile("(?i)\\b(bearer[ \\t]++)" + NOT_DONE + "([A-Za-z0-9._~+/-]{8,}+=*+)"),
              m -> TokenShapes.looksLikeBearer(m.group(2)) ? m.group(1) + TOKEN : m.group()),
          new SecretRule(
              "random-looking run", List.of(),
              Pattern.compile("(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{" + TokenShapes.MIN_HEX + ",}+=*+"),
              TokenShapes::redactRun));

  private Redactor() {}

  /**
   * Returns the pattern of a run of characters but {@code excluded} (the body of a character
   * class), repeated {@code count} times, in which a marker an earlier rule put is one character.
   */
  private static String run(String excluded, String count) {
    return "(?:\\[redacted [a-z ]{1,24}+\\]|[^" + excluded + "])" + count;
  }

  /**
   * Returns the pattern of a label among {@code names} and what joins it to its value (header,
   * JSON or {@code key=value} form, any case), as group 1.
   */
  private static String label(String names) {
    return "(?i)((?<![A-Za-z0-9_-])[\"']?(?:" + names + ")[\"']?[ \\t]*+[:=][ \\t]*+[\"']?)";
  }

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
