package dev.claude500.evidence;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Regex pieces for a token that a terminal or chat broke across two lines when it wrapped a long
 * line. A token is joined back only where its shape says it is not complete yet (its exact length,
 * or the parts a JWT must have), so a complete token at the end of a line never takes the start of
 * the next one. Each piece looks at most at the token's line and the next one, so a rule stays
 * linear in the text.
 */
final class Wrapped {
  /** A line break a wrap may have put inside a token. */
  static final String BREAK = "(?:\\r?\\n)?+";

  private Wrapped() {}

  /**
   * Returns a regex for any of {@code spellings} (letters, digits, {@code -} and {@code _} only)
   * that also matches with a line break between two of its characters.
   *
   * @throws IllegalArgumentException if a spelling holds another character
   */
  static String literal(String... spellings) {
    return Arrays.stream(spellings).map(Wrapped::oneLiteral).collect(Collectors.joining("|", "(?:", ")"));
  }

  /**
   * Returns a regex for a token of exactly {@code length} characters from {@code chars} (the body
   * of a character class), starting with one of {@code prefixes}, that one line break cut in two.
   * {@code end} is what must follow the token. The length is counted without the break, give or
   * take one character for a {@code \r\n}.
   */
  static String brokenOnce(String chars, String end, int length, String... prefixes) {
    String halves = "[" + chars + "]{0," + length + "}+\\r?\\n[" + chars + "]{1," + length + "}+";
    return "(?=" + literal(prefixes) + ")"
        + "(?=" + halves + end + ")"
        + "(?=[\\r\\n" + chars + "]{" + (length + 1) + "," + (length + 2) + "}" + end + ")"
        + halves;
  }

  /** Returns {@code text} without the line breaks a wrap put in it. */
  static String unwrapped(String text) {
    return text.replace("\r", "").replace("\n", "");
  }

  private static String oneLiteral(String spelling) {
    if (!spelling.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException("spelling must be letters, digits, - and _: " + spelling);
    }
    return spelling.chars().mapToObj(c -> String.valueOf((char) c)).collect(Collectors.joining(BREAK));
  }
}
