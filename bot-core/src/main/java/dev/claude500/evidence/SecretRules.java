package dev.claude500.evidence;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The redactor's table: one rule per kind of secret, each a name, clues, a pattern and what stands
 * in its place (a marker, the label kept before it), in the order they run.
 */
final class SecretRules {
  /** A value that is already a marker, a variable reference or a request id is left alone. */
  private static final String NOT_DONE =
      "(?!\\[redacted|\\$|req_[A-Za-z0-9]{8,64}+(?![A-Za-z0-9_-]))";

  /**
   * A labelled value: to its closing quote when it is quoted, else to a blank or punctuation. The
   * name of a secret's variable is kept too: {@code /status} shows {@code Auth token:
   * ANTHROPIC_AUTH_TOKEN} to say where a token comes from.
   */
  private static final String VALUE =
      NOT_DONE
          + "(?!(?-i:[A-Z][A-Z0-9_]{0,60}+(?<=_TOKEN|_KEY|_SECRET|_PASSWORD))(?![^\\s\"',;}&]))"
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

  /**
   * A run of 8 or more token characters that looks like a token, as a bare {@code Bearer} value
   * must: a digit, a symbol or a capital after its first character (not a word, not a label).
   */
  private static final String TOKEN_LIKE =
      "(?-i:(?=[A-Za-z0-9._~+/=-]{8,}+(?:[\\s\"',;]|$))[A-Za-z0-9._~+/=-][a-z]*+[A-Z0-9._~+/=-])";

  /** Blanks after a header's colon, or a folded header: a line break and the indentation after it. */
  private static final String FOLD = "[ \\t]*+(?:\\r?\\n[ \\t]++)?+";

  /** At least one blank or a line break between a scheme and its credentials. */
  private static final String GAP = "(?=\\s)[ \\t]*+(?:\\r?\\n)?+[ \\t]*+";

  /**
   * One {@code name=value} of the credentials of Digest, AWS4 or OAuth 1.0; a quoted value only
   * after a lowercase name, as theirs are, so a base64 credential's {@code =} padding before the
   * quote that closes a JSON string is not one.
   */
  private static final String AUTH_PARAM =
      "(?:(?-i:[a-z_]{2,24}+)=\"[^\"\\r\\n{}]{0,256}+\"|[A-Za-z0-9_-]++=" + run("\\s\"',;", "*+") + ")";

  /** A part of a JWT, which a wrap may have cut once (a break before its dot is the dot's). */
  private static final String JWT_PART = BREAK + URL64 + "++(?:\\r?\\n" + URL64 + "++)?+";

