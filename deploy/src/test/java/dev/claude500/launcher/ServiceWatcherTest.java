package dev.claude500.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.chat.ConversationKey;
import dev.claude500.incidents.IncidentWatcher;
import dev.claude500.status.StatusSnapshot;
import dev.claude500.triage.StoredConversation;
import dev.claude500.testing.FakeStatusPage;
import dev.claude500.testing.MutableClock;
import dev.claude500.testing.StatusFixtures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ServiceWatcherTest {
  @Test
  @DisplayName("Service mode starts the incident watcher, which polls at once and gives its lease up on stop")
  void watcherRunsWithTheService() throws Exception {
    try (FakeStatusPage page = FakeStatusPage.start()) {
      Settings settings = settings(page);
      try (Core core = Core.build(settings, Clock.systemUTC())) {
        Service service = Service.start(core);
        try {
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
          awaitLease(core, deadline);
          assertThat(core.store.leases().find(IncidentWatcher.LEASE)).isPresent();
          while (page.requestCount(FakeStatusPage.INCIDENTS) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
          }
          assertThat(page.requestCount(FakeStatusPage.INCIDENTS)).isPositive();
        } finally {
          service.stop();
        }
        assertThat(core.store.leases().find(IncidentWatcher.LEASE)).isEmpty();
      }
    }
  }

  @Test
  @DisplayName("The service's watcher purges what is older than CLAUDE500_RETENTION, a minute after taking its lease")
  void watcherPurgesWithTheRetentionSet() throws Exception {
    try (FakeStatusPage page = FakeStatusPage.start()) {
      Settings settings = settings(page, "CLAUDE500_POLL_INTERVAL", "1", "CLAUDE500_RETENTION", "2h");
      MutableClock clock = new MutableClock(Instant.now());
      try (Core core = Core.build(settings, clock)) {
        ConversationKey old = ended(core, "old", clock.instant().minus(Duration.ofHours(3)));
        ConversationKey recent = ended(core, "recent", clock.instant().minus(Duration.ofHours(1)));
        Service service = Service.start(core);
        try {
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
          awaitLease(core, deadline);
          clock.advance(Duration.ofMinutes(2));
          while (core.store.conversations().find(old).isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(20);
          }
          assertThat(core.store.conversations().find(old)).as("3 h old, the retention 2 h").isEmpty();
          assertThat(core.store.conversations().find(recent)).isPresent();
        } finally {
          service.stop();
        }
      }
    }
  }

  @Test
  @DisplayName("One poller reads the page for the service: each poll fetches the summary and the incident list once, and the status cache serves that read")
  void onePollerFeedsTheCacheAndTheWatcher() throws Exception {
    try (FakeStatusPage page = FakeStatusPage.start()) {
      Settings settings = settings(page, "CLAUDE500_POLL_INTERVAL", "1");
      page.serveIncidents(FakeStatusPage.Response.json("{\"page\":{},\"incidents\":[]}"));
      MutableClock clock = new MutableClock(Instant.now());
      try (Core core = Core.build(settings, clock)) {
        Service service = Service.start(core);
        try {
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
          for (int poll = 1; poll <= 3; poll++) {
            awaitRequests(page, FakeStatusPage.INCIDENTS, poll, deadline);
            StatusSnapshot seen = core.status.current();
            assertThat(seen.fresh()).isTrue();
            assertThat(seen.asOf()).as("read by poll %d", poll).contains(clock.instant());
            clock.advance(settings.pollInterval());
          }
          awaitRequests(page, FakeStatusPage.INCIDENTS, 4, deadline);
          assertThat(core.store.leases().find(IncidentWatcher.LEASE)).isPresent();
        } finally {
          service.stop();
        }
        assertThat(page.requestCount(FakeStatusPage.INCIDENTS)).as("no read but the four polls").isEqualTo(4);
        assertThat(page.requestCount(FakeStatusPage.SUMMARY)).as("one summary a poll, for the cache and the watcher")
            .isEqualTo(4);
      }
    }
  }

  private static void awaitRequests(FakeStatusPage page, String path, int count, long deadline)
      throws InterruptedException {
    while (page.requestCount(path) < count && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(page.requestCount(path)).as(path).isEqualTo(count);
  }

  /** Returns the settings of a service on an empty store reading {@code page}, which shows two open incidents. */
  private static Settings settings(FakeStatusPage page, String... more) {
    page.serveSummary(FakeStatusPage.Response.json(StatusFixtures.greenSummaryJson()));
    page.serveIncidents(FakeStatusPage.Response.json(StatusFixtures.twoOpenIncidentsJson()));
    Map<String, String> env = new HashMap<>(Map.of(
        "CLAUDE500_DB_URL", "jdbc:h2:mem:service-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
        "CLAUDE500_STATUS_URL", page.baseUrl().toString(),
        "CLAUDE500_HTTP_PORT", "0"));
    for (int i = 0; i < more.length; i += 2) {
      env.put(more[i], more[i + 1]);
    }
    return Settings.fromEnvironment(env);
  }

  private static void awaitLease(Core core, long deadline) throws InterruptedException {
    while (core.store.leases().find(IncidentWatcher.LEASE).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  private static ConversationKey ended(Core core, String thread, Instant at) {
    ConversationKey key = new ConversationKey("slack", "C1", thread);
    core.store.conversations().create(new StoredConversation(key, "{}", 0, false, at));
    return key;
  }
}
