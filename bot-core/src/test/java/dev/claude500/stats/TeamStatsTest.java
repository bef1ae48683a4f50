package dev.claude500.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ConversationKey;
import dev.claude500.chat.PlainTextRenderer;
import dev.claude500.chat.Reply;
import dev.claude500.status.Component;
import dev.claude500.status.ComponentStatus;
import dev.claude500.status.Impact;
import dev.claude500.status.Incident;
import dev.claude500.status.IncidentStatus;
import dev.claude500.status.KnownComponents;
import dev.claude500.store.InMemoryStore;
import dev.claude500.store.JdbcStore;
import dev.claude500.testing.JdbcStores;
import dev.claude500.testing.MutableClock;
import dev.claude500.testing.StatsData;
import dev.claude500.testing.TeamStatsRigs;
import dev.claude500.triage.TriageOutcome;
import dev.claude500.triage.TriageRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("stats: the team's triages and the page's incidents over a window")
class TeamStatsTest {
  static final Instant NOW = Instant.parse("2026-03-31T12:00:00Z");
  static final ChannelRef CHANNEL = new ChannelRef("slack", "C0OPS");

  private final InMemoryStore store = new InMemoryStore();
  private final MutableClock clock = new MutableClock(NOW);

  static Incident incident(String id, String name, Instant start, Instant resolved, Impact impact,
      String... componentIds) {
    List<Component> components = java.util.Arrays.stream(componentIds)
        .map(c -> new Component(c, KnownComponents.name(c).orElse(c), ComponentStatus.OPERATIONAL, null, false, 0))
        .toList();
    return new Incident(id, name, resolved == null ? IncidentStatus.INVESTIGATING : IncidentStatus.RESOLVED, impact,
        start, start, null, resolved, start, null, impact == Impact.MAINTENANCE ? start : null, null, List.of(),
        components);
  }

  /** The fixed page: one incident the team hit, a maintenance, one still open, one long before the window. */
  static List<Incident> page() {
    Instant inc1 = NOW.minus(Duration.ofDays(2)).minus(Duration.ofHours(1));
    return List.of(
        incident("inc1", "Elevated errors on Claude Code", inc1, inc1.plus(Duration.ofHours(2)), Impact.MAJOR,
            KnownComponents.CLAUDE_CODE, KnownComponents.API),
        incident("mnt", "Database maintenance", NOW.minus(Duration.ofDays(3)), NOW.minus(Duration.ofDays(3))
            .plus(Duration.ofHours(5)), Impact.MAINTENANCE, KnownComponents.API),
        incident("inc3", "Slow responses", NOW.minus(Duration.ofMinutes(30)), null, Impact.MINOR),
        incident("inc4", "Long ago", NOW.minus(Duration.ofDays(45)), NOW.minus(Duration.ofDays(45)).plusSeconds(600),
            Impact.MINOR, KnownComponents.API));
  }

  static TriageRecord record(String thread, String by, Instant start, String branch, Long firstMoveSeconds,
      TriageOutcome outcome, Long endSeconds, String incident) {
    return new TriageRecord("slack", new ConversationKey("slack", "C0OPS", thread), by, start, 1,
        Optional.ofNullable(branch), Optional.of(incident == null ? "green" : "red"), Optional.ofNullable(outcome),
        Optional.ofNullable(firstMoveSeconds).map(start::plusSeconds), Optional.ofNullable(endSeconds)
            .map(start::plusSeconds), outcome == TriageOutcome.ESCALATED, Optional.ofNullable(incident));
  }

  /** The fixed triages: four in the last 30 days, one before. */
  static List<TriageRecord> triages() {
    Instant twoDays = NOW.minus(Duration.ofDays(2));
    return List.of(
        record("1", "U1", twoDays, "live incident", 60L, TriageOutcome.RESOLVED, 600L, "inc1"),
        record("2", "U2", twoDays.plusSeconds(100), "live incident", 120L, TriageOutcome.WAITING, 300L, "inc1"),
        record("3", "U1", NOW.minus(Duration.ofDays(10)), "login / OAuth", 30L, TriageOutcome.ESCALATED, 900L, null),
        record("4", "U3", NOW.minus(Duration.ofDays(1)), null, null, null, null, null),
        record("5", "U1", NOW.minus(Duration.ofDays(40)), "login / OAuth", 10L, TriageOutcome.RESOLVED, 20L, null));
  }

