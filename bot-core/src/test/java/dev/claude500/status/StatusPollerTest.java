package dev.claude500.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.testing.FakeStatusPage;
import dev.claude500.testing.FakeStatusPage.Response;
import dev.claude500.testing.ManualExecutor;
import dev.claude500.testing.MutableClock;
import dev.claude500.testing.StatusFixtures;
import dev.claude500.testing.StatusSources;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The one poller on a loopback page: what each round reads, and where the read goes. */
class StatusPollerTest {
  private static final Duration POLL = Duration.ofSeconds(30);

  private final FakeStatusPage page = FakeStatusPage.start();
  private final MutableClock clock = new MutableClock(StatusFixtures.RED_AT);
  /** Where the cache's own work runs (its fetches and Caffeine's upkeep): the test runs it after each read. */
  private final ManualExecutor cacheFetches = new ManualExecutor();
  private final StatusPage reads =
      StatusPage.of(StatusSources.client(List.of(page.baseUrl()), Duration.ofMillis(500), Duration.ofSeconds(2)));
  private final CachingStatusSource cache =
      new CachingStatusSource(reads, POLL.multipliedBy(2), Duration.ofSeconds(2), clock, cacheFetches);
  private final StatusPoller poller = new StatusPoller(reads, cache, clock, POLL, () -> 0.0);

  @AfterEach
  void stop() {
    poller.close();
    page.close();
  }

  private void serveRed() {
    page.serveSummary(Response.json(StatusFixtures.redSummaryJson()).withEtag("\"red\""));
    page.serveIncidents(Response.json(StatusFixtures.redIncidentsJson()).withEtag("\"red-list\""));
  }

  @Test
  @DisplayName("Each poll reads the summary and the incidents once (every half interval while an incident is open), and the cache serves that read without a request of its own")
  void oneReadPerIntervalFeedsTheCache() {
    serveRed();
    List<PollRound> rounds = new ArrayList<>();
    poller.follow(round -> {
      rounds.add(round);
      return Instant.MAX;
    });
    Instant start = clock.instant();
    Instant end = start.plus(POLL.multipliedBy(10));
    while (clock.instant().isBefore(end)) {
      Duration next = poller.tick();
      StatusSnapshot seen = cache.current();
      assertThat(seen.fresh()).isTrue();
      assertThat(seen.asOf()).contains(rounds.get(rounds.size() - 1).latest().orElseThrow().readAt());
      clock.advance(next.dividedBy(2));
      assertThat(cache.peek().summary()).contains(StatusFixtures.redSummary());
      cacheFetches.runAll();
      clock.advance(next.dividedBy(2));
    }

    assertThat(rounds).as("an incident is open: a read every half interval").hasSize(20);
    assertThat(page.requestCount(FakeStatusPage.SUMMARY)).as("the cache fetched nothing of its own").isEqualTo(20);
    assertThat(page.requestCount(FakeStatusPage.INCIDENTS)).isEqualTo(20);
    List<FakeStatusPage.Request> summaries = page.requests(FakeStatusPage.SUMMARY);
    assertThat(summaries.subList(1, summaries.size())).as("conditional after the first")
        .allSatisfy(r -> assertThat(r.header("If-None-Match")).contains("\"red\""));
    assertThat(rounds).allSatisfy(r -> {
      assertThat(r.answering()).isTrue();
      assertThat(r.latest()).hasValueSatisfying(read -> assertThat(read.readAt()).isEqualTo(r.at()));
    });
    assertThat(rounds.get(0).latest().orElseThrow().incident(StatusFixtures.RED_INCIDENT_ID)).isPresent();
  }

  @Test
  @DisplayName("An incident the summary no longer shows (resolved) is still found by its id from the latest read")
  void aResolvedIncidentIsFoundFromTheLatestRead() {
    serveRed();
    assertThat(cache.incident("no-such-id")).isEmpty();
    poller.tick();
    Incident resolved = poller.latest().orElseThrow().incidents().stream().filter(i -> i.status() == IncidentStatus.RESOLVED)
        .findFirst().orElseThrow();
    assertThat(cache.peek().summary().orElseThrow().incidents()).noneMatch(i -> i.id().equals(resolved.id()));
    assertThat(cache.incident(resolved.id())).hasValueSatisfying(i -> assertThat(i.name()).isEqualTo(resolved.name()));
    assertThat(cache.incident("no-such-id")).isEmpty();
  }

