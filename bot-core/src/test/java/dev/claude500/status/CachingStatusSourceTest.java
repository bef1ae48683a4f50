package dev.claude500.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.testing.FakeStatusPage;
import dev.claude500.testing.FakeStatusPage.Response;
import dev.claude500.testing.ManualExecutor;
import dev.claude500.testing.MutableClock;
import dev.claude500.testing.StatusFixtures;
import dev.claude500.testing.StatusSources;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CachingStatusSourceTest {
  /** Well under the stalls the tests serve (10 s): an answer this fast did not wait for them. */
  private static final Duration STALL_BOUND = Duration.ofSeconds(5);
  private static final Instant START = Instant.parse("2026-04-15T15:00:00Z");
  private static final Duration PERIOD = Duration.ofSeconds(30);
  private static final Duration SHORT = Duration.ofMillis(300);

  private final FakeStatusPage page = FakeStatusPage.start();
  private final MutableClock clock = new MutableClock(START);
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    page.close();
    threads.shutdownNow();
  }

  private StatusPage client(URI base, Duration timeout) {
    return StatusPage.of(StatusSources.client(List.of(base), SHORT, timeout));
  }

  /** A source whose fetches run on the calling thread: deterministic, time moved by hand. */
  private CachingStatusSource inline() {
    return new CachingStatusSource(client(page.baseUrl(), SHORT), PERIOD, Duration.ofSeconds(2), clock, Runnable::run);
  }

  /** A source whose fetches run on real threads, as in production. */
  private CachingStatusSource threaded(Duration clientTimeout, Duration firstLoadWait) {
    return new CachingStatusSource(client(page.baseUrl(), clientTimeout), PERIOD, firstLoadWait, clock, threads);
  }

  @Test
  void answersAFreshSummaryOnFirstCall() {
    page.serveSummary(Response.json(StatusFixtures.redSummaryJson()));
    CachingStatusSource source = inline();

    StatusSnapshot snapshot = source.current();

    assertThat(snapshot.fresh()).isTrue();
    assertThat(snapshot.asOf()).contains(START);
    assertThat(snapshot.problem()).isEmpty();
    assertThat(snapshot.summary()).contains(StatusFixtures.redSummary());
    assertThat(source.peek()).isEqualTo(snapshot);
    assertThat(page.requestCount(FakeStatusPage.SUMMARY)).isEqualTo(1);
  }

  @Test
  void fiftyConcurrentCallersShareOneFetch() throws Exception {
    page.serveSummary(Response.json(StatusFixtures.redSummaryJson()).withDelay(Duration.ofMillis(300)));
    CachingStatusSource source = threaded(Duration.ofSeconds(2), Duration.ofSeconds(3));
    ExecutorService callers = Executors.newFixedThreadPool(50);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<StatusSnapshot>> answers = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        answers.add(callers.submit(() -> {
          go.await();
          return source.current();
        }));
      }
      go.countDown();
      for (Future<StatusSnapshot> answer : answers) {
        assertThat(answer.get(5, TimeUnit.SECONDS).fresh()).isTrue();
      }
    } finally {
      callers.shutdownNow();
    }
    assertThat(page.requestCount(FakeStatusPage.SUMMARY)).isEqualTo(1);
  }

  @Test
  void refreshesInTheBackgroundOnceThePeriodHasPassed() {
    page.serveSummary(Response.json(StatusFixtures.redSummaryJson()));
    ManualExecutor background = new ManualExecutor();
    CachingStatusSource source =
        new CachingStatusSource(client(page.baseUrl(), SHORT), PERIOD, Duration.ofSeconds(2), clock, background);
    source.peek();
    background.runAll();
    assertThat(source.current().summary()).contains(StatusFixtures.redSummary());
    page.serveSummary(Response.json(StatusFixtures.greenSummaryJson()));

    clock.advance(Duration.ofSeconds(29));
    assertThat(source.current().summary()).contains(StatusFixtures.redSummary());
    background.runAll();
    assertThat(page.requestCount(FakeStatusPage.SUMMARY)).isEqualTo(1);

    clock.advance(Duration.ofSeconds(2));
    StatusSnapshot whileRefreshing = source.current();
    assertThat(whileRefreshing.summary()).contains(StatusFixtures.redSummary());
    assertThat(whileRefreshing.asOf()).contains(START);
    assertThat(page.requestCount(FakeStatusPage.SUMMARY)).isEqualTo(1);

    background.runAll();
    StatusSnapshot after = source.current();

    assertThat(page.requestCount(FakeStatusPage.SUMMARY)).isEqualTo(2);
    assertThat(after.summary()).contains(StatusFixtures.greenSummary());
    assertThat(after.asOf()).contains(START.plusSeconds(31));
    assertThat(after.fresh()).isTrue();
  }

  @Test
  void countsNotModifiedAsFreshAndKeepsTheSummary() {
    page.serveSummary(Response.json(StatusFixtures.redSummaryJson()).withEtag("W/\"red\""));
    CachingStatusSource source = inline();
    StatusSnapshot first = source.current();

    clock.advance(PERIOD.plusSeconds(1));
    source.current();
    StatusSnapshot after = source.current();

    assertThat(page.lastRequest(FakeStatusPage.SUMMARY).orElseThrow().header("If-None-Match")).contains("W/\"red\"");
    assertThat(after.fresh()).isTrue();
    assertThat(after.summary()).isEqualTo(first.summary());
    assertThat(after.asOf()).contains(START.plus(PERIOD).plusSeconds(1));
  }

  static Stream<Arguments> brokenAnswers() {
    return Stream.of(
        Arguments.of("a 503", Response.text(503, "Service Unavailable"), "HTTP 503"),
        Arguments.of("an HTML challenge", Response.challengePage(), "HTML"),
        Arguments.of("truncated JSON", Response.json(StatusFixtures.redSummaryJson()).truncatedTo(700), "invalid JSON"),
        Arguments.of("garbage", Response.json("}}not json at all{{"), "invalid JSON"),
        Arguments.of("a 304 without an ETag to answer", Response.status(304), "HTTP 304 though no If-None-Match was sent"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenAnswers")
  void servesTheLastGoodSummaryAsStaleWhenThePageBreaks(String what, Response broken, String reason) {
    page.serveSummary(Response.json(StatusFixtures.redSummaryJson()));
    CachingStatusSource source = inline();
    source.current();
    page.serveSummary(broken);

    clock.advance(PERIOD.plusSeconds(1));
    source.current();
    StatusSnapshot stale = source.current();

    assertThat(stale.fresh()).isFalse();
    assertThat(stale.asOf()).contains(START);
    assertThat(stale.summary()).contains(StatusFixtures.redSummary());
    assertThat(stale.problem()).hasValueSatisfying(p -> assertThat(p).contains(reason));
    assertThat(source.peek()).isEqualTo(stale);
  }

  @Test
  void staysStaleWithItsOriginalTimeAcrossFailuresAndRecovers() {
    page.serveSummary(Response.json(StatusFixtures.redSummaryJson()));
    CachingStatusSource source = inline();
    source.current();
    page.serveSummary(Response.status(500));
    for (int i = 0; i < 3; i++) {
      clock.advance(PERIOD.plusSeconds(1));
      source.current();
    }
    assertThat(source.current().asOf()).contains(START);
    assertThat(source.current().fresh()).isFalse();

    page.serveSummary(Response.json(StatusFixtures.greenSummaryJson()));
    clock.advance(PERIOD.plusSeconds(1));
    source.current();

    assertThat(source.current().fresh()).isTrue();
    assertThat(source.current().summary()).contains(StatusFixtures.greenSummary());
  }

  @Test
  void answersQuicklyAndThenStaleWhenThePageStalls() throws Exception {
    page.serveSummary(Response.json(StatusFixtures.redSummaryJson()));
    // the first read may take a while on a busy machine; what is measured below is the stalled one
    CachingStatusSource source = threaded(SHORT, Duration.ofSeconds(10));
    assertThat(source.current().isKnown()).isTrue();
    page.serveSummary(Response.json(StatusFixtures.greenSummaryJson()).withDelay(Duration.ofSeconds(10)));
    clock.advance(PERIOD.plusSeconds(1));

    long start = System.nanoTime();
    StatusSnapshot duringRefresh = source.current();
    // bounds well under the page's 10 s stall: the answer did not wait for it (a busy machine's
    // scheduling can take a second or two; waiting would take ten)
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(STALL_BOUND);
    assertThat(duringRefresh.summary()).contains(StatusFixtures.redSummary());

    StatusSnapshot afterTimeout = source.refresh().get(10, TimeUnit.SECONDS);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(STALL_BOUND);
    assertThat(afterTimeout.fresh()).isFalse();
    assertThat(afterTimeout.asOf()).contains(START);
    assertThat(afterTimeout.problem()).hasValueSatisfying(p -> assertThat(p).contains("300 ms"));
    // Caffeine installs the outcome just after the refresh's future completes.
    assertThat(awaitSnapshot(source, s -> !s.fresh())).isEqualTo(afterTimeout);
  }

  @Test
  void answersUnknownWhenTheFirstAnswerIsA304WithoutABody() {
    page.serveSummary(Response.status(304).withEtag("\"v1\""));
    CachingStatusSource source = inline();

    StatusSnapshot snapshot = source.current();

    assertThat(snapshot.isKnown()).isFalse();
    assertThat(snapshot.asOf()).isEmpty();
    assertThat(snapshot.problem()).hasValueSatisfying(p -> assertThat(p).contains("304"));
    assertThat(page.lastRequest(FakeStatusPage.SUMMARY).orElseThrow().header("If-None-Match")).isEmpty();
  }

  @Test
  void answersUnknownWhenThePageWasNeverReached() {
    URI closed;
    try (FakeStatusPage gone = FakeStatusPage.start()) {
      closed = gone.baseUrl();
    }
    CachingStatusSource source =
        new CachingStatusSource(client(closed, SHORT), PERIOD, Duration.ofSeconds(2), clock, Runnable::run);

    StatusSnapshot snapshot = source.current();

    assertThat(snapshot.isKnown()).isFalse();
    assertThat(snapshot.asOf()).isEmpty();
    assertThat(snapshot.fresh()).isFalse();
    assertThat(snapshot.problem()).hasValueSatisfying(p -> assertThat(p).contains("refused"));
  }

  @Test
  void answersUnknownQuicklyWhenTheFirstFetchStalls() {
    page.serveSummary(Response.json(StatusFixtures.redSummaryJson()).withDelay(Duration.ofSeconds(10)));
    CachingStatusSource source = threaded(SHORT, Duration.ofSeconds(2));

    long start = System.nanoTime();
    StatusSnapshot snapshot = source.current();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(STALL_BOUND);
    assertThat(snapshot.isKnown()).isFalse();
    assertThat(snapshot.problem()).hasValueSatisfying(p -> assertThat(p).contains("300 ms"));
  }

  @Test
  void waitsNoLongerThanTheFirstLoadWait() {
    page.serveSummary(Response.json(StatusFixtures.redSummaryJson()).withDelay(Duration.ofSeconds(10)));
    CachingStatusSource source = threaded(Duration.ofSeconds(5), Duration.ofMillis(200));

    long start = System.nanoTime();
    StatusSnapshot snapshot = source.current();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(STALL_BOUND);
    assertThat(snapshot.isKnown()).isFalse();
    assertThat(snapshot.problem()).hasValueSatisfying(p -> assertThat(p).contains("200 ms"));
  }

  @Test
  void peekNeverWaitsAndStartsTheFirstFetch() throws Exception {
    page.serveSummary(Response.json(StatusFixtures.redSummaryJson()).withDelay(Duration.ofMillis(2_500)));
    CachingStatusSource source = threaded(Duration.ofSeconds(5), Duration.ofSeconds(2));

    long start = System.nanoTime();
    StatusSnapshot first = source.peek();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("did not wait for the 2.5 s fetch")
        .isLessThan(Duration.ofMillis(1_500));
    assertThat(first.isKnown()).isFalse();

    assertThat(awaitSnapshot(source, StatusSnapshot::isKnown).fresh()).isTrue();
    assertThat(page.requestCount(FakeStatusPage.SUMMARY)).isEqualTo(1);
  }

  @Test
  void refreshesOnRequest() {
    page.serveSummary(Response.json(StatusFixtures.redSummaryJson()));
    CachingStatusSource source = inline();
    source.current();
    page.serveSummary(Response.json(StatusFixtures.greenSummaryJson()));
    clock.advance(Duration.ofSeconds(5));

    StatusSnapshot refreshed = source.refresh().join();

    assertThat(refreshed.summary()).contains(StatusFixtures.greenSummary());
    assertThat(refreshed.asOf()).contains(START.plusSeconds(5));
    assertThat(source.peek()).isEqualTo(refreshed);
  }

  @Test
  void retriesAfterTheFirstFetchFailed() {
    page.serveSummary(Response.status(503));
    CachingStatusSource source = inline();
    assertThat(source.current().isKnown()).isFalse();

    page.serveSummary(Response.json(StatusFixtures.redSummaryJson()));
    clock.advance(PERIOD.plusSeconds(1));
    source.current();

    assertThat(source.current().fresh()).isTrue();
    assertThat(source.current().asOf()).contains(START.plus(PERIOD).plusSeconds(1));
  }

  @Test
  void aRecordedReadCountsAsFreshAndPutsOffTheCachesOwnRefreshOnTheInjectedClock() {
    page.serveSummary(Response.json(StatusFixtures.greenSummaryJson()));
    ManualExecutor background = new ManualExecutor();
    CachingStatusSource source =
        new CachingStatusSource(client(page.baseUrl(), SHORT), PERIOD, Duration.ofSeconds(2), clock, background);

    StatusSnapshot recorded = source.record(new FetchResult.Fetched<>(StatusFixtures.redSummary(), page.baseUrl()));
    assertThat(recorded.fresh()).isTrue();
    assertThat(recorded.asOf()).contains(START);
    assertThat(source.peek()).isEqualTo(recorded);

    clock.advance(PERIOD.minusSeconds(1));
    source.record(new FetchResult.NotModified<>(StatusFixtures.redSummary(), page.baseUrl()));
    clock.advance(PERIOD.minusSeconds(1));
    assertThat(source.current().asOf()).contains(START.plus(PERIOD).minusSeconds(1));
    background.runAll();
    assertThat(page.requestCount(FakeStatusPage.SUMMARY)).as("fed within the period: no fetch").isZero();

    clock.advance(Duration.ofSeconds(2));
    assertThat(source.current().summary()).as("past the period: answers at once with what it has")
        .contains(StatusFixtures.redSummary());
    background.runAll();
    assertThat(page.requestCount(FakeStatusPage.SUMMARY)).as("nobody fed it for a period: it fetches").isEqualTo(1);
    assertThat(source.peek().summary()).contains(StatusFixtures.greenSummary());
    assertThat(source.peek().asOf()).contains(clock.instant());
  }

  @Test
  void aRecordedFailureMarksTheLastGoodSummaryStaleWithItsTime() {
    CachingStatusSource source = inline();
    source.record(new FetchResult.Fetched<>(StatusFixtures.redSummary(), page.baseUrl()));
    clock.advance(Duration.ofSeconds(10));

    StatusSnapshot stale = source.record(new FetchResult.Failed<>("HTTP 502"));

    assertThat(stale.fresh()).isFalse();
    assertThat(stale.asOf()).contains(START);
    assertThat(stale.summary()).contains(StatusFixtures.redSummary());
    assertThat(stale.problem()).contains("HTTP 502");
    assertThat(source.peek()).isEqualTo(stale);
    assertThat(page.requestCount(FakeStatusPage.SUMMARY)).isZero();
  }

  @Test
  void aRecordedFailureLeavesAColdReadsFetchToAnswer() {
    page.serveSummary(Response.json(StatusFixtures.redSummaryJson()));
    ManualExecutor background = new ManualExecutor();
    CachingStatusSource source =
        new CachingStatusSource(client(page.baseUrl(), SHORT), PERIOD, Duration.ofSeconds(2), clock, background);
    assertThat(source.peek().isKnown()).isFalse();

    source.record(new FetchResult.Failed<>("connection refused or unreachable"));
    assertThat(source.peek().problem()).contains("the status page has not answered yet");
    background.runAll();

    assertThat(source.peek().fresh()).isTrue();
    assertThat(source.peek().summary()).contains(StatusFixtures.redSummary());
  }

  @Test
  void aRecordedSummaryAnswersAColdReadStillWaitingOnItsFetch() {
    page.serveSummary(Response.json(StatusFixtures.greenSummaryJson()));
    ManualExecutor background = new ManualExecutor();
    CachingStatusSource source =
        new CachingStatusSource(client(page.baseUrl(), SHORT), PERIOD, Duration.ofSeconds(2), clock, background);
    assertThat(source.peek().isKnown()).isFalse();

    source.record(new FetchResult.Fetched<>(StatusFixtures.redSummary(), page.baseUrl()));
    assertThat(source.peek().summary()).contains(StatusFixtures.redSummary());
    background.runAll();

    assertThat(source.peek().summary()).as("the older fetch does not overwrite the read recorded")
        .contains(StatusFixtures.redSummary());
  }

  /** Polls {@link CachingStatusSource#peek()} until the snapshot matches, for at most 3 s. */
  private static StatusSnapshot awaitSnapshot(CachingStatusSource source, Predicate<StatusSnapshot> wanted)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    StatusSnapshot snapshot = source.peek();
    while (!wanted.test(snapshot) && System.nanoTime() < deadline) {
      Thread.sleep(10);
      snapshot = source.peek();
    }
    return snapshot;
  }
}
