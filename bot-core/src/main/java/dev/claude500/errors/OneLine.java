package dev.claude500.errors;

import java.util.Optional;

/** Folds text onto one bounded line for {@link ParsedError#line()} and its message. */
final class OneLine {
  private OneLine() {}

  /** Returns {@code text} with line breaks (and the blanks around them) as one space, bounded. */
  static String of(String text) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), ErrorTextParser.MAX_LINE_CHARS));
    boolean pendingBreak = false;
    for (int i = 0; i < text.length() && out.length() <= ErrorTextParser.MAX_LINE_CHARS; i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        trimEnd(out);
        pendingBreak = true;
      } else if (pendingBreak && (c == ' ' || c == '\t')) {
        continue;
      } else if (Character.isISOControl(c) && c != '\t' || isLoneSurrogate(text, i)) {
        continue;
      } else {
        if (pendingBreak && out.length() > 0) {
          out.append(' ');
        }
        pendingBreak = false;
        out.append(c);
      }
    }
    String line = out.toString().strip();
    if (line.length() <= ErrorTextParser.MAX_LINE_CHARS) {
      return line;
    }
    return PasteText.head(line, ErrorTextParser.MAX_LINE_CHARS - 1) + "…";
  }

  /** Returns the folded text, or empty when nothing is left of it. */
  static Optional<String> nonEmpty(String text) {
    String line = of(text);
    return line.isEmpty() ? Optional.empty() : Optional.of(line);
  }

  private static void trimEnd(StringBuilder out) {
    int n = out.length();
    while (n > 0 && (out.charAt(n - 1) == ' ' || out.charAt(n - 1) == '\t')) {
      n--;
    }
    out.setLength(n);
  }

  private static boolean isLoneSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
    }
    return false;
  }
}
