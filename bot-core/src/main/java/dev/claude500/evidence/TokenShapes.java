package dev.claude500.evidence;

import java.util.regex.MatchResult;

/**
 * Tells long runs of token characters that look like secrets (random base64, hex digests)
 * from those that do not (request ids, file paths, long words).
 */
final class TokenShapes {
  /** A hex run at least this long (with digits and letters) is a secret. */
  static final int MIN_HEX = 32;

  /** A base64 run at least this long (with digits, upper and lower case) is a secret. */
  static final int MIN_BASE64 = 40;

  /** Below this share of case/digit changes a run with slashes reads as a path, not a token. */
  private static final double PATH_CHANGE_RATE = 0.25;

  /** Random base64 changes case about 0.6 of the time; CamelCase words about 0.3. */
  private static final double RANDOM_CHANGE_RATE = 0.45;

  private TokenShapes() {}

  /** Returns the marker for a run matched by the generic rule, or the run itself to keep it. */
  static String redactRun(MatchResult m) {
    String run = m.group();
    return isSecret(run) ? Redactor.TOKEN : run;
  }

  /** Returns whether a run of base64/hex characters (and trailing padding) looks like a secret. */
  static boolean isSecret(String run) {
    String body = stripPadding(run);
    if (body.startsWith("req_")) {
      return false; // a request id is the evidence support asks for
    }
    return hasHexRun(body) || looksLikeBase64(body);
  }

  /** Returns whether a Bearer value looks like a token rather than a word ("Bearer tokens"). */
  static boolean looksLikeBearer(String value) {
    if (value.length() < 8) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isDigit(c) || "._~+/=-".indexOf(c) >= 0 || i > 0 && Character.isUpperCase(c)) {
        return true;
      }
    }
    return false;
  }

  private static String stripPadding(String run) {
    int end = run.length();
    while (end > 0 && run.charAt(end - 1) == '=') {
      end--;
    }
    return run.substring(0, end);
  }

  private static boolean hasHexRun(String s) {
    int length = 0;
    boolean digit = false;
    boolean letter = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean isDigit = c >= '0' && c <= '9';
      boolean isLetter = c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
      if (isDigit || isLetter) {
        length++;
        digit |= isDigit;
        letter |= isLetter;
        if (length >= MIN_HEX && digit && letter) {
          return true;
        }
      } else {
        length = 0;
        digit = false;
        letter = false;
      }
    }
    return false;
  }

  /**
   * Returns whether a run reads as random base64: both cases, and digits or the frequent case
   * changes of random text (long CamelCase words change less often); with slashes, not a path.
   */
  private static boolean looksLikeBase64(String s) {
    if (s.length() < MIN_BASE64) {
      return false;
    }
    boolean digit = false;
    boolean upper = false;
    boolean lower = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      digit |= c >= '0' && c <= '9';
      upper |= c >= 'A' && c <= 'Z';
      lower |= c >= 'a' && c <= 'z';
    }
    if (!upper || !lower) {
      return false;
    }
    double rate = changeRate(s);
    if (s.indexOf('/') >= 0 && rate < PATH_CHANGE_RATE) {
      return false;
    }
    return digit || rate >= RANDOM_CHANGE_RATE;
  }

  /**
   * Returns the share of places where one letter or digit follows another of a different kind
   * (upper, lower, digit): about 0.6 in random base64, far less in words and file paths.
   */
  private static double changeRate(String s) {
    int changes = 0;
    for (int i = 1; i < s.length(); i++) {
      int a = kind(s.charAt(i - 1));
      int b = kind(s.charAt(i));
      if (a != 0 && b != 0 && a != b) {
        changes++;
      }
    }
    return (double) changes / s.length();
  }

  private static int kind(char c) {
    if (c >= 'A' && c <= 'Z') {
      return 1;
    }
    if (c >= 'a' && c <= 'z') {
      return 2;
    }
    return c >= '0' && c <= '9' ? 3 : 0;
  }
}
