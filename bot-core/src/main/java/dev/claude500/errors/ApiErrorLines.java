package dev.claude500.errors;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntUnaryOperator;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Claude Code's own error lines: {@code API Error: 500 {json}}, {@code API Error (529
 * {json}) · Retrying…}, {@code API Error: 529 Overloaded. This is a server-side issue…}, {@code
 * API Error: Rate limit reached}, {@code API Error: Request rejected (429) · Rate limited}, {@code
 * API Error: Operation aborted}, with their suffixes. A status the header lacks is taken from the
 * message ({@code (429)}, {@code HTTP 429}) or a gateway's body ({@code "code": 500}).
 */
final class ApiErrorLines {
  private static final int MAX_HEADERS = 1_000;

  /**
   * "API Error", then ":" or "(" or a blank before a status; then the status, if any. Markdown's
   * {@code _} or {@code *} may sit right before it ({@code **_API Error: 500 ..._**}).
   */
  private static final Pattern HEADER =
      Pattern.compile(
          "(?i)(?<![A-Za-z0-9])API Error(?:[ \\t]*+(:)[ \\t]*+|[ \\t]*+(\\()[ \\t]*+|[ \\t]++(?=[1-5][0-9]{2}(?![0-9A-Za-z])))"
              + "(?:([1-5][0-9]{2})(?![0-9A-Za-z])[ \\t]*+)?");
  /** A suffix Claude Code appends after a middle dot; known ones first, then anything short. */
  private static final Pattern SUFFIX =
      Pattern.compile(
          "[ \\t]*+·[ \\t]*+(?:Retrying in [0-9]{1,4}+(?:\\.[0-9]{1,3}+)?[ \\t]*+(?:seconds?|secs?|s)"
              + "(?:…|\\.\\.\\.)?(?:[ \\t]*+\\(attempt [0-9]{1,4}+/[0-9]{1,4}+\\))?"
              + "|Please run /login|[^·\\n]{1,200}+)");
  /** The end of Claude Code's "server-side issue" advice: the page, a gateway or a provider. */
  private static final Pattern CHECK_STATUS =
      Pattern.compile(
          "(?i)check[ \\t]++(?:(?:https?://)?status\\.(?:claude|anthropic)\\.com/?"
              + "|your[ \\t]++inference[ \\t]++gateway(?:[ \\t]*+\\([^()\\n]{1,200}+\\))?"
              + "|your[ \\t]++(?:[A-Za-z]{1,20}+[ \\t]++){1,4}?service[ \\t]++status)\\.?");
  /**
   * A status inside a message: {@code Request rejected (429)}, {@code returned HTTP 429}; one with
   * its reason phrase ({@code Repeated 529 Overloaded errors}, {@code 504: Gateway time-out}) is
   * read by {@link Mentions#STATUS_PHRASE}.
   */
  private static final Pattern STATUS_IN_MESSAGE =
      Pattern.compile(
          "(?i)\\(([45][0-9]{2})\\)|\\bHTTP[ /]?+([45][0-9]{2})(?![0-9])"
              + "|status[ \\t]++code[ \\t]++([45][0-9]{2})(?![0-9])");
  /** Claude Code's suffix for a 429 it does not number. */
  private static final Pattern RATE_LIMITED = Pattern.compile("(?i)·[ \\t]*+rate[ \\t]++limited");
  /** Messages Claude Code prints without a status; what follows them on the line is not theirs. */
  private static final Pattern SHORT_MESSAGE =
      Pattern.compile(
          "(?i)(?:Rate limit reached|Operation aborted|Request was aborted|Request timed out"
              + "|Connection error)\\.?");
  private static final Pattern RATE_LIMIT = Pattern.compile("(?i)rate[ _-]?limit");
  static final Pattern TYPE_TOKEN =
      Pattern.compile(
          "(?<![A-Za-z0-9_])(?:api_error|overloaded_error|rate_limit_error|authentication_error"
              + "|permission_error|invalid_request_error|not_found_error|billing_error|timeout_error"
              + "|conflict_error|request_too_large)(?![A-Za-z0-9_])");

