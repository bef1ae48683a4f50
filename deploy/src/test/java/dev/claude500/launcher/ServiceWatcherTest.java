package dev.claude500.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.incidents.IncidentWatcher;
import dev.claude500.testing.FakeStatusPage;
import dev.claude500.testing.StatusFixtures;
import java.time.Clock;
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
      page.serveSummary(FakeStatusPage.Response.json(StatusFixtures.greenSummaryJson()));
      page.serveIncidents(FakeStatusPage.Response.json(StatusFixtures.twoOpenIncidentsJson()));
      Settings settings = Settings.fromEnvironment(Map.of(
          "CLAUDE500_DB_URL", "jdbc:h2:mem:service-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
          "CLAUDE500_STATUS_URL", page.baseUrl().toString(),
          "CLAUDE500_HTTP_PORT", "0"));
      try (Core core = Core.build(settings, Clock.systemUTC())) {
        Service service = Service.start(core);
        try {
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
          while (core.store.leases().find(IncidentWatcher.LEASE).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
          }
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
}
