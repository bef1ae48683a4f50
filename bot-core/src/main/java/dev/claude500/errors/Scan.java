package dev.claude500.errors;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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
  private final TreeMap<Integer, Integer> claims = new TreeMap<>();
  private int jsonAttemptsLeft = MAX_JSON_ATTEMPTS;

  Scan(String text) {
    this.text = text;
    this.chars = text.toCharArray();
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
    return text.lastIndexOf('\n', pos - 1) + 1;
  }

  /** Returns the offset of the newline ending the line holding {@code pos}, or the text's end. */
  int lineEnd(int pos) {
    int nl = text.indexOf('\n', pos);
    return nl < 0 ? text.length() : nl;
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
