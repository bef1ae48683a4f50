package dev.claude500.errors;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Loose facts outside any error read so far: an error type named on its own, a request id. Each
 * joins the error just before it when that one lacks it (a type on the same line, a request id
 * within a few lines, as in a header dump); a type, or a labelled request id, otherwise stands
 * as an error of its own.
 */
final class Facts {
  private static final int MAX_CANDIDATES = 1_000;
  private static final int REQUEST_ID_REACH_LINES = 3;

  private enum Kind {
    TYPE,
    LABELLED_ID,
    BARE_ID
  }

  /** A fact at {@code [start, end)} whose value sits at {@code [valueStart, end)}. */
  private record Fact(int start, int valueStart, int end, Kind kind, String value) {}

  private Facts() {}

  /** Returns {@code hits} (sorted by start) with the loose facts joined in or added. */
  static List<Hit> join(Scan scan, List<Hit> hits) {
    List<Fact> facts = new ArrayList<>();
    for (RequestIds.Found id : RequestIds.labelled(scan)) {
      collect(scan, new Fact(id.start(), id.valueStart(), id.end(), Kind.LABELLED_ID, id.id()), facts);
    }
    for (RequestIds.Found id : RequestIds.bare(scan.text)) {
      collect(scan, new Fact(id.start(), id.start(), id.end(), Kind.BARE_ID, id.id()), facts);
    }
    Matcher type = ApiErrorLines.TYPE_TOKEN.matcher(scan.text);
    for (int n = 0; n < MAX_CANDIDATES && type.find(); n++) {
      collect(scan, new Fact(type.start(), type.start(), type.end(), Kind.TYPE, type.group()), facts);
    }
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
      } else if (fact.kind() != Kind.BARE_ID && out.size() < ErrorTextParser.MAX_ERRORS) {
        out.add(standalone(scan, fact));
      }
    }
    while (h < hits.size()) {
      out.add(hits.get(h++));
    }
    return out;
  }

  private static void collect(Scan scan, Fact fact, List<Fact> facts) {
    if (!scan.claimed(fact.valueStart(), fact.end())) {
      scan.claim(fact.valueStart(), fact.end());
      facts.add(fact);
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
    boolean type = fact.kind() == Kind.TYPE;
    return Hit.of(
        fact.start(),
        fact.end(),
        Optional.empty(),
        type ? Optional.of(fact.value()) : Optional.empty(),
        Optional.empty(),
        type ? Optional.empty() : Optional.of(fact.value()),
        scan.lineAround(fact.start()),
        type ? Hit.Source.MENTION : Hit.Source.REQUEST_ID);
  }
}
