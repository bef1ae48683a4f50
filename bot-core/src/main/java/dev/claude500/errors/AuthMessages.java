package dev.claude500.errors;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what goes wrong with signing in, none of it an {@code API Error} line: Claude Code's
 * {@code Invalid API key · Please run /login}, {@code OAuth token has expired}, a {@code Please
 * run /login} under an error, and what the sign-in page shows: {@code Authorization failed} /
 * {@code Internal server error}, {@code OAuth error: Request failed with status code 500}, a
 * browser console's {@code Failed to load resource: the server responded with a status of 500
 * ()}. A sign-in error with a status takes that status's kind (a 500 is {@link
 * ErrorKind#INTERNAL}), one that shows {@code Internal server error} is {@link
 * ErrorKind#INTERNAL}, and one without either is {@link ErrorKind#AUTHENTICATION}.
 */
final class AuthMessages {
  private static final int MAX_CANDIDATES = 1_000;

  /** How much of the sign-in page's text after its heading is looked at. */
  private static final int PAGE_REACH = 300;

  private static final Pattern AUTH =
      Pattern.compile(
          "(?i)(?<![A-Za-z])(?:invalid[ \\t]++api[ \\t]++key|missing[ \\t]++api[ \\t]++key"
              + "|invalid[ \\t]++bearer[ \\t]++token"
              + "|oauth[ \\t]++token[ \\t]++(?:has[ \\t]++)?+(?:been[ \\t]++)?+(?:expired|revoked))"
              + "(?![A-Za-z])");
  private static final Pattern RUN_LOGIN =
      Pattern.compile("(?i)please[ \\t]++run[ \\t]++/login(?![A-Za-z])");
  /** The same advice as a suffix: {@code Invalid API key · Please run /login}. */
  private static final Pattern RUN_LOGIN_SUFFIX =
      Pattern.compile("(?i)[ \\t]*+(?:·[ \\t]*+)?+please[ \\t]++run[ \\t]++/login(?![A-Za-z])");
  private static final Pattern PAGE_ERROR =
      Pattern.compile(
          "(?i)(?<![A-Za-z])(?:oauth[ \\t]++(?:error|request[ \\t]++failed)"
              + "|authori[sz]ation[ \\t]++failed)(?![A-Za-z])");
  /** What separates a heading from its words: {@code Authorization failed - Internal...}. */
  private static final Pattern SEPARATOR = Pattern.compile("[\\s:,.;–—-]++");
  private static final Pattern CONSOLE_STATUS =
      Pattern.compile(
          "(?i)failed[ \\t]++to[ \\t]++load[ \\t]++resource:?+[ \\t]++the[ \\t]++server[ \\t]++"
              + "responded[ \\t]++with[ \\t]++a[ \\t]++status[ \\t]++of[ \\t]++([1-5][0-9]{2})"
              + "(?![0-9])(?:[ \\t]*+\\([^()\\n]{0,60}+\\))?+");
  private static final Pattern STATUS_CODE =
      Pattern.compile("(?i)status[ \\t]++(?:code[ \\t]++)?+(?:of[ \\t]++)?+([1-5][0-9]{2})(?![0-9])");
  private static final Pattern INTERNAL =
      Pattern.compile("(?i)(?<![A-Za-z])internal[ \\t]++server[ \\t]++error(?![A-Za-z])");

  private AuthMessages() {}

  /** Adds the authentication messages and the sign-in page's errors outside those read. */
  static void find(Scan scan, List<Hit> hits) {
    findAuth(scan, hits);
    findRunLogin(scan, hits);
    findPageErrors(scan, hits);
    findConsoleStatuses(scan, hits);
  }

  /**
   * Adds {@code Internal server error} standing alone when the paste shows the sign-in page
   * ({@link Origins#showsSignIn}): that page prints it without a status. Runs after the status
   * mentions, which read {@code 500 Internal Server Error} with its status.
   */
  static void findBarePageErrors(Scan scan, List<Hit> hits, boolean pasteShowsSignIn) {
    if (!pasteShowsSignIn) {
      return;
    }
    Matcher m = INTERNAL.matcher(scan.text);
    for (int n = 0; n < MAX_CANDIDATES && hits.size() < ErrorTextParser.MAX_ERRORS && m.find(); n++) {
      if (!scan.claimed(m.start(), m.end())) {
        scan.claim(m.start(), m.end());
        add(hits, scan, m.start(), m.end(), Optional.empty(), ErrorKind.INTERNAL, m.group(),
            Hit.Source.SIGN_IN_PAGE);
      }
    }
  }

  private static void findAuth(Scan scan, List<Hit> hits) {
    Matcher m = AUTH.matcher(scan.text);
    for (int n = 0; n < MAX_CANDIDATES && hits.size() < ErrorTextParser.MAX_ERRORS && m.find(); n++) {
      Matcher login = RUN_LOGIN_SUFFIX.matcher(scan.text).region(m.end(), scan.lineEnd(m.end()));
      int end = login.lookingAt() ? login.end() : m.end();
      if (!scan.claimed(m.start(), end)) {
        scan.claim(m.start(), end);
        add(hits, scan, m.start(), end, Optional.empty(), ErrorKind.AUTHENTICATION, m.group(),
            Hit.Source.AUTH);
      }
    }
  }

