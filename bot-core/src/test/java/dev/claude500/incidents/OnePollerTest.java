package dev.claude500.incidents;

import static dev.claude500.incidents.Harness.ALL;
import static dev.claude500.incidents.Harness.POLL;
import static dev.claude500.incidents.IncidentWatcherTest.B1;
import static dev.claude500.incidents.IncidentWatcherTest.b;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.metrics.BotMetrics;
import dev.claude500.status.CachingStatusSource;
import dev.claude500.status.StatusPage;
import dev.claude500.status.StatusPoller;
import dev.claude500.status.StatusSnapshot;
import dev.claude500.status.StatuspageClient;
import dev.claude500.store.InMemoryStore;
import dev.claude500.testing.FakeStatusPage;
import dev.claude500.testing.FakeStatusPage.Response;
import dev.claude500.testing.ManualExecutor;
import dev.claude500.testing.StatusFixtures;
import dev.claude500.testing.StatusSources;
import dev.claude500.testing.Watchers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** One poller per process: its reads feed both the status cache and the incident watcher. */
class OnePollerTest {
  /** A replica: its poller, the cache it feeds, and the watcher that follows it. */
  record Replica(StatusPoller poller, CachingStatusSource cache, ManualExecutor cacheWork, IncidentWatcher watcher) {
    static Replica on(Harness h, StatusPage page, String name) {
      ManualExecutor cacheWork = new ManualExecutor();
      CachingStatusSource cache = new CachingStatusSource(page, POLL.multipliedBy(2), Duration.ofSeconds(2), h.clock,
          cacheWork);
      StatusPoller poller = new StatusPoller(page, cache, h.clock, POLL, () -> 0.0);
      IncidentWatcher watcher = new IncidentWatcher(poller, h.store, Watchers.outbox(h.store, h.ports, h.clock), h.engine, h.clock, name,
          IncidentWatcher.DEFAULT_RETENTION, BotMetrics.none());
      return new Replica(poller, cache, cacheWork, watcher);
    }

    /** Reads the cache as {@code /claude500 status} and the triage do, and runs what that started. */
    StatusSnapshot status() {
      StatusSnapshot seen = cache.current();
      cacheWork.runAll();
      return seen;
    }
  }

  @Test
  @DisplayName("One read per poll on the real page feeds the watcher's posts and the status cache: one request each, not two")
  void onePollFeedsBoth() {
    try (FakeStatusPage page = FakeStatusPage.start()) {
      page.serveSummary(Response.json(StatusFixtures.greenSummaryJson()).withEtag("\"green\""));
      page.serveIncidents(Response.json("{\"page\":{},\"incidents\":[]}").withEtag("\"none\""));
      Harness h = new Harness(new InMemoryStore(), StatusFixtures.RED_AT.minus(POLL.multipliedBy(4)));
      h.subscribe(ALL);
      StatusPage reads = StatusPage.of(
          StatusSources.client(List.of(page.baseUrl()), Duration.ofMillis(500), Duration.ofSeconds(2)));
      Replica replica = Replica.on(h, reads, "one");

      int polls = 0;
      Instant end = StatusFixtures.RED_AT.plus(POLL.multipliedBy(4));
      boolean red = false;
      while (h.clock.instant().isBefore(end)) {
        if (!red && !h.clock.instant().isBefore(StatusFixtures.RED_AT)) {
          page.serveSummary(Response.json(StatusFixtures.redSummaryJson()).withEtag("\"red\""));
          page.serveIncidents(Response.json(StatusFixtures.redIncidentsJson()).withEtag("\"red-list\""));
          red = true;
        }
        int before = page.requestCount(FakeStatusPage.SUMMARY);
        Duration next = replica.watcher().tick();
        polls += page.requestCount(FakeStatusPage.SUMMARY) - before;
        assertThat(replica.status().asOf()).contains(replica.poller().latest().orElseThrow().readAt());
        h.clock.advance(next);
      }

      assertThat(polls).as("green every interval, then an open incident every half interval").isEqualTo(4 + 8);
      assertThat(page.requestCount(FakeStatusPage.SUMMARY)).as("the cache fetched nothing of its own").isEqualTo(polls);
      assertThat(page.requestCount(FakeStatusPage.INCIDENTS)).isEqualTo(polls);
      assertThat(h.slack.topLevel(ALL)).singleElement().satisfies(p -> assertThat(p.text()).contains("Elevated errors"));
      assertThat(replica.status().summary()).contains(StatusFixtures.redSummary());
    }
  }

  @Test
  @DisplayName("A replica that does not hold the lease posts nothing, and its status cache stays fresh from its own poller")
  void standbyCacheStaysFresh() {
    Harness h = new Harness().subscribe(ALL);
    Replica holder = Replica.on(h, h.page, "holder");
    Replica standby = Replica.on(h, h.page, "standby");
    holder.watcher().tick();
    standby.watcher().tick();
    assertThat(holder.watcher().holdsLease()).isTrue();
    assertThat(standby.watcher().holdsLease()).isFalse();

    h.page.show(b(B1));
    for (int round = 0; round < 6; round++) {
      h.clock.advance(POLL);
      holder.watcher().tick();
      standby.watcher().tick();
    }

    assertThat(standby.watcher().holdsLease()).isFalse();
    StatusSnapshot seen = standby.status();
    assertThat(seen.fresh()).isTrue();
    assertThat(seen.asOf()).contains(h.clock.instant());
    assertThat(seen.summary().orElseThrow().incidents()).extracting(i -> i.id()).containsExactly("B");
    assertThat(h.page.reads()).as("each replica reads once a round; neither cache fetched").isEqualTo(2 * 7);
    assertThat(h.slack.topLevel(ALL)).as("posted once, by the holder").hasSize(1);
  }
}