  @Test
  @DisplayName("A fixed data set gives its counts, medians, escalations, the incidents that hit the team and the page's minutes")
  void fixedDataSet() {
    triages().forEach(store.triageRecords()::save);
    StatsReport r = TeamStatsRigs.of(store, TeamStatsTest::page, clock).report(CHANNEL, StatsWindow.DAYS_30).orElseThrow();

    assertThat(r.workspace()).isEqualTo("slack");
    assertThat(r.triages()).isEqualTo(4);
    assertThat(r.byBranch()).containsExactly(Map.entry("live incident", 2), Map.entry("login / OAuth", 1),
        Map.entry(StatsReport.NO_BRANCH, 1));
    assertThat(r.byOutcome()).containsExactly(Map.entry("escalated", 1), Map.entry("open", 1),
        Map.entry("resolved", 1), Map.entry("waiting", 1));
    assertThat(r.toFirstMove()).contains(Duration.ofSeconds(60));
    assertThat(r.toResolution()).contains(Duration.ofSeconds(600));
    assertThat(r.escalations()).isEqualTo(1);
    assertThat(r.incidentsHit()).containsExactly(new StatsReport.IncidentHit("inc1", "Elevated errors on Claude Code",
        "https://status.claude.com/incidents/inc1", 2, 2));
    assertThat(r.incidentMinutes()).containsExactly(Map.entry("Claude API (api.anthropic.com)", 120L),
        Map.entry("Claude Code", 120L), Map.entry("no component named", 30L));
    assertThat(r.spans()).extracting(StatsReport.IncidentSpan::name)
        .containsExactly("Elevated errors on Claude Code", "Slow responses");
    assertThat(r.days()).hasSize(31);
    Map<String, Integer> twoDaysAgo = new LinkedHashMap<>();
    twoDaysAgo.put("live incident", 2);
    twoDaysAgo.put("login / OAuth", 0);
    twoDaysAgo.put(StatsReport.NO_BRANCH, 0);
    assertThat(r.days()).filteredOn(d -> d.day().equals(LocalDate.parse("2026-03-29")))
        .extracting(StatsReport.Day::byBranch).containsExactly(twoDaysAgo);

    String text = PlainTextRenderer.render(new Reply.Message(StatsText.of(r)));
    assertThat(text).contains("Team stats, last 30 days", "Triages: 4", "live incident 2",
        "Median time to first move: 1m", "to resolution: 10m", "Escalations: 1",
        "Elevated errors on Claude Code", "2 people, 2 triages", "Claude Code 120 min", "no component named 30 min");
  }

  @Test
  @DisplayName("Seven days leave out what is older; the median of an even count is the middle pair's mean")
  void shorterWindow() {
    triages().forEach(store.triageRecords()::save);
    StatsReport r = TeamStatsRigs.of(store, TeamStatsTest::page, clock).report(CHANNEL, StatsWindow.DAYS_7).orElseThrow();
    assertThat(r.triages()).isEqualTo(3);
    assertThat(r.toFirstMove()).contains(Duration.ofSeconds(90));
    assertThat(r.escalations()).isZero();
    assertThat(r.days()).hasSize(8);
  }

  @Test
  @DisplayName("Another workspace's triages are not counted")
  void otherWorkspace() {
    triages().forEach(store.triageRecords()::save);
    StatsReport r = TeamStatsRigs.of(store, TeamStatsTest::page, clock)
        .report(new ChannelRef("discord", "42"), StatsWindow.DAYS_90).orElseThrow();
    assertThat(r.triages()).isZero();
    assertThat(r.incidentMinutes()).isNotEmpty();
  }

  @Test
  @DisplayName("An empty store says there were no triages, and still gives the page's incident minutes")
  void emptyStore() {
    StatsReport r = TeamStatsRigs.of(store, TeamStatsTest::page, clock).report(CHANNEL, StatsWindow.DEFAULT).orElseThrow();
    assertThat(r.triages()).isZero();
    assertThat(r.toFirstMove()).isEmpty();
    String text = PlainTextRenderer.render(new Reply.Message(StatsText.of(r)));
    assertThat(text).contains("No triages in the last 30 days", "Claude Code 120 min")
        .doesNotContain("Escalations");
  }

  @Test
  @DisplayName("90 days of 10,000 triages on H2 are all counted, each in its branch, outcome and day")
  void tenThousandTriages() {
    Instant from = NOW.minus(Duration.ofDays(90)).plusSeconds(1);
    List<TriageRecord> simulated = StatsData.simulated("slack", from, NOW, 10_000, page(), 7);
    try (JdbcStore h2 = JdbcStores.open("jdbc:h2:mem:stats-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null, null)) {
      simulated.forEach(h2.triageRecords()::save);
      StatsReport r = TeamStatsRigs.of(h2, TeamStatsTest::page, clock).report(CHANNEL, StatsWindow.DAYS_90).orElseThrow();

      assertThat(r.triages()).isEqualTo(10_000);
      assertThat(r.byBranch().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(10_000);
      assertThat(r.byOutcome().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(10_000);
      assertThat(r.days().stream().flatMap(d -> d.byBranch().values().stream()).mapToInt(Integer::intValue).sum())
          .isEqualTo(10_000);
      assertThat(r.escalations()).isEqualTo((int) simulated.stream().filter(TriageRecord::escalated).count());
      assertThat(r.byBranch().get("live incident"))
          .isEqualTo((int) simulated.stream().filter(t -> t.branch().orElseThrow().equals("live incident")).count());
      assertThat(r.incidentsHit()).extracting(StatsReport.IncidentHit::triages).allMatch(n -> n > 0);
      assertThat(r.toFirstMove()).get().matches(d -> d.toSeconds() >= 20 && d.toSeconds() < 300);
    }
  }
}