  private ApiErrorLines() {}

  /** Adds every Claude Code error line in the scan to {@code hits} and claims its stretch. */
  static void find(Scan scan, List<Hit> hits) {
    List<MatchResult> headers = new ArrayList<>();
    Matcher m = HEADER.matcher(scan.text);
    while (headers.size() < MAX_HEADERS && m.find()) {
      headers.add(m.toMatchResult());
    }
    for (int i = 0; i < headers.size() && hits.size() < ErrorTextParser.MAX_ERRORS; i++) {
      MatchResult header = headers.get(i);
      if (scan.claimed(header.start(), header.end())) {
        continue; // "API Error" quoted inside an earlier error's body
      }
      Hit hit = read(scan, header, pos -> nextStart(headers, pos, scan.text.length()));
      scan.claim(hit.start(), hit.end());
      hits.add(hit);
    }
  }

  /** Returns where the first header starting at or after {@code pos} starts, or {@code end}. */
  private static int nextStart(List<MatchResult> headers, int pos, int end) {
    for (MatchResult h : headers) {
      if (h.start() >= pos) {
        return h.start();
      }
    }
    return end;
  }

  private static Hit read(Scan scan, MatchResult header, IntUnaryOperator nextHeader) {
    Optional<Integer> status =
        Optional.ofNullable(header.group(3)).map(Integer::valueOf);
    boolean paren = header.group(2) != null;
    int bodyStart = jsonStart(scan.text, header.end(), nextHeader.applyAsInt(header.end()));
    return bodyStart >= 0
        ? readJsonForm(scan, header.start(), bodyStart, nextHeader, status, paren)
        : readTextForm(
            scan, header.start(), header.end(), nextHeader.applyAsInt(header.end()), status, paren);
  }

  /** Returns where a JSON body starts: here, or on the next line when this one ends blank. */
  private static int jsonStart(String text, int from, int limit) {
    int i = from;
    boolean crossedLine = false;
    while (i < limit) {
      char c = text.charAt(i);
      if (c == '{') {
        return i;
      }
      if (c == '\n' && !crossedLine) {
        crossedLine = true;
      } else if (c != ' ' && c != '\t') {
        return -1;
      }
      i++;
    }
    return -1;
  }

  private static Hit readJsonForm(
      Scan scan,
      int start,
      int bodyStart,
      IntUnaryOperator nextHeader,
      Optional<Integer> status,
      boolean paren) {
    String text = scan.text;
    ErrorBody body =
        scan.parseBody(bodyStart, text.length())
            .orElseGet(() -> salvage(scan, bodyStart, nextHeader.applyAsInt(bodyStart)));
    int end = body.end();
    if (paren) {
      end = closingParen(text, end, text.length());
    }
    int suffixLimit = Math.min(scan.lineEnd(end), nextHeader.applyAsInt(end));
    int last = beforeClosingEmphasis(text, start, suffixesEnd(text, end, suffixLimit));
    Optional<String> requestId =
        body.requestId().or(() -> RequestIds.firstIn(text, start, last));
    return Hit.of(
        start,
        last,
        status.or(body::status),
        body.type(),
        body.message().flatMap(OneLine::nonEmpty),
        requestId,
        OneLine.of(text.substring(start, last)),
        Hit.Source.LINE);
  }

  /** Salvages a cut or mangled body from its line, or its block when pretty-printed. */
  private static ErrorBody salvage(Scan scan, int bodyStart, int nextHeader) {
    int end = scan.salvageEnd(bodyStart, nextHeader);
    return ErrorBodies.salvage(scan.text.substring(bodyStart, end), end);
  }

