package dev.claude500.errors;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the usage and session limits Claude Code prints without a status: {@code Claude usage
 * limit reached. Your limit will reset at 5pm (Europe/Paris).}, {@code You've hit your session
 * limit · resets 5am}, {@code 5-hour limit reached ∙ resets 3pm}, {@code Opus weekly limit
 * reached ∙ resets Oct 31, 9am}. Each is a rate limit; the reset time is kept as written, and the
 * status is 429 only when the line prints it. A limit inside an error already read makes that
 * error a rate limit.
 */
final class LimitMessages {
  private static final int MAX_CANDIDATES = 1_000;

  /** How far after the limit its reset time may be written (it may wrap onto the next line). */
  private static final int RESET_REACH = 200;

  private static final Pattern LIMIT =
      Pattern.compile(
          "(?i)(?<![A-Za-z])(?:claude(?:[ \\t]++ai)?+[ \\t]++usage[ \\t]++limit[ \\t]++reached"
              + "|you(?:'ve|[ \\t]++have)[ \\t]++hit[ \\t]++your(?:[ \\t]++[a-z0-9-]{1,12}+){0,2}?"
              + "[ \\t]++limit"
              + "|(?:5-hour|five-hour|session|weekly|daily|usage|(?:opus|sonnet)(?:[ \\t]++weekly)?+)"
              + "[ \\t]++limit[ \\t]++reached)(?![A-Za-z])");

  private static final String DATE =
      "(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]{0,6}+\\.?+[ \\t]++[0-9]{1,2}+"
          + "(?![0-9])";
  private static final String CLOCK = "[0-9]{1,2}+(?::[0-9]{2})?+[ \\t]?+[ap]m(?![a-z])";
  private static final String ZONE = "(?:[ \\t]++\\([A-Za-z][A-Za-z0-9_+/-]{0,39}+\\))?+";
  private static final String DURATION =
      "in[ \\t]++[0-9]{1,3}+[ \\t]?+(?:hours?|hrs?|h|minutes?|mins?|m)(?![a-z])"
          + "(?:[ \\t]++[0-9]{1,2}+[ \\t]?+(?:minutes?|mins?|m)(?![a-z]))?+";

  /** What follows a limit: a separator, then when it resets. */
  private static final Pattern RESET =
      Pattern.compile(
          "(?i)[ \\t]*+(?:[·∙•|,.;:–—-][ \\t]*+)?(?:your[ \\t]++limit[ \\t]++will[ \\t]++)?"
              + "resets?+(?:[ \\t\\n]++at(?![a-z]))?+[ \\t\\n]++"
              + "((?:"
              + DATE
              + "(?:,?+[ \\t]++(?:at[ \\t]++)?+"
              + CLOCK
              + ")?+|"
              + CLOCK
              + ")"
              + ZONE
              + "|"
              + DURATION
              + ")");
  private static final Pattern STATUS_429 = Pattern.compile("(?<![0-9])429(?![0-9])");

  private LimitMessages() {}

  /**
   * Adds every limit message outside the errors already read, and makes an error that holds one
   * a rate limit with its reset time.
   */
  static void find(Scan scan, List<Hit> hits) {
    String text = scan.text;
    Matcher limit = LIMIT.matcher(text);
    for (int n = 0; n < MAX_CANDIDATES && limit.find(); n++) {
      Matcher reset =
          RESET
              .matcher(text)
              .region(limit.end(), Math.min(text.length(), limit.end() + RESET_REACH));
      boolean hasReset = reset.lookingAt();
      Optional<String> resets =
          hasReset ? Optional.of(OneLine.of(reset.group(1))) : Optional.empty();
      int end = hasReset ? reset.end() : limit.end();
      int holder = holding(hits, limit.start());
      if (holder >= 0) {
        Hit hit = hits.get(holder);
        if (hit.error().kind() == ErrorKind.OTHER || hit.error().kind() == ErrorKind.RATE_LIMIT) {
          hits.set(holder, hit.withKind(ErrorKind.RATE_LIMIT, resets));
        }
      } else if (!scan.claimed(limit.start(), end) && hits.size() < ErrorTextParser.MAX_ERRORS) {
        scan.claim(limit.start(), end);
        hits.add(read(scan, limit.start(), end, resets));
      }
    }
  }

  private static Hit read(Scan scan, int start, int end, Optional<String> resets) {
    String line = OneLine.of(scan.text.substring(start, end));
    Optional<Integer> status =
        STATUS_429.matcher(scan.lineAround(start)).find() ? Optional.of(429) : Optional.empty();
    Hit hit =
        Hit.of(start, end, status, Optional.empty(), Optional.of(line), Optional.empty(), line,
            Hit.Source.LIMIT);
    return hit.withKind(ErrorKind.RATE_LIMIT, resets);
  }

  /** Returns the index of the hit whose stretch holds {@code pos}, or -1. */
  static int holding(List<Hit> hits, int pos) {
    for (int i = 0; i < hits.size(); i++) {
      if (hits.get(i).start() <= pos && pos < hits.get(i).end()) {
        return i;
      }
    }
    return -1;
  }
}
