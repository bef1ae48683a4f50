package dev.claude500.evidence;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Bounds what people paste: how much of it is read and kept, and which characters survive.
 *
 * <p>Keep secrets out of a cut by redacting first: {@link #redactedCut(String, int)} does it in
 * that order, so a secret that straddles the cut is already a marker when it is cut.
 */
public final class InputLimits {
  /** Characters kept for one piece of evidence (an error line, /debug output, a repro). */
  public static final int MAX_EVIDENCE_CHARS = 4_000;

  /** Characters of one incoming message that are looked at (64 KiB). */
  public static final int MAX_MESSAGE_CHARS = 65_536;

  private InputLimits() {}

  /**
   * Returns {@code text} with line endings as {@code \n} and without control characters (but
   * newline and tab) or unpaired surrogates.
   *
   * @throws NullPointerException if {@code text} is null
   */
  public static String clean(String text) {
    Objects.requireNonNull(text, "text");
    StringBuilder out = new StringBuilder(text.length());
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\r') {
        if (i + 1 >= n || text.charAt(i + 1) != '\n') {
          out.append('\n');
        }
      } else if (Character.isHighSurrogate(c)) {
        if (i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
          out.append(c).append(text.charAt(++i));
        }
      } else if (c == '\n' || c == '\t' || !(Character.isISOControl(c) || Character.isLowSurrogate(c))) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Returns at most {@code maxChars} characters of {@code text}, cut so that no surrogate pair is
   * split, with a note saying how much was pasted and kept when it was cut.
   *
   * @throws NullPointerException if {@code text} is null
   * @throws IllegalArgumentException if {@code maxChars} is negative
   */
  public static Bounded cut(String text, int maxChars) {
    Objects.requireNonNull(text, "text");
    if (maxChars < 0) {
      throw new IllegalArgumentException("maxChars must not be negative: " + maxChars);
    }
    if (text.length() <= maxChars) {
      return new Bounded(text, Optional.empty());
    }
    int end = maxChars;
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))
        && Character.isLowSurrogate(text.charAt(end))) {
      end--;
    }
    String note =
        String.format(
            Locale.ROOT, "(cut: %,d characters pasted, first %,d kept)", text.length(), end);
    return new Bounded(text.substring(0, end), Optional.of(note));
  }

  /**
   * Returns {@code text} cleaned, redacted, then cut to {@code maxChars}: the way to keep what
   * someone pasted as evidence. The note counts the characters pasted before cleaning. Time is
   * linear in the whole text.
   *
   * @throws NullPointerException if {@code text} is null
   * @throws IllegalArgumentException if {@code maxChars} is negative
   */
  public static Bounded redactedCut(String text, int maxChars) {
    Bounded kept = cut(Redactor.redact(clean(text)), maxChars);
    if (!kept.wasCut()) {
      return kept;
    }
    String note =
        String.format(
            Locale.ROOT,
            "(cut: %,d characters pasted, first %,d kept)",
            text.length(),
            kept.text().length());
    return new Bounded(kept.text(), Optional.of(note));
  }
}
