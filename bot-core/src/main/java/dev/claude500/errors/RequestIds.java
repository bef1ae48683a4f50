package dev.claude500.errors;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code req_...} request ids in pasted text: bare, after a label ({@code Request ID:},
 * {@code request_id=}, {@code **Request IDs:**}) on the same line or the next, or first in a list
 * below such a label. An id a terminal wrapped onto the next line is joined again, and
 * placeholders ({@code req_...}, {@code req_xxx}, {@code req_123}, masked or short ids) are never
 * taken: real ids have 24 letters and digits after {@code req_} (a proxy's may have more), and
 * Vertex AI's put {@code vrtx_} before theirs ({@code req_vrtx_011CVVmAGpANwSni83J9vMri}). After a
 * label, a gateway's shorter id of lowercase hex digits ({@code req_5885a728428d}) is taken too.
 */
final class RequestIds {
  /** Fewest characters after {@code req_}: real ones have 24, a cut or made-up one fewer. */
  static final int MIN_ID_CHARS = 20;

  /** Most characters after {@code req_}. */
  static final int MAX_ID_CHARS = 64;

  /**
   * Fewest hex digits in a labelled gateway id: free-claude-code prints twelve ({@code
   * req_5885a728428d}) or a whole UUID's 32; a made-up one ({@code req_123}) is shorter.
   */
  static final int MIN_HEX_ID_CHARS = 12;

  /** What Vertex AI puts between {@code req_} and the id. */
  private static final String VERTEX = "vrtx_";

  /** A run this long of one character is a mask ({@code XXXXXX}), not a random id. */
  private static final int MASK_RUN = 6;

  private static final int MAX_CANDIDATES = 1_000;

  /** How far past a line's end the rest of a wrapped id may start (the terminal's indent). */
  private static final int MAX_WRAP_INDENT = 40;

  private static final Pattern ID =
      Pattern.compile("(?<![A-Za-z0-9_])req_(?:vrtx_)?+[A-Za-z0-9]{0,64}+(?![A-Za-z0-9_])");
  private static final Pattern CONTINUATION =
      Pattern.compile("[ \\t]*+\\n[ \\t]{0,40}+([A-Za-z0-9]{1,64}+)(?![A-Za-z0-9_])");
  /** Blanks inside a JSON value: a terminal's wrap, or a stray space from a copy. */
  private static final Pattern BLANKS = Pattern.compile("[ \\t\\n]++");
  private static final Pattern LABEL =
      Pattern.compile(
          "(?i)(?<![A-Za-z0-9_])(?:x-)?request[-_ ]?ids?(?![A-Za-z0-9_])"
              + "[*_\"']{0,3}+[ \\t]*+[:=]?[*_\"']{0,3}+[ \\t]*+");
  /** What may start a line of a list: blanks, a bullet or a number. */
  private static final Pattern BULLET =
      Pattern.compile("[ \\t]*+(?:[-*•·+]|[0-9]{1,2}[.)])?[ \\t]*+");

  /**
   * One id found.
   *
   * @param start where its label starts, or the id when it has none
   * @param valueStart where the id starts
   * @param end just past the id (past its second part when it was wrapped)
   * @param id the id, joined again when wrapped
   */
  record Found(int start, int valueStart, int end, String id) {}

  private RequestIds() {}

  /**
   * Returns whether {@code id} is a real request id, not a placeholder or a cut one; {@code
   * labelled} when a label or a JSON key names it, which lets a gateway's short hex id through.
   */
  static boolean isWellFormed(String id, boolean labelled) {
    if (!id.startsWith("req_")) {
      return false;
    }
    int from = id.startsWith(VERTEX, 4) ? 4 + VERTEX.length() : 4;
    int n = id.length() - from;
    boolean hex = labelled && n >= MIN_HEX_ID_CHARS && isLowerHex(id, from);
    if (n < (hex ? MIN_HEX_ID_CHARS : MIN_ID_CHARS) || n > MAX_ID_CHARS) {
      return false;
    }
    int run = 0;
    for (int i = from; i < id.length(); i++) {
      char c = id.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
        return false;
      }
      run = i > from && c == id.charAt(i - 1) ? run + 1 : 1;
      if (run >= MASK_RUN) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLowerHex(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns a request id read from a JSON value, joined again if a wrap or a stray space put a
   * break in it: a value is one id, so blanks inside it are not the id's.
   */
  static Optional<String> fromValue(String value) {
    if (value.length() > 4 * MAX_ID_CHARS) {
      return Optional.empty();
    }
    String joined = BLANKS.matcher(value.strip()).replaceAll("");
    return isWellFormed(joined, true) ? Optional.of(joined) : Optional.empty();
  }

  /** Returns the first well-formed id starting in {@code [from, to)} (its wrap may go past). */
  static Optional<String> firstIn(String text, int from, int to) {
    Matcher m = ID.matcher(text).region(from, to).useTransparentBounds(true);
    for (int n = 0; n < MAX_CANDIDATES && m.find(); n++) {
      Optional<Found> id = read(text, m.start(), m.end(), m.start(), false);
      if (id.isPresent()) {
        return id.map(Found::id);
      }
    }
    return Optional.empty();
  }

  /** Returns every well-formed id in the text, labelled or not, in order. */
  static List<Found> bare(String text) {
    List<Found> found = new ArrayList<>();
    Matcher m = ID.matcher(text);
    for (int n = 0; n < MAX_CANDIDATES && m.find(); n++) {
      read(text, m.start(), m.end(), m.start(), false).ifPresent(found::add);
    }
    return found;
  }

  /**
   * Returns each labelled id in order: after the label on its line, else first on the next line
   * that is not blank (a list's first item), bullets and numbering skipped.
   */
  static List<Found> labelled(Scan scan) {
    String text = scan.text;
    List<Found> found = new ArrayList<>();
    Matcher label = LABEL.matcher(text);
    for (int n = 0; n < MAX_CANDIDATES && label.find(); n++) {
      int at = label.end();
      if (at < text.length() && text.charAt(at) == '\n') {
        at = firstItem(scan, at + 1);
      }
      if (at < 0) {
        continue;
      }
      Matcher id = ID.matcher(text).region(at, text.length()).useTransparentBounds(true);
      if (id.lookingAt()) {
        read(text, id.start(), id.end(), label.start(), true).ifPresent(found::add);
      }
    }
    return found;
  }

  /**
   * Returns the paste's request id for {@code error}, which has none of its own: the first
   * labelled id, else the first bare one, that no other error holds. An error that says nothing
   * but its id, or one of the same kind and status (the same error shown twice: named in prose
   * and then logged, a gateway's line and its upstream's body), does not keep its id from it.
   */
  static Optional<String> forPaste(Scan scan, List<Hit> hits, ParsedError error) {
    Set<String> held = new HashSet<>();
    for (Hit hit : hits) {
      ParsedError other = hit.error();
      boolean same = other.kind() == error.kind() && other.httpStatus().equals(error.httpStatus());
      if (!Ranking.isWeak(other) && !same) {
        other.requestId().ifPresent(held::add);
      }
    }
    for (List<Found> found : List.of(labelled(scan), bare(scan.text))) {
      for (Found id : found) {
        if (!held.contains(id.id())) {
          return Optional.of(id.id());
        }
      }
    }
    return Optional.empty();
  }

  /** Returns where the id of a list's first item starts at or after {@code lineStart}, or -1. */
  private static int firstItem(Scan scan, int lineStart) {
    String text = scan.text;
    int line = lineStart;
    if (line < text.length() && isBlank(text, line, scan.lineEnd(line))) {
      line = scan.lineEnd(line) + 1; // one blank line may sit between a heading and its list
    }
    if (line >= text.length()) {
      return -1;
    }
    Matcher bullet = BULLET.matcher(text).region(line, scan.lineEnd(line));
    return bullet.lookingAt() ? bullet.end() : -1;
  }

  private static boolean isBlank(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (text.charAt(i) != ' ' && text.charAt(i) != '\t') {
        return false;
      }
    }
    return true;
  }

  /**
   * Reads the id matched at {@code [start, end)}: joined with the next line's first word when a
   * wrap cut it (it ends its line, and either it is too short alone or it sits in quotes that
   * close after the second part), else as it is when well formed.
   */
  private static Optional<Found> read(
      String text, int start, int end, int labelStart, boolean labelled) {
    String first = text.substring(start, end);
    Matcher rest =
        CONTINUATION
            .matcher(text)
            .region(end, Math.min(text.length(), end + 2 * MAX_ID_CHARS + MAX_WRAP_INDENT));
    if (rest.lookingAt()) {
      String joined = first + rest.group(1);
      boolean firstWhole = isWellFormed(first, labelled);
      if (isWellFormed(joined, labelled) && (!firstWhole || quotedAround(text, start, rest.end()))) {
        return Optional.of(new Found(labelStart, start, rest.end(), joined));
      }
    }
    return isWellFormed(first, labelled)
        ? Optional.of(new Found(labelStart, start, end, first))
        : Optional.empty();
  }

  private static boolean quotedAround(String text, int start, int end) {
    if (start == 0 || end >= text.length()) {
      return false;
    }
    char open = text.charAt(start - 1);
    return (open == '"' || open == '\'') && text.charAt(end) == open;
  }
}
