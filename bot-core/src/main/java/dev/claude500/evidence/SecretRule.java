package dev.claude500.evidence;

import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One kind of secret: where it is, and what stands in its place. The replacement returns the
 * match unchanged to keep it.
 *
 * @param name what the rule finds, for tests and debugging
 * @param pattern where it is; every quantifier over an unbounded run is possessive, so each
 *     rule runs in time linear in the text
 * @param replacement the text that replaces a match
 */
record SecretRule(String name, Pattern pattern, Function<MatchResult, String> replacement) {
  /** Returns a rule that replaces every match with {@code marker}. */
  static SecretRule marking(String name, String regex, String marker) {
    return new SecretRule(name, Pattern.compile(regex), m -> marker);
  }

  /** Returns a rule that keeps group 1 (the label) and replaces the rest with {@code marker}. */
  static SecretRule labelled(String name, String regex, String marker) {
    return new SecretRule(name, Pattern.compile(regex), m -> m.group(1) + marker);
  }

  /** Returns {@code text} with this rule's secrets replaced. */
  String apply(String text) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    do {
      out.append(text, at, m.start()).append(replacement.apply(m));
      at = m.end();
    } while (m.find());
    return out.append(text, at, text.length()).toString();
  }
}
