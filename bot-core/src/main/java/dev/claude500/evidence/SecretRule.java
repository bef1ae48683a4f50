package dev.claude500.evidence;

import java.util.List;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One kind of secret: where it is, and what stands in its place. The replacement returns the
 * match unchanged to keep it.
 *
 * @param name what the rule finds, for tests and debugging
 * @param clues strings one of which every match holds (even when a wrap broke it), so a text that
 *     holds none of them is skipped without running the pattern; empty when there are none
 * @param pattern where it is; every quantifier over an unbounded run is possessive, so each
 *     rule runs in time linear in the text
 * @param replacement the text that replaces a match
 */
record SecretRule(
    String name, List<String> clues, Pattern pattern, Function<MatchResult, String> replacement) {
  /** Copies the clues. */
  SecretRule {
    clues = List.copyOf(clues);
  }

  /** Returns a rule that replaces every match with {@code marker}. */
  static SecretRule marking(String name, List<String> clues, String regex, String marker) {
    return new SecretRule(name, clues, Pattern.compile(regex), m -> marker);
  }

  /** Returns a rule that keeps group 1 (the label) and replaces the rest with {@code marker}. */
  static SecretRule labelled(String name, List<String> clues, String regex, String marker) {
    return new SecretRule(name, clues, Pattern.compile(regex), m -> m.group(1) + marker);
  }

  /** Returns {@code text} with this rule's secrets replaced. */
  String apply(String text) {
    if (!clues.isEmpty() && clues.stream().noneMatch(text::contains)) {
      return text;
    }
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
