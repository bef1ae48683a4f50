package dev.claude500.launcher;

/**
 * One console input as it is read: at most a number of characters and of lines are kept; from the
 * first character that does not fit on, everything appended is dropped and the text says it was
 * cut. Not thread-safe.
 */
final class BoundedText {
  private final int maxChars;
  private final int maxLines;
  private final StringBuilder text = new StringBuilder();
  /** Lines ended so far. */
  private int lines;
  /** Line ends not written yet: written before the next character, so ends at the end never count. */
  private int pendingEnds;
  private boolean cut;

  BoundedText(int maxChars, int maxLines) {
    if (maxChars < 2 || maxLines < 1) {
      throw new IllegalArgumentException("maxChars must be over 1 and maxLines positive: " + maxChars + ", "
          + maxLines);
    }
    this.maxChars = maxChars;
    this.maxLines = maxLines;
  }

  /** Appends one character of a line (not a line end). */
  void append(char c) {
    // room for a high surrogate's pair too, so a cut never splits one
    int needed = pendingEnds + (Character.isHighSurrogate(c) ? 2 : 1);
    cut |= lines >= maxLines || text.length() + needed > maxChars;
    if (cut) {
      return;
    }
    text.append("\n".repeat(pendingEnds)).append(c);
    pendingEnds = 0;
  }

  /** Ends the current line. */
  void endLine() {
    if (!cut && lines < maxLines) {
      lines++;
      pendingEnds++;
    }
  }

  /** Appends {@code s}, its {@code \n}s as line ends. */
  void append(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\n') {
        endLine();
      } else {
        append(s.charAt(i));
      }
    }
  }

  /** Returns true when something appended was dropped. */
  boolean cut() {
    return cut;
  }

  /** Returns the lines kept, joined with {@code \n}, without line ends at the end. */
  String text() {
    return text.toString();
  }
}