  @Test
  @DisplayName("A failed read marks the cached summary stale with its time; the next good read makes it fresh")
  void failedReadsMarkTheCacheStale() {
    serveRed();
    poller.tick();
    Instant firstRead = clock.instant();
    page.serveSummary(Response.status(503));

    clock.advance(POLL);
    Duration backoff = poller.tick();
    StatusSnapshot stale = cache.peek();

    assertThat(stale.fresh()).isFalse();
    assertThat(stale.asOf()).contains(firstRead);
    assertThat(stale.problem()).hasValueSatisfying(p -> assertThat(p).contains("HTTP 503"));
    assertThat(page.requestCount(FakeStatusPage.INCIDENTS)).as("no incidents read after a failed summary").isEqualTo(1);
    assertThat(poller.latest().orElseThrow().readAt()).isEqualTo(firstRead);
    assertThat(backoff).isEqualTo(POLL.multipliedBy(1));

    serveRed();
    clock.advance(backoff);
    backoff = poller.tick();
    clock.advance(backoff);
    poller.tick();

    assertThat(cache.peek().fresh()).isTrue();
    cacheFetches.runAll();
    assertThat(cache.peek().asOf()).contains(clock.instant());
    assertThat(page.requestCount(FakeStatusPage.SUMMARY)).as("four reads, none of the cache's own").isEqualTo(4);
  }

  @Test
  @DisplayName("A listener's wish brings the next round sooner, and readSoon reads then though no read is due")
  void listenersSetTheNextRound() {
    serveRed();
    poller.follow(round -> round.at().plusSeconds(5));
    assertThat(poller.tick()).isEqualTo(Duration.ofSeconds(5));
    clock.advance(Duration.ofSeconds(5));
    assertThat(poller.tick()).isEqualTo(Duration.ofSeconds(5));
    assertThat(page.requestCount(FakeStatusPage.SUMMARY)).as("not due yet").isEqualTo(1);

    poller.readSoon();
    clock.advance(Duration.ofSeconds(5));
    poller.tick();

    assertThat(page.requestCount(FakeStatusPage.SUMMARY)).isEqualTo(2);
    assertThat(cache.peek().asOf()).contains(clock.instant());
  }

  @Test
  @DisplayName("A cold read before the first poll still fetches the summary itself, as it always did")
  void coldReadFetchesItself() {
    serveRed();
    CachingStatusSource inline = new CachingStatusSource(reads, POLL, Duration.ofSeconds(2), clock, Runnable::run);

    assertThat(inline.current().summary()).contains(StatusFixtures.redSummary());
    assertThat(page.requestCount(FakeStatusPage.SUMMARY)).isEqualTo(1);
  }

