package dev.claude500.errors;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loose facts outside any error read so far: an error type named on its own, a request id. Each
 * joins the error just before it when that one lacks it (a type on the same line, a request id
 * within a few lines, as in a header dump); a type, or a labelled request id, otherwise stands
 * as an error of its own.
 */
final class Facts {
  private static final int MAX_CANDIDATES = 1_000;
  private static final int REQUEST_ID_REACH_LINES = 3;

  private static final Pattern LABELLED_REQUEST_ID =
      Pattern.compile(
          "(?i)\\b(?:x-)?request[-_ ]?id[\"']?[ \\t]*+[:=][ \\t]*+[\"']?"
              + "(req_[A-Za-z0-9]{8,64}+)(?![A-Za-z0-9_])");

  private enum Kind {
    TYPE,
    LABELLED_REQUEST_ID,
    BARE_REQUEST_ID
  }

  private record Fact(int start, int end, Kind kind, String value) {}

  private Facts() {}

  /** Returns {@code hits} (sorted by start) with the loose facts joined in or added. */
  static List<Hit> join(Scan scan, List<Hit> hits) {
    List<Fact> facts = new ArrayList<>();
    collect(scan, LABELLED_REQUEST_ID.matcher(scan.text), Kind.LABELLED_REQUEST_ID, facts);
    collect(scan, ErrorBodies.REQUEST_ID.matcher(scan.text), Kind.BARE_REQUEST_ID, facts);
    collect(scan, ApiErrorLines.TYPE_TOKEN.matcher(scan.text), Kind.TYPE, facts);
    facts.sort(Comparator.comparingInt(Fact::start));

    List<Hit> out = new ArrayList<>();
    int h = 0;
    for (Fact fact : facts) {
      while (h < hits.size() && hits.get(h).start() < fact.start()) {
        out.add(hits.get(h++));
      }
      Hit last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && joins(scan, last, fact)) {
        out.set(out.size() - 1, join(last, fact));
      } else if (fact.kind() != Kind.BARE_REQUEST_ID && out.size() < ErrorTextParser.MAX_ERRORS) {
        out.add(standalone(scan, fact));
      }
    }
    while (h < hits.size()) {
      out.add(hits.get(h++));
    }
    return out;
  }

  private static void collect(Scan scan, Matcher m, Kind kind, List<Fact> facts) {
    for (int n = 0; n < MAX_CANDIDATES && m.find(); n++) {
      int valueStart = kind == Kind.LABELLED_REQUEST_ID ? m.start(1) : m.start();
      if (!scan.claimed(valueStart, m.end())) {
        scan.claim(valueStart, m.end());
        String value = kind == Kind.LABELLED_REQUEST_ID ? m.group(1) : m.group();
        facts.add(new Fact(m.start(), m.end(), kind, value));
      }
    }
  }

  private static boolean joins(Scan scan, Hit last, Fact fact) {
    if (last.end() > fact.start()) {
      return false;
    }
    if (fact.kind() == Kind.TYPE) {
      return last.error().type().isEmpty() && scan.withinLines(last.end(), fact.start(), 0);
    }
    return last.error().requestId().isEmpty()
        && scan.withinLines(last.end(), fact.start(), REQUEST_ID_REACH_LINES);
  }

  private static Hit join(Hit last, Fact fact) {
    return fact.kind() == Kind.TYPE ? last.withType(fact.value()) : last.withRequestId(fact.value());
  }

  private static Hit standalone(Scan scan, Fact fact) {
    ParsedError e =
        new ParsedError(
            Optional.empty(),
            fact.kind() == Kind.TYPE ? Optional.of(fact.value()) : Optional.empty(),
            Optional.empty(),
            fact.kind() == Kind.TYPE ? Optional.empty() : Optional.of(fact.value()),
            scan.lineAround(fact.start()));
    return new Hit(fact.start(), fact.end(), e);
  }
}
