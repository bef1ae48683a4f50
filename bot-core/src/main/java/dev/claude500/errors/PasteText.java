package dev.claude500.errors;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Undoes what chat clients and terminals do to a pasted error line: Slack's links and HTML
 * escaping, smart quotes, code fences and backticks, Windows line endings, odd spaces and
 * invisible characters. The result is what Claude Code printed, give or take indentation.
 */
final class PasteText {
  /** Slack and Discord wrap links and mentions in angle brackets: {@code <url|label>}. */
  private static final Pattern ANGLE_LINK =
      Pattern.compile(
          "<((?:https?|mailto|tel|ftp):[^<>|\\s]{1,2048}+|[@#!][^<>|\\s]{1,256}+)"
              + "(?:\\|([^<>\\n]{0,2048}+))?>");
  private static final Pattern ENTITY =
      Pattern.compile("&(?:(quot|lt|gt|amp|apos|nbsp)|#([0-9]{1,7}+)|#[xX]([0-9a-fA-F]{1,6}+));");
  /** A fence line: three or more backticks and an optional language tag, then end of line. */
  private static final Pattern FENCE_LINE =
      Pattern.compile("(?m)`{3,}+[A-Za-z0-9_+-]{0,20}+(?=[ \\t]*$)");

  private PasteText() {}

  /** Returns the text cut to {@code maxChars} without splitting a surrogate pair. */
  static String head(String text, int maxChars) {
    if (text.length() <= maxChars) {
      return text;
    }
    int end = maxChars;
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }

  /** Returns the pasted text as the terminal showed it; total, never throws for any string. */
  static String normalize(String pasted) {
    String text = unwrapLinks(pasted);
    text = decodeEntities(text);
    if (text.indexOf('&') >= 0) {
      text = decodeEntities(text); // Slack text escaped twice on its way through a bot or a copy
    }
    text = cleanCharacters(text);
    text = FENCE_LINE.matcher(text).replaceAll("");
    return text.indexOf('`') >= 0 ? text.replace("`", "") : text;
  }

  private static String unwrapLinks(String text) {
    if (text.indexOf('<') < 0) {
      return text;
    }
    Matcher m = ANGLE_LINK.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      String shown = m.group(2) != null && !m.group(2).isEmpty() ? m.group(2) : m.group(1);
      m.appendReplacement(out, Matcher.quoteReplacement(shown));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String decodeEntities(String text) {
    if (text.indexOf('&') < 0) {
      return text;
    }
    Matcher m = ENTITY.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(decode(m)));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String decode(Matcher m) {
    if (m.group(1) != null) {
      switch (m.group(1)) {
        case "quot":
          return "\"";
        case "lt":
          return "<";
        case "gt":
          return ">";
        case "amp":
          return "&";
        case "apos":
          return "'";
        default:
          return " ";
      }
    }
    int codePoint =
        m.group(2) != null ? Integer.parseInt(m.group(2)) : Integer.parseInt(m.group(3), 16);
    boolean valid =
        Character.isValidCodePoint(codePoint)
            && !(codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE);
    return valid ? new String(Character.toChars(codePoint)) : m.group();
  }

  /**
   * Maps line endings to {@code \n}, odd spaces to a space, smart quotes to ASCII ones, and drops
   * control characters (but newline and tab), invisible characters and unpaired surrogates.
   */
  private static String cleanCharacters(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
          out.append(c).append(text.charAt(++i));
        }
        continue;
      }
      if (c == '\r') {
        if (i + 1 >= n || text.charAt(i + 1) != '\n') {
          out.append('\n');
        }
        continue;
      }
      char mapped = map(c);
      if (mapped != 0) {
        out.append(mapped);
      }
    }
    return out.toString();
  }

  /** Returns the character to keep for {@code c}, or 0 to drop it. */
  private static char map(char c) {
    switch (c) {
      case '\n':
      case '\t':
        return c;
      case '\u201C': // “
      case '\u201D': // ”
      case '\u201E': // „
      case '\u201F': // ‟
      case '\u2033': // ″
      case '\uFF02': // ＂
        return '"';
      case '\u2018': // ‘
      case '\u2019': // ’
      case '\u201A': // ‚
      case '\u201B': // ‛
      case '\u2032': // ′
      case '\uFF07': // ＇
        return '\'';
      case '\u2028':
      case '\u2029':
        return '\n';
      case '\u00A0':
      case '\u202F':
      case '\u205F':
      case '\u3000':
        return ' ';
      case '\u00AD':
      case '\u200B':
      case '\u200C':
      case '\u200D':
      case '\u2060':
      case '\uFEFF':
        return 0;
      default:
        break;
    }
    if (c >= '\u2000' && c <= '\u200A') {
      return ' ';
    }
    if (Character.isLowSurrogate(c) || Character.isISOControl(c)) {
      return 0;
    }
    return c;
  }
}
