package dev.claude500.slack;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits plain text into pieces that each fit one code block once escaped: whole lines where they
 * fit, long lines cut between code points. Stateless.
 */
final class Chunks {
  private Chunks() {}

  /** Returns pieces of {@code plain} whose escaped length is at most {@code maxEscaped}. */
  static List<String> split(String plain, int maxEscaped) {
    List<String> out = new ArrayList<>();
    StringBuilder piece = new StringBuilder();
    int pieceWidth = 0;
    for (String line : plain.split("\n", -1)) {
      int width = width(line) + 1;
      if (pieceWidth + width > maxEscaped && pieceWidth > 0) {
        out.add(piece.toString());
        piece.setLength(0);
        pieceWidth = 0;
      }
      if (width > maxEscaped) {
        for (String part : cut(line, maxEscaped - 1)) {
          out.add(part);
        }
        continue;
      }
      piece.append(line).append('\n');
      pieceWidth += width;
    }
    if (pieceWidth > 0) {
      out.add(piece.toString());
    }
    out.replaceAll(s -> s.endsWith("\n") ? s.substring(0, s.length() - 1) : s);
    out.removeIf(String::isEmpty);
    return out;
  }

  private static List<String> cut(String line, int maxEscaped) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    int width = 0;
    int i = 0;
    while (i < line.length()) {
      int cp = line.codePointAt(i);
      int w = width(cp);
      if (width + w > maxEscaped) {
        parts.add(line.substring(start, i));
        start = i;
        width = 0;
      }
      width += w;
      i += Character.charCount(cp);
    }
    if (start < line.length()) {
      parts.add(line.substring(start));
    }
    return parts;
  }

  private static int width(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); i++) {
      w += width(s.charAt(i));
    }
    return w;
  }

  private static int width(int c) {
    switch (c) {
      case '&':
        return 5;
      case '<':
      case '>':
        return 4;
      default:
        return Character.charCount(c);
    }
  }
}