  /**
   * Private keys first, so no other rule cuts a block into pieces; then token-shaped secrets;
   * then labelled values, before a bare {@code Bearer} (whose value could otherwise swallow a
   * label such as {@code FOO_TOKEN=}); then anything left that looks random.
   */
  static final List<SecretRule> ALL =
      List.of(
          SecretRule.marking(
              "private key", List.of("PRIVATE KEY"),
              PEM_BEGIN
                  + "(?:" + PEM_BODY + PEM_END
                  + "|(?:" + PEM_BREAK + "(?=" + PEM_BREAK + ")|" + PEM_BREAK + PEM_LINE + ")*+)"
                  + "|" + PEM_END,
              Redactor.PRIVATE_KEY),
          new SecretRule(
              "anthropic key", List.of("-"),
              Pattern.compile(
                  START
                      + "(?:sk-ant-[a-z]{3,8}+[0-9]{2}-" + URL64 + "{93}+AA" + END
                      + "|" + Wrapped.brokenOnce(URL64_CHARS, END, 108, "sk-ant-api", "sk-ant-o")
                      + "|" + Wrapped.brokenOnce(URL64_CHARS, END, 110, "sk-ant-admin")
                      + "|sk-ant-" + URL64 + "{8,}+)"),
              m -> Wrapped.unwrapped(m.group()).startsWith("sk-ant-o") ? Redactor.OAUTH_TOKEN : Redactor.API_KEY),
          SecretRule.marking("openai key", List.of("sk-"), "(?<![A-Za-z0-9_-])sk-[A-Za-z0-9_-]{20,}+", Redactor.API_KEY),
          SecretRule.marking(
              "google api key", List.of("z"),
              START + "(?:AIza" + URL64 + "{35}+" + END + "|" + Wrapped.brokenOnce(URL64_CHARS, END, 39, "AIza") + ")",
              Redactor.API_KEY),
          SecretRule.marking(
              "jwt", List.of("J"),
              START + Wrapped.literal("eyJ") + JWT_PART + BREAK + "\\." + JWT_PART
                  + "(?:" + BREAK + "\\.(?:" + URL64 + "{1,42}+\\r?\\n)?+" + URL64 + "*+)?+",
              Redactor.JWT),
          SecretRule.marking(
              "slack token", List.of("xox", "xapp"),
              "(?<![A-Za-z0-9_-])(?:xox[a-z](?:\\.xox[a-z])?|xapp)-[A-Za-z0-9-]{10,}+",
              Redactor.SLACK_TOKEN),
          SecretRule.marking(
              "github token", List.of("_"),
              "(?<![A-Za-z0-9_])(?:(?:gh[pousr]_[A-Za-z0-9]{36}+|github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}+)(?![A-Za-z0-9_])"
                  + "|" + Wrapped.brokenOnce("A-Za-z0-9_", "(?![A-Za-z0-9_])", 40, "ghp_", "gho_", "ghu_", "ghs_", "ghr_")
                  + "|" + Wrapped.brokenOnce("A-Za-z0-9_", "(?![A-Za-z0-9_])", 93, "github_pat_")
                  + "|gh[pousr]_[A-Za-z0-9]{20,}+|github_pat_[A-Za-z0-9_]{20,}+)",
              Redactor.GITHUB_TOKEN),
          SecretRule.marking(
              "discord token", List.of("."),
              "(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{20,40}+\\.[A-Za-z0-9_-]{6,7}+\\.[A-Za-z0-9_-]{27,}+",
              Redactor.DISCORD_TOKEN),
          SecretRule.marking(
              "aws access key id", List.of("A"),
              "(?<![A-Za-z0-9])(?:(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}+(?![A-Za-z0-9])"
                  + "|" + Wrapped.brokenOnce("A-Z0-9", "(?![A-Za-z0-9])", 20, "AKIA", "ASIA", "ABIA", "ACCA") + ")",
              Redactor.AWS_KEY_ID),
          SecretRule.labelled(
              "credentials in a url", List.of("@"),
              "(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]{0,30}+:(?:\\\\?/){2}[^\\s:/?#@\"'<>\\\\]{0,256}+:)"
                  + NOT_DONE
                  + "(?:[^\\s/?#@\"'<>]{1,256}+\\r?\\n)?+[^\\s/?#\"'<>]{1,256}(?=@)",
              Redactor.URL_PASSWORD),
          SecretRule.labelled(
              "authorization header", SEPARATORS,
              "(?i)\\b((?:proxy-)?authorization[\"']?[ \\t]*+[:=]" + FOLD + "[\"']?"
                  + "(?:" + AUTH_SCHEME + GAP + ")?)"
                  + NOT_DONE
                  + "(?!" + AUTH_SCHEME + "(?:\\s|$))"
                  + "(?:[a-z]{2,24}+[ \\t]++(?=" + NOT_DONE + TOKEN_LIKE + "))?"
                  + "(?:" + AUTH_PARAM + "|" + run("\\s\"',;", "{4,}+") + ")(?:[ \\t]*+,[ \\t]*+" + AUTH_PARAM + ")*+",
              Redactor.CREDENTIAL),
          SecretRule.labelled(
              "labelled value", SEPARATORS,
              label("x-api-key|api[-_]?key|x-auth-token|auth[-_]?token|access[-_]?token|refresh[-_]?token"
                  + "|id[-_]?token|oauth[-_]?token|session[-_]?token|client[-_]?secret"
                  + "|secret[-_]?access[-_]?key|secret[-_]?key|aws[-_]secret[-_]access[-_]key"
                  + "|aws[-_]session[-_]token|private[-_]?key|password|passwd|secret") + VALUE,
              Redactor.CREDENTIAL),
          new SecretRule(
              "token value", SEPARATORS,
              Pattern.compile(label("token") + "(" + VALUE + ")"),
              m -> TokenShapes.looksLikeBearer(m.group(2)) ? m.group(1) + Redactor.CREDENTIAL : m.group()),
          SecretRule.labelled(
              "environment assignment", SEPARATORS,
              "(?<![A-Za-z0-9_])((?:export[ \\t]++)?[A-Z0-9_]*?(?:API_KEY|AUTH_TOKEN|ACCESS_TOKEN"
                  + "|OAUTH_TOKEN|SESSION_TOKEN|SECRET_ACCESS_KEY|SECRET_KEY|CLIENT_SECRET"
                  + "|SIGNING_SECRET|PASSWORD|SECRET|TOKEN)[\"']?[ \\t]*+[:=][ \\t]*+[\"']?)"
                  + NOT_DONE
                  + run("\\s\"',;", "{4,}+"),
              Redactor.CREDENTIAL),
          new SecretRule(
              "bearer token", List.of(),
              Pattern.compile("(?i)\\b(bearer[ \\t]++)" + NOT_DONE + "([A-Za-z0-9._~+/-]{8,}+=*+)"),
              m -> TokenShapes.looksLikeBearer(m.group(2)) ? m.group(1) + Redactor.TOKEN : m.group()),
          new SecretRule(
              "random-looking run", List.of(),
              Pattern.compile("(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{" + TokenShapes.MIN_HEX + ",}+=*+"),
              TokenShapes::redactRun));

  private SecretRules() {}

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
}