  /**
   * Makes the error a {@code Please run /login} is printed for an authentication error: the one
   * it leads on its line ({@code Please run /login · API Error: 401 ...}), else the one just above
   * it; or adds the advice as one when no error is there.
   */
  private static void findRunLogin(Scan scan, List<Hit> hits) {
    Matcher m = RUN_LOGIN.matcher(scan.text);
    for (int n = 0; n < MAX_CANDIDATES && m.find(); n++) {
      if (scan.claimed(m.start(), m.end())) {
        continue;
      }
      int after = firstStartingAfter(hits, m.end());
      int before = lastEndingBefore(hits, m.start());
      int advised =
          after >= 0 && scan.withinLines(m.end(), hits.get(after).start(), 0)
              ? after
              : before >= 0 && scan.withinLines(hits.get(before).end(), m.start(), 1) ? before : -1;
      if (advised >= 0) {
        Hit hit = hits.get(advised);
        if (hit.error().kind() == ErrorKind.OTHER) {
          hits.set(advised, hit.withKind(ErrorKind.AUTHENTICATION, Optional.empty()));
        }
      } else if (hits.size() < ErrorTextParser.MAX_ERRORS) {
        add(hits, scan, m.start(), m.end(), Optional.empty(), ErrorKind.AUTHENTICATION,
            m.group(), Hit.Source.AUTH);
      }
      scan.claim(m.start(), m.end());
    }
  }

  /** Adds the sign-in page's headings with the status or words after them, or below. */
  private static void findPageErrors(Scan scan, List<Hit> hits) {
    String text = scan.text;
    Matcher m = PAGE_ERROR.matcher(text);
    for (int n = 0; n < MAX_CANDIDATES && hits.size() < ErrorTextParser.MAX_ERRORS && m.find(); n++) {
      int end = Math.min(scan.lineEnd(m.end()), m.end() + PAGE_REACH);
      if (scan.claimed(m.start(), end)) {
        continue;
      }
      if (!hasWord(text, m.end(), end) && end < text.length() && text.charAt(end) == '\n') {
        int below = Math.min(scan.lineEnd(end + 1), end + 1 + PAGE_REACH);
        end = scan.claimed(end + 1, below) ? end : below; // "Internal server error" below it
      }
      Matcher status = STATUS_CODE.matcher(text).region(m.end(), end);
      Optional<Integer> code =
          status.find() ? Optional.of(Integer.valueOf(status.group(1))) : Optional.empty();
      boolean internal = INTERNAL.matcher(text).region(m.end(), end).find();
      ErrorKind kind =
          code.map(c -> ErrorKind.of(c, null))
              .orElse(internal ? ErrorKind.INTERNAL : ErrorKind.OTHER);
      scan.claim(m.start(), end);
      Matcher separator = SEPARATOR.matcher(text).region(m.end(), end);
      String rest = text.substring(separator.lookingAt() ? separator.end() : m.end(), end);
      ErrorKind shown = kind == ErrorKind.OTHER ? ErrorKind.AUTHENTICATION : kind;
      add(hits, scan, m.start(), end, code, shown, rest, Hit.Source.SIGN_IN_PAGE);
    }
  }

  private static void findConsoleStatuses(Scan scan, List<Hit> hits) {
    Matcher m = CONSOLE_STATUS.matcher(scan.text);
    for (int n = 0; n < MAX_CANDIDATES && hits.size() < ErrorTextParser.MAX_ERRORS && m.find(); n++) {
      if (!scan.claimed(m.start(), m.end())) {
        scan.claim(m.start(), m.end());
        int status = Integer.parseInt(m.group(1));
        add(hits, scan, m.start(), m.end(), Optional.of(status), ErrorKind.of(status, null), null,
            Hit.Source.SIGN_IN_PAGE);
      }
    }
  }

  private static void add(
      List<Hit> hits,
      Scan scan,
      int start,
      int end,
      Optional<Integer> status,
      ErrorKind kind,
      String message,
      Hit.Source source) {
    String line = OneLine.of(scan.text.substring(start, end));
    Optional<String> said = message == null ? Optional.empty() : OneLine.nonEmpty(message);
    Hit hit = Hit.of(start, end, status, Optional.empty(), said, Optional.empty(), line, source);
    hits.add(hit.withKind(kind, Optional.empty()));
  }

  /** Returns the index of the hit starting first at or after {@code pos}, or -1. */
  private static int firstStartingAfter(List<Hit> hits, int pos) {
    int best = -1;
    for (int i = 0; i < hits.size(); i++) {
      int start = hits.get(i).start();
      if (start >= pos && (best < 0 || start < hits.get(best).start())) {
        best = i;
      }
    }
    return best;
  }

  /** Returns the index of the hit ending last at or before {@code pos}, or -1. */
  private static int lastEndingBefore(List<Hit> hits, int pos) {
    int best = -1;
    for (int i = 0; i < hits.size(); i++) {
      int end = hits.get(i).end();
      if (end <= pos && (best < 0 || end > hits.get(best).end())) {
        best = i;
      }
    }
    return best;
  }

  private static boolean hasWord(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (Character.isLetterOrDigit(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