  @Test
  @DisplayName("Jitter shortens each wait by at most a fifth and never lengthens it")
  void jitter() {
    assertThat(new PollSchedule(POLL, () -> 0.0).jittered(POLL)).isEqualTo(POLL);
    assertThat(new PollSchedule(POLL, () -> 0.999_999_999).jittered(POLL))
        .isBetween(Duration.ofSeconds(24), Duration.ofMillis(24_001));
    assertThat(new PollSchedule(Duration.ofHours(1), () -> 0.5).backoff()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  @DisplayName("Pokes bring a read at once, join the one waiting, and bring at most one extra read per spacing however many come")
  void pokesAreCoalescedAndSpaced() {
    page.serveSummary(Response.json(StatusFixtures.greenSummaryJson()));
    page.serveIncidents(Response.json("{\"page\":{},\"incidents\":[]}"));
    Instant start = clock.instant();
    poller.tick();
    assertThat(page.requestCount(FakeStatusPage.SUMMARY)).as("the first poll").isEqualTo(1);

    assertThat(poller.poke()).isEqualTo(Poke.NOW);
    assertThat(poller.poke()).as("a second poke before the read joins the first").isEqualTo(Poke.JOINED);
    assertThat(poller.tick()).as("after the read, the second look is next").isEqualTo(Pokes.SECOND_LOOK);
    assertThat(page.requestCount(FakeStatusPage.SUMMARY)).as("one read for both pokes").isEqualTo(2);

    assertThat(poller.poke()).as("the last poked read is that recent").isEqualTo(Poke.LATER);
    assertThat(poller.tick()).as("the next round comes when the spacing ends").isEqualTo(StatusPoller.POKE_SPACING);
    assertThat(page.requestCount(FakeStatusPage.SUMMARY)).as("not before the spacing ends").isEqualTo(2);

    for (int second = 1; second < 20; second++) {
      clock.set(start.plusSeconds(second));
      for (int i = 0; i < 10; i++) {
        poller.poke();
      }
      poller.tick();
    }
    assertThat(page.requestCount(FakeStatusPage.SUMMARY))
        .as("190 pokes in 19 s: the first poll, the read at once, then one each 5 s").isEqualTo(2 + 3);
    assertThat(poller.latest().orElseThrow().readAt()).isEqualTo(start.plusSeconds(15));
    for (int second = 20; second <= 40; second++) {
      clock.set(start.plusSeconds(second));
      poller.tick();
    }
    assertThat(page.requestCount(FakeStatusPage.SUMMARY))
        .as("then the read the last pokes asked for, and the second look 10 s after the last").isEqualTo(5 + 2);
    assertThat(poller.latest().orElseThrow().readAt()).isEqualTo(start.plusSeconds(19).plus(Pokes.SECOND_LOOK));
  }

  @Test
  @DisplayName("A poke whose read gets a copy from before the change (the API's cache) sees it in the second look,"
      + " 10 s after the poke, and brings no more reads")
  void secondLookAfterAPoke() {
    page.serveSummary(Response.json(StatusFixtures.greenSummaryJson()));
    page.serveIncidents(Response.json("{\"page\":{},\"incidents\":[]}"));
    Instant start = clock.instant();
    poller.tick();
    assertThat(poller.poke()).isEqualTo(Poke.NOW);
    poller.tick();
    assertThat(poller.latest().orElseThrow().anyIncidentOpen()).as("the copy the poke's read got").isFalse();

    serveRed(); // the API's copy catches up with the change behind the poke
    clock.set(start.plus(Pokes.SECOND_LOOK).minusMillis(1));
    poller.tick();
    assertThat(page.requestCount(FakeStatusPage.SUMMARY)).as("not before the second look").isEqualTo(2);
    clock.set(start.plus(Pokes.SECOND_LOOK));
    Duration next = poller.tick();
    assertThat(page.requestCount(FakeStatusPage.SUMMARY)).isEqualTo(3);
    assertThat(poller.latest().orElseThrow().anyIncidentOpen()).as("the second look sees the change").isTrue();
    assertThat(next).as("then the poll, half the interval while an incident is open").isEqualTo(POLL.dividedBy(2));
  }

  @Test
  @DisplayName("A poll made by the second look answers it; one made before does not; a flood of pokes schedules one"
      + " round at a time")
  void secondLookAnsweredAndRoundsNotPiledUp() {
    Instant t = StatusFixtures.RED_AT;
    Pokes pokes = new Pokes();
    assertThat(pokes.ask(t)).isEqualTo(Poke.NOW);
    assertThat(pokes.roundToSchedule()).contains(t);
    assertThat(pokes.ask(t.plusMillis(10))).isEqualTo(Poke.JOINED);
    assertThat(pokes.roundToSchedule()).as("the round scheduled comes sooner").isEmpty();
    pokes.roundRuns(t);
    pokes.read(t, true);
    assertThat(pokes.waiting()).contains(t.plusMillis(10).plus(Pokes.SECOND_LOOK));
    pokes.read(t.plusSeconds(3), false); // a poll: too soon to be sure of the change
    Instant look = t.plusMillis(10).plus(Pokes.SECOND_LOOK);
    assertThat(pokes.roundToSchedule()).contains(look);
    pokes.roundRuns(look);
    pokes.read(look, true);
    assertThat(pokes.waiting()).isEmpty();
    assertThat(pokes.ask(look.plusSeconds(1))).as("the second look's read starts a spacing").isEqualTo(Poke.LATER);

    Pokes polled = new Pokes();
    polled.ask(t);
    polled.read(t, true);
    polled.read(t.plus(Pokes.SECOND_LOOK), false);
    assertThat(polled.waiting()).as("a poll at the second look answers it").isEmpty();
  }
}
