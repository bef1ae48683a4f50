package dev.claude500.errors;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The ways chat clients and people mangle a pasted error line, as functions tests apply. */
final class Mangling {
  static final String RETRY_SUFFIX = " · Retrying in 4 seconds… (attempt 4/10)";

  /**
   * A named way to mangle a line, and what the parser's {@code line} should then be.
   *
   * @param name shown in test names
   * @param mangle turns the printed line into the pasted text
   * @param expectedLine turns the printed line (without prefix) into the expected clean line
   */
  record Way(String name, UnaryOperator<String> mangle, UnaryOperator<String> expectedLine) {
    Way(String name, UnaryOperator<String> mangle) {
      this(name, mangle, UnaryOperator.identity());
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private static final Pattern STATUS_HOST = Pattern.compile("(https://)?status\\.claude\\.com");
  private static final Pattern DOCS_URL = Pattern.compile("https://docs\\.claude\\.com[^\"\\s&]*");

  private Mangling() {}

  /** Returns every way, each on its own. */
  static List<Way> ways() {
    return List.of(
        new Way("as printed", s -> s),
        new Way("Slack-escaped", Mangling::slackEscape),
        new Way("smart quotes", Mangling::smartQuotes),
        new Way("code fence", s -> "```\n" + s + "\n```"),
        new Way("json code fence", s -> "```json\n" + s + "\n```"),
        new Way("inline fence", s -> "```" + s + "```"),
        new Way("single backticks", s -> "`" + s + "`"),
        new Way("Claude Code prefix", s -> "  ⎿  " + s),
        new Way("deep indentation", s -> "\t\t        " + s + "   "),
        new Way("retry suffix", s -> s + RETRY_SUFFIX, s -> s + RETRY_SUFFIX),
        new Way("prose on the same line", s -> "hey team, got this: " + s + " any idea?"),
        new Way("prose on other lines", s -> "hey team, got this:\n" + s + "\nany idea?"),
        new Way("Windows line endings", s -> "hey team, got this:\r\n" + s + "\r\nany idea?\r\n"),
        new Way("Slack links", Mangling::slackLinks),
        new Way(
            "Slack: fenced, escaped, linked, quoted",
            s -> "&gt; " + "```" + slackLinks(slackEscape(s)) + "```"),
        new Way(
            "Discord: smart quotes, prefix, retry, CRLF",
            s -> "so\r\n  ⎿  " + smartQuotes(s) + RETRY_SUFFIX + "\r\n",
            s -> s + RETRY_SUFFIX),
        new Way("zero-width and no-break spaces", s -> "\uFEFF" + s.replace(" ", "\u00A0") + "\u200B"));
  }

  /** Escapes as Slack does, and more: {@code & < > " '}. */
  static String slackEscape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }

  /** Replaces straight quotes with typographic ones, opening and closing in turn. */
  static String smartQuotes(String s) {
    StringBuilder out = new StringBuilder();
    boolean open = true;
    for (char c : s.toCharArray()) {
      if (c == '"') {
        out.append(open ? '“' : '”');
        open = !open;
      } else if (c == '\'') {
        out.append('’');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Wraps links as Slack does, and appends a {@code mailto:} link in prose. */
  static String slackLinks(String s) {
    Matcher docs = DOCS_URL.matcher(s);
    String linked = docs.replaceAll(m -> Matcher.quoteReplacement("<" + m.group() + ">"));
    Matcher status = STATUS_HOST.matcher(linked);
    linked =
        status.replaceAll(
            m ->
                Matcher.quoteReplacement(
                    m.group(1) != null
                        ? "<" + m.group() + ">"
                        : "<http://status.claude.com|status.claude.com>"));
    return linked + "\ncc <mailto:oncall@example.com|oncall@example.com> <@U024BE7LH>";
  }
}
