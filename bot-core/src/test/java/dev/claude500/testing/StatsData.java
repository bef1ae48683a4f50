package dev.claude500.testing;

import dev.claude500.chat.ConversationKey;
import dev.claude500.status.Incident;
import dev.claude500.status.StatusJson;
import dev.claude500.triage.TriageOutcome;
import dev.claude500.triage.TriageRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Triage records and incidents for {@code stats}: the page's real incidents from its archive, and
 * triages simulated around them (seeded, so every run makes the same ones). During an incident most
 * triages take the live-incident branch and wait on it; on a green page they spread over the other
 * branches.
 */
public final class StatsData {
  /** The branches of the built-in playbook, as records name them. */
  public static final List<String> BRANCHES = List.of("live incident", "login / OAuth", "broken resumed session",
      "API key / proxy / provider route", "529 overloaded", "rate or usage limit");
  /** The end of the archive's last incident's day: a window ending here covers real incidents. */
  public static final Instant ARCHIVE_END = Instant.parse("2026-08-21T00:00:00Z");

  private StatsData() {}

  /** Returns the page's real incidents (maintenances included), newest first as the page lists them. */
  public static List<Incident> archive() {
    try {
      return StatusJson.readIncidentArray(TestData.bytes(StatusPageHistory.ARCHIVE)).stream()
          .sorted(Comparator.comparing(Incident::createdAt).reversed()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns {@code count} simulated triages of one workspace started between {@code from} and
   * {@code to}, a third of them during {@code incidents} (when any fall in the window), oldest first.
   */
  public static List<TriageRecord> simulated(String workspace, Instant from, Instant to, int count,
      List<Incident> incidents, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Incident> inWindow = incidents.stream().filter(i -> !i.isMaintenance())
        .filter(i -> i.createdAt().isBefore(to) && i.closedAt().isAfter(from)).toList();
    long span = Duration.between(from, to).toSeconds();
    List<TriageRecord> records = new ArrayList<>(count);
    for (int n = 0; n < count; n++) {
      Optional<Incident> during = !inWindow.isEmpty() && random.nextInt(3) == 0
          ? Optional.of(inWindow.get(random.nextInt(inWindow.size()))) : Optional.empty();
      Instant start = during.map(i -> between(random, later(i.createdAt(), from), earlier(i.closedAt(), to)))
          .orElseGet(() -> from.plusSeconds(random.nextLong(span)));
      records.add(triage(workspace, n, start, during, random));
    }
    records.sort(Comparator.comparing(TriageRecord::startedAt));
    return records;
  }

  private static TriageRecord triage(String workspace, int n, Instant start, Optional<Incident> during,
      SplittableRandom random) {
    String branch = during.isPresent() && random.nextInt(5) > 0 ? BRANCHES.get(0)
        : BRANCHES.get(1 + random.nextInt(BRANCHES.size() - 1));
    boolean open = random.nextInt(20) == 0;
    Optional<Instant> firstMove = Optional.of(start.plusSeconds(20 + random.nextInt(280)));
    TriageOutcome outcome = during.isPresent() ? (random.nextInt(3) == 0 ? TriageOutcome.WAITING : TriageOutcome.RESOLVED)
        : random.nextInt(8) == 0 ? TriageOutcome.ESCALATED : random.nextInt(10) == 0 ? TriageOutcome.ABANDONED
        : TriageOutcome.RESOLVED;
    Optional<Instant> ended = open ? Optional.empty() : Optional.of(start.plusSeconds(300 + random.nextInt(3300)));
    return new TriageRecord(workspace, new ConversationKey("slack", "C0TEAM" + (n % 7), "1700000000." + n),
        "U" + (100 + random.nextInt(40)), start, 3, Optional.of(branch),
        Optional.of(during.isPresent() ? "red" : "green"), open ? Optional.empty() : Optional.of(outcome), firstMove,
        ended, !open && outcome == TriageOutcome.ESCALATED, during.map(Incident::id));
  }

  private static Instant between(SplittableRandom random, Instant a, Instant b) {
    long s = Math.max(1, Duration.between(a, b).toSeconds());
    return a.plusSeconds(random.nextLong(s));
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
