package dev.claude500.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.testing.FakeStatusPage;
import dev.claude500.testing.MutableClock;
import dev.claude500.testing.StatusFixtures;
import dev.claude500.testing.StatusPageHistory;
import dev.claude500.testing.StatusPageHistory.PageState;
import dev.claude500.testing.StatusSources;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The archive replay behind {@link FakeStatusPage#servePage}, checked against verbatim responses. */
class StatusPageHistoryTest {
  private static final StatusPageHistory HISTORY = StatusPageHistory.anthropic();

  @Test
  void replaysTheCriticalIncidentAsTheVerbatimResponseShowedIt() throws IOException {
    PageState red = HISTORY.at(StatusFixtures.RED_AT);

    assertThat(red.unresolved().incidents()).singleElement().satisfies(i -> {
      assertThat(i.id()).isEqualTo(StatusFixtures.RED_INCIDENT_ID);
      assertThat(i.status()).isEqualTo(IncidentStatus.INVESTIGATING);
      assertThat(i.incidentUpdates()).hasSize(2);
      assertThat(i.resolvedAt()).isNull();
    });
    Summary summary = red.summary();
    assertThat(summary.status().indicator()).isEqualTo(StatusIndicator.CRITICAL);
    assertThat(summary.components()).isEqualTo(StatusFixtures.redSummary().components());
    assertThat(summary.component("yyzkbfz2thpt")).hasValueSatisfying(
        c -> assertThat(c.status()).isEqualTo(ComponentStatus.MAJOR_OUTAGE));
    assertSameIncidentsAndStatuses(red.incidents(), StatusJson.readIncidentList(StatusFixtures.redIncidentsJson()));
  }

  @Test
  void replaysTwoOpenIncidentsAsTheVerbatimResponseShowedThem() throws IOException {
    PageState state = HISTORY.at(StatusFixtures.TWO_OPEN_AT);

    assertThat(state.unresolved().incidents()).extracting(Incident::id)
        .containsExactlyInAnyOrder("zqsk02ryfmrd", "q93x64nrhwnn");
    assertThat(state.summary().status().indicator()).isEqualTo(StatusIndicator.MINOR);
    assertThat(state.summary().components()).isEqualTo(StatusFixtures.twoOpenSummary().components());
    assertSameIncidentsAndStatuses(state.incidents(), StatusJson.readIncidentList(StatusFixtures.twoOpenIncidentsJson()));
  }

  @Test
  void showsTheIncidentResolvedAndThePageGreenAfterwards() {
    PageState later = HISTORY.at(Instant.parse("2026-04-15T18:00:00Z"));

    Incident red = later.incidents().incidents().stream()
        .filter(i -> i.id().equals(StatusFixtures.RED_INCIDENT_ID)).findFirst().orElseThrow();
    assertThat(red.status()).isEqualTo(IncidentStatus.RESOLVED);
    assertThat(red.resolvedAt()).isEqualTo(Instant.parse("2026-04-15T17:42:57.229Z"));
    assertThat(later.summary().status().indicator()).isEqualTo(StatusIndicator.NONE);
    assertThat(later.summary().components()).allSatisfy(c -> assertThat(c.status()).isEqualTo(ComponentStatus.OPERATIONAL));
    assertThat(later.summary().components()).hasSize(6);
  }

  @Test
  void showsAnIncidentOnlyOnceItsFirstUpdateIsShown() {
    Instant created = Instant.parse("2026-04-15T14:53:02.039Z");
    Instant firstUpdate = Instant.parse("2026-04-15T14:53:02.097Z");

    assertThat(ids(HISTORY.at(created.minusMillis(1)))).doesNotContain(StatusFixtures.RED_INCIDENT_ID);
    assertThat(ids(HISTORY.at(created))).doesNotContain(StatusFixtures.RED_INCIDENT_ID);
    assertThat(ids(HISTORY.at(firstUpdate))).contains(StatusFixtures.RED_INCIDENT_ID);
  }

  static Stream<Instant> instantsAcrossTheArchive() {
    return Stream.of("2023-03-20T00:00:00Z", "2024-10-31T06:00:00Z", "2025-06-01T12:00:00Z",
        "2026-03-27T12:00:00Z", "2026-04-15T15:45:00Z", "2026-08-20T19:30:00Z").map(Instant::parse);
  }

  @ParameterizedTest
  @MethodSource("instantsAcrossTheArchive")
  void showsNothingFromAfterTheInstant(Instant t) {
    PageState state = HISTORY.at(t);
    List<Incident> incidents = state.incidents().incidents();

    assertThat(incidents).hasSizeLessThanOrEqualTo(50).allSatisfy(i -> {
      assertThat(i.createdAt()).isBeforeOrEqualTo(t);
      assertThat(i.updatedAt()).isBeforeOrEqualTo(t);
      if (i.resolvedAt() != null) {
        assertThat(i.resolvedAt()).isBeforeOrEqualTo(t);
      }
      assertThat(i.incidentUpdates()).isNotEmpty().allSatisfy(u -> assertThat(u.shownAt()).isBeforeOrEqualTo(t));
      assertThat(i.status()).isEqualTo(i.latestUpdate().orElseThrow().status());
    });
    assertThat(incidents).extracting(Incident::createdAt).isSortedAccordingTo(Comparator.reverseOrder());
    assertThat(state.summary().incidents()).allSatisfy(i -> assertThat(i.isOpen()).isTrue());
    assertThat(state.summary().status().indicator()).isNotEqualTo(StatusIndicator.UNKNOWN);
  }

  @Test
  void servesTheReplayThroughTheClientAndTheCache() {
    MutableClock clock = new MutableClock(StatusFixtures.RED_AT);
    try (FakeStatusPage page = FakeStatusPage.start()) {
      page.servePage(HISTORY.at(StatusFixtures.RED_AT));
      StatuspageClient client = StatusSources.client(List.of(page.baseUrl()), Duration.ofSeconds(1), Duration.ofSeconds(1));
      CachingStatusSource source = new CachingStatusSource(StatusPage.of(client), Duration.ofSeconds(30),
          Duration.ofSeconds(2), clock, Runnable::run);

      assertThat(source.current().summary().orElseThrow().incidents()).extracting(Incident::id)
          .containsExactly(StatusFixtures.RED_INCIDENT_ID);
      assertThat(client.fetchIncidents()).isInstanceOf(FetchResult.Fetched.class);
      assertThat(client.fetchIncidents()).isInstanceOf(FetchResult.NotModified.class);

      clock.set(Instant.parse("2026-04-15T18:00:00Z"));
      page.servePage(HISTORY.at(clock.instant()));
      source.current();

      assertThat(source.current().summary().orElseThrow().status().indicator()).isEqualTo(StatusIndicator.NONE);
      assertThat(client.fetchUnresolvedIncidents().toOptional().orElseThrow().incidents()).isEmpty();
      assertThat(client.fetchIncidents()).isInstanceOf(FetchResult.Fetched.class);
    }
  }

  private static List<String> ids(PageState state) {
    return state.incidents().incidents().stream().map(Incident::id).toList();
  }

  private static void assertSameIncidentsAndStatuses(IncidentList replayed, IncidentList verbatim) {
    Map<String, IncidentStatus> expected =
        verbatim.incidents().stream().collect(Collectors.toMap(Incident::id, Incident::status));
    Map<String, Incident> actual =
        replayed.incidents().stream().collect(Collectors.toMap(Incident::id, Function.identity()));
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    expected.forEach((id, status) -> assertThat(actual.get(id).status()).as(id).isEqualTo(status));
    Map<String, Integer> verbatimUpdates =
        verbatim.incidents().stream().collect(Collectors.toMap(Incident::id, i -> i.incidentUpdates().size()));
    actual.forEach((id, i) -> assertThat(i.incidentUpdates()).as(id).hasSize(verbatimUpdates.get(id)));
  }
}
