package dev.claude500.errors;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads errors pasted without Claude Code's "API Error" header: bare JSON error bodies, and plain
 * mentions such as {@code 500 Internal Server Error}, {@code 529 overloaded_error}, {@code
 * HTTP/1.1 503}, {@code getting 500 errors} or {@code 500 and 529 error codes} (one error per
 * status). Each method adds what it finds outside the stretches already claimed.
 */
final class Mentions {
  /** Candidates looked at per kind of mention; the rest of a flood is not worth the work. */
  private static final int MAX_CANDIDATES = 1_000;

  private static final Pattern BODY_START =
      Pattern.compile("\\{[ \\t\\n]*+[\"']?(?:type|error)[\"']?[ \\t]*+:");
  /** A status followed by its reason phrase or an error type. */
  static final Pattern STATUS_PHRASE =
      Pattern.compile(
          "(?i)(?<![\\w./:-])([45][0-9]{2})(?![0-9])[ \\t]*+[:-]?[ \\t]*+"
              + "(internal server errors?|service unavailable|bad gateway|gateway time-?out"
              + "|too many requests|unauthorized|forbidden|not found|bad request|payment required"
              + "|conflict|payload too large|request entity too large|overloaded"
              + "|([a-z][a-z_]{0,40}_error|request_too_large))(?![\\w])");
  /**
   * One to five statuses, then a word that makes them errors: {@code a 500 error}, {@code getting
   * 500 errors}, {@code 500 and 529 error codes}, {@code 500, 502 or 503 responses}.
   */
  private static final Pattern STATUS_LIST =
      Pattern.compile(
          "(?i)(?<![\\w./:$-])[45][0-9]{2}s?(?![0-9])"
              + "(?:[ \\t]*+(?:,[ \\t]*+(?:and|or)|,|/|&|and|or)[ \\t]*+[45][0-9]{2}s?(?![0-9])){0,4}+"
              + "[ \\t]++(?:http[ \\t]++)?(?:(?:status|error|response)[ \\t]++)?"
              + "(?:errors?|codes?|responses?)(?![\\w])");
  private static final Pattern STATUS = Pattern.compile("[45][0-9]{2}");
  /** A status after a word that makes it one: {@code HTTP/1.1 500}, {@code status: 529}. */
  private static final Pattern STATUS_WORD =
      Pattern.compile(
          "(?i)\\b(?:HTTP(?:/[0-9](?:\\.[0-9])?)?|status(?:[ _-]?code)?|error(?:[ _-]?code)?)"
              + "[\"']?[ \\t]*+[:=]?[ \\t]*+([45][0-9]{2})(?![0-9])");

  /**
   * The status of a kind that has one, named anywhere as a number of its own: {@code issue 529},
   * {@code HTTP Status: 500}, not {@code 1,500}, {@code 500ms}, {@code :500} or {@code #529}.
   */
  private static final Pattern KIND_STATUS =
      Pattern.compile("(?<![\\w.,/:#$€£+-])(?:500|529|429|401)(?![\\w%]|[.,:][0-9])");

  private Mentions() {}

  /** Adds bare JSON error bodies ({@code {"type":"error","error":{...}}}). */
  static void findBodies(Scan scan, List<Hit> hits) {
    Matcher m = BODY_START.matcher(scan.text);
    for (int n = 0; n < MAX_CANDIDATES && hits.size() < ErrorTextParser.MAX_ERRORS && m.find(); n++) {
      int start = m.start();
      int salvageEnd = scan.salvageEnd(start, scan.text.length());
      if (scan.claimed(start, start + 1) || !scan.hasErrorMark(start, salvageEnd)) {
        continue; // no body without a mark of an error near its start is an error body
      }
      ErrorBody body =
          scan.parseBody(start, scan.text.length())
              .orElseGet(
                  () -> ErrorBodies.salvage(scan.text.substring(start, salvageEnd), salvageEnd));
      if (!body.looksLikeError() || scan.claimed(start, body.end())) {
        continue;
      }
      int statusStart = body.status().isPresent() ? -1 : statusBefore(scan, start);
      int from = statusStart >= 0 ? statusStart : start;
      Optional<Integer> status =
          statusStart >= 0
              ? Optional.of(Integer.valueOf(scan.text.substring(statusStart, statusStart + 3)))
              : body.status();
      scan.claim(from, body.end());
      hits.add(
          Hit.of(
              from,
              body.end(),
              status,
              body.type(),
              body.message().flatMap(OneLine::nonEmpty),
              body.requestId(),
              OneLine.of(scan.text.substring(from, body.end())),
              Hit.Source.BODY));
    }
  }

