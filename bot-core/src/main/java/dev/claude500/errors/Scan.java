package dev.claude500.errors;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;

/**
 * One parse in progress: the normalised text, the stretches already read as part of an error
 * (so a weaker reading of the same characters is not reported twice), and the work budget.
 * Not thread-safe; one per call.
 */
final class Scan {
  /** Each Jackson attempt may read up to {@link ErrorBodies#MAX_BODY_CHARS}; bound their number. */
  private static final int MAX_JSON_ATTEMPTS = 128;

  final String text;
  private final char[] chars;
  private final int[] lineBreaks;
  private final int[] errorMarks;
  private final TreeMap<Integer, Integer> claims = new TreeMap<>();
  private int jsonAttemptsLeft = MAX_JSON_ATTEMPTS;

  Scan(String text) {
    this.text = text;
    this.chars = text.toCharArray();
    this.lineBreaks = positions(text, '\n');
    this.errorMarks = errorMarks(text);
  }

  private static int[] positions(String text, char c) {
    int[] found = new int[16];
    int n = 0;
    for (int i = text.indexOf(c); i >= 0; i = text.indexOf(c, i + 1)) {
      if (n == found.length) {
        found = Arrays.copyOf(found, n * 2);
      }
      found[n++] = i;
    }
    return Arrays.copyOf(found, n);
  }

  private static int[] errorMarks(String text) {
    int[] found = new int[16];
    int n = 0;
    Matcher m = ErrorBodies.ERROR_MARK.matcher(text);
    while (m.find()) {
      if (n == found.length) {
        found = Arrays.copyOf(found, n * 2);
      }
      found[n++] = m.start();
    }
    return Arrays.copyOf(found, n);
  }

  /**
   * Returns whether a mark of an error body ({@code "type":"error"} or {@code "error": {...}})
   * starts in {@code [from, to)}.
   */
  boolean hasErrorMark(int from, int to) {
    int i = Arrays.binarySearch(errorMarks, from);
    int next = i >= 0 ? i : -i - 1;
    return next < errorMarks.length && errorMarks[next] < to;
  }

  /**
   * Returns how far a body starting at {@code bodyStart} (a brace) is looked at when Jackson
   * cannot read it: to the end of its line, or, when the brace ends its line (pretty-printed),
   * to the next blank line; never past {@code limit} nor {@link ErrorBodies#MAX_SALVAGE_CHARS}.
   */
  int salvageEnd(int bodyStart, int limit) {
    int cap = Math.min(limit, Math.min(text.length(), bodyStart + ErrorBodies.MAX_SALVAGE_CHARS));
    int i = bodyStart + 1;
    while (i < cap && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    if (i >= cap || text.charAt(i) != '\n') {
      return Math.min(lineEnd(bodyStart), cap);
    }
    for (int nl = i; nl >= 0 && nl < cap; nl = lineEnd(nl + 1)) {
      int next = nl + 1;
      while (next < cap && (text.charAt(next) == ' ' || text.charAt(next) == '\t')) {
        next++;
      }
      if (next < cap && text.charAt(next) == '\n') {
        return nl;
      }
    }
    return cap;
  }

  /** Returns the JSON body at {@code start}, read with Jackson while the budget lasts. */
  Optional<ErrorBody> parseBody(int start, int limit) {
    if (jsonAttemptsLeft <= 0) {
      return Optional.empty();
    }
    jsonAttemptsLeft--;
    return ErrorBodies.parse(chars, start, limit);
  }

  /** Returns whether {@code [start, end)} overlaps a stretch already read. */
  boolean claimed(int start, int end) {
    Map.Entry<Integer, Integer> before = claims.floorEntry(start);
    if (before != null && before.getValue() > start) {
      return true;
    }
    Integer after = claims.ceilingKey(start);
    return after != null && after < Math.max(end, start + 1);
  }

  /** Marks {@code [start, end)} as read. */
  void claim(int start, int end) {
    claims.merge(start, Math.max(end, start + 1), Math::max);
  }

  /** Returns the offset where the line holding {@code pos} starts. */
  int lineStart(int pos) {
    int i = Arrays.binarySearch(lineBreaks, pos);
    int before = (i >= 0 ? i : -i - 1) - 1; // the last break strictly before pos
    return before < 0 ? 0 : lineBreaks[before] + 1;
  }

  /** Returns the offset of the newline ending the line holding {@code pos}, or the text's end. */
  int lineEnd(int pos) {
    int i = Arrays.binarySearch(lineBreaks, pos);
    int at = i >= 0 ? i : -i - 1; // the first break at or after pos
    return at < lineBreaks.length ? lineBreaks[at] : text.length();
  }

  /** Returns whether {@code [from, to)} holds at most {@code max} line breaks. */
  boolean withinLines(int from, int to, int max) {
    int count = 0;
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == '\n' && ++count > max) {
        return false;
      }
    }
    return true;
  }

  /** Returns the whole line holding {@code pos}, on one line and bounded. */
  String lineAround(int pos) {
    return OneLine.of(text.substring(lineStart(pos), lineEnd(pos)));
  }
}