  private static Hit readTextForm(
      Scan scan, int start, int from, int nextHeader, Optional<Integer> status, boolean paren) {
    String text = scan.text;
    int restEnd = Math.min(scan.lineEnd(from), nextHeader);
    int bodyEnd = from;
    while (bodyEnd < restEnd && text.charAt(bodyEnd) != '·') {
      bodyEnd++;
    }
    bodyEnd = Math.max(from, beforeClosingEmphasis(text, start, bodyEnd));
    Matcher check = CHECK_STATUS.matcher(text).region(from, bodyEnd);
    Matcher known = SHORT_MESSAGE.matcher(text).region(from, bodyEnd);
    if (check.find()) {
      bodyEnd = check.end();
    } else if (known.lookingAt()) {
      bodyEnd = known.end();
    }
    String body = text.substring(from, bodyEnd).strip();
    if (paren && body.endsWith(")")) {
      body = body.substring(0, body.length() - 1).strip();
    }
    if (status.isEmpty() && RATE_LIMIT.matcher(body).lookingAt()) {
      status = Optional.of(429); // Claude Code's words for a 429 it does not number
    }
    if (status.isEmpty()) {
      status = statusIn(body);
    }
    Matcher type = TYPE_TOKEN.matcher(body);
    int end = paren ? closingParen(text, bodyEnd, restEnd) : bodyEnd;
    int suffixesFrom = end;
    end = beforeClosingEmphasis(text, start, suffixesEnd(text, end, restEnd));
    Hit hit =
        Hit.of(
            start,
            end,
            status,
            type.find() ? Optional.of(type.group()) : Optional.empty(),
            OneLine.nonEmpty(body),
            RequestIds.firstIn(text, start, end),
            OneLine.of(text.substring(start, end)),
            Hit.Source.LINE);
    boolean rateLimited =
        RATE_LIMITED.matcher(text).region(suffixesFrom, end).find() || wrappedRateLimited(scan, end);
    return rateLimited && hit.error().kind() == ErrorKind.OTHER
        ? hit.withKind(ErrorKind.RATE_LIMIT, Optional.empty())
        : hit;
  }

  /** Returns whether the terminal wrapped {@code · Rate limited} onto the next, indented line. */
  private static boolean wrappedRateLimited(Scan scan, int end) {
    String text = scan.text;
    if (end >= text.length() || text.charAt(end) != '\n' || end + 1 >= text.length()) {
      return false;
    }
    char indent = text.charAt(end + 1);
    return (indent == ' ' || indent == '\t')
        && RATE_LIMITED.matcher(text).region(end + 1, scan.lineEnd(end + 1)).find();
  }

  private static Optional<Integer> statusIn(String message) {
    Matcher m = STATUS_IN_MESSAGE.matcher(message);
    if (!m.find()) {
      Matcher phrase = Mentions.STATUS_PHRASE.matcher(message);
      return phrase.find() ? Optional.of(Integer.valueOf(phrase.group(1))) : Optional.empty();
    }
    String digits = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
    return Optional.of(Integer.valueOf(digits));
  }

  /** Returns the end of the suffixes (" · Retrying in …") starting at {@code from}. */
  private static int suffixesEnd(String text, int from, int limit) {
    int end = from;
    if (end >= limit) {
      return end;
    }
    Matcher suffix = SUFFIX.matcher(text).region(end, limit);
    for (int n = 0; n < 8 && suffix.lookingAt(); n++) {
      end = suffix.end();
      suffix.region(end, limit);
    }
    return end;
  }

  /**
   * Returns {@code end} moved back before the markdown emphasis ({@code _**}) that closes the one
   * opening just before the header at {@code start}; {@code end} when none opens there.
   */
  private static int beforeClosingEmphasis(String text, int start, int end) {
    if (start == 0 || !isEmphasis(text.charAt(start - 1))) {
      return end;
    }
    int i = end;
    while (i > start && isEmphasis(text.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  private static boolean isEmphasis(char c) {
    return c == '*' || c == '_';
  }

  /** Returns the offset past the ")" closing "API Error (", if it comes next, else {@code at}. */
  private static int closingParen(String text, int at, int limit) {
    int i = at;
    while (i < limit && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i < limit && text.charAt(i) == ')' ? i + 1 : at;
  }
}
