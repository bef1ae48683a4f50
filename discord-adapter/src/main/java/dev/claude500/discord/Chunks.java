package dev.claude500.discord;

import java.util.ArrayList;
import java.util.List;

/** Splits long text into parts that each fit a limit, at line breaks where it can. */
final class Chunks {
  private Chunks() {}

  /** Returns {@code text} in parts of at most {@code max} characters, in order; never empty. */
  static List<String> split(String text, int max) {
    if (max < 2) {
      throw new IllegalArgumentException("max must be at least 2");
    }
    List<String> parts = new ArrayList<>();
    String rest = text;
    while (rest.length() > max) {
      int cut = rest.lastIndexOf('\n', max);
      if (cut < max / 2) {
        cut = max;
        if (Character.isHighSurrogate(rest.charAt(cut - 1))) {
          cut--;
        }
      }
      parts.add(rest.substring(0, cut));
      rest = rest.substring(cut).startsWith("\n") ? rest.substring(cut + 1) : rest.substring(cut);
    }
    parts.add(rest);
    return parts;
  }
}