  /**
   * Returns where a status printed just before a body on its line starts ({@code 529 {...}},
   * {@code 400: {...}}, the SDK's {@code Error: 500 {...}}), or -1. Read backwards by hand: a
   * pattern searched along the line would cost the line's length for every body on it.
   */
  private static int statusBefore(Scan scan, int bodyStart) {
    String text = scan.text;
    int lineStart = scan.lineStart(bodyStart);
    int i = skipBlanksBack(text, bodyStart, lineStart);
    if (i > lineStart && text.charAt(i - 1) == ':') {
      i = skipBlanksBack(text, i - 1, lineStart);
    }
    int start = i - 3;
    if (start < lineStart || i == bodyStart) {
      return -1;
    }
    boolean digits =
        (text.charAt(start) == '4' || text.charAt(start) == '5')
            && Character.isDigit(text.charAt(start + 1))
            && Character.isDigit(text.charAt(start + 2));
    boolean standsAlone = start == lineStart || !isStatusNeighbour(text.charAt(start - 1));
    return digits && standsAlone ? start : -1;
  }

  private static int skipBlanksBack(String text, int from, int floor) {
    int i = from;
    while (i > floor && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
      i--;
    }
    return i;
  }

  /** Returns whether {@code c} before three digits makes them part of something else. */
  private static boolean isStatusNeighbour(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '/' || c == ':' || c == '-';
  }

  /** Adds plain status mentions: a reason phrase or type first, then a bare status. */
  static void findStatuses(Scan scan, List<Hit> hits) {
    Matcher phrase = STATUS_PHRASE.matcher(scan.text);
    for (int n = 0; n < MAX_CANDIDATES && hits.size() < ErrorTextParser.MAX_ERRORS && phrase.find(); n++) {
      if (scan.claimed(phrase.start(), phrase.end())) {
        continue;
      }
      Optional<String> type = Optional.ofNullable(phrase.group(3));
      Optional<String> reason = type.isPresent() ? Optional.empty() : Optional.of(phrase.group(2));
      add(scan, hits, phrase, Integer.valueOf(phrase.group(1)), type, reason);
    }
    findStatusLists(scan, hits);
    Matcher word = STATUS_WORD.matcher(scan.text);
    for (int n = 0; n < MAX_CANDIDATES && hits.size() < ErrorTextParser.MAX_ERRORS && word.find(); n++) {
      if (!scan.claimed(word.start(), word.end())) {
        add(scan, hits, word, Integer.valueOf(word.group(1)), Optional.empty(), Optional.empty());
      }
    }
  }

  /**
   * Returns {@code hits} with the status of their kind given to those read without one (an
   * {@code api_error} body, an {@code overloaded_error} type, a sign-in page's {@code Internal
   * server error}) when the paste names that status elsewhere: {@code HTTP Status: 500} under a
   * pretty-printed body, {@code experiencing issue 529} above one.
   */
  static List<Hit> withStatusesNamed(Scan scan, List<Hit> hits) {
    Set<Integer> named = null;
    List<Hit> out = new ArrayList<>(hits.size());
    for (Hit hit : hits) {
      int status = statusOf(hit.error().kind());
      if (hit.error().httpStatus().isPresent() || status < 0) {
        out.add(hit);
        continue;
      }
      if (named == null) {
        named = kindStatusesIn(scan.text);
      }
      out.add(named.contains(status) ? hit.withStatus(status) : hit);
    }
    return out;
  }

  /** Returns the one status a kind stands for, or -1 when it stands for several or none. */
  private static int statusOf(ErrorKind kind) {
    switch (kind) {
      case INTERNAL:
        return 500;
      case OVERLOADED:
        return 529;
      case RATE_LIMIT:
        return 429;
      case AUTHENTICATION:
        return 401;
      default:
        return -1;
    }
  }

  private static Set<Integer> kindStatusesIn(String text) {
    Set<Integer> found = new HashSet<>();
    Matcher m = KIND_STATUS.matcher(text);
    while (found.size() < 4 && m.find()) {
      found.add(Integer.valueOf(m.group()));
    }
    return found;
  }

  /** Adds one error per status of a list such as {@code 500 and 529 error codes}. */
  private static void findStatusLists(Scan scan, List<Hit> hits) {
    Matcher list = STATUS_LIST.matcher(scan.text);
    for (int n = 0; n < MAX_CANDIDATES && hits.size() < ErrorTextParser.MAX_ERRORS && list.find(); n++) {
      if (scan.claimed(list.start(), list.end())) {
        continue;
      }
      Matcher status = STATUS.matcher(scan.text).region(list.start(), list.end());
      while (status.find() && hits.size() < ErrorTextParser.MAX_ERRORS) {
        hits.add(mention(scan, status.start(), status.end(), Integer.parseInt(status.group()),
            Optional.empty(), Optional.empty()));
      }
      scan.claim(list.start(), list.end());
    }
  }

  private static void add(
      Scan scan,
      List<Hit> hits,
      Matcher m,
      int status,
      Optional<String> type,
      Optional<String> message) {
    scan.claim(m.start(), m.end());
    hits.add(mention(scan, m.start(), m.end(), status, type, message));
  }

  private static Hit mention(
      Scan scan, int start, int end, int status, Optional<String> type, Optional<String> message) {
    return Hit.of(
        start,
        end,
        Optional.of(status),
        type,
        message,
        Optional.empty(),
        scan.lineAround(start),
        Hit.Source.MENTION);
  }
}
