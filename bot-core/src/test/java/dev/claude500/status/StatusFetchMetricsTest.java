package dev.claude500.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.metrics.BotMetrics;
import dev.claude500.metrics.MeterNames;
import dev.claude500.testing.FakeStatusPage;
import dev.claude500.testing.FakeStatusPage.Response;
import dev.claude500.testing.MutableClock;
import dev.claude500.testing.StatusFixtures;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StatusFetchMetricsTest {
  // generous: the fake page answers at once, and a busy machine must not turn a slow answer into an error
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final FakeStatusPage page = FakeStatusPage.start();
  private final MeterRegistry registry = new SimpleMeterRegistry();
  private final BotMetrics metrics = new BotMetrics(registry);

  @AfterEach
  void stop() {
    page.close();
  }

  @Test
  @DisplayName("Each attempt at the page is counted by its result: 200, 304 or error")
  void fetchesByResult() {
    StatuspageClient client = new StatuspageClient(List.of(page.baseUrl()), TIMEOUT, TIMEOUT,
        StatuspageClient.DEFAULT_MAX_BODY_BYTES, metrics);
    page.serveSummary(Response.json(StatusFixtures.greenSummaryJson()).withEtag("\"g\""));
    client.fetchSummary();
    client.fetchSummary();
    client.fetchSummary();
    page.serveSummary(Response.status(503));
    client.fetchSummary();
    page.serveUnresolved(Response.html("<html>challenge</html>"));
    client.fetchUnresolvedIncidents();

    assertThat(fetches("summary", "200")).isEqualTo(1);
    assertThat(fetches("summary", "304")).isEqualTo(2);
    assertThat(fetches("summary", "error")).isEqualTo(1);
    assertThat(fetches("unresolved", "error")).isEqualTo(1);
  }

  @Test
  @DisplayName("The age of the cached status is a gauge: NaN before the first answer, then seconds since it")
  void ageOfTheCachedStatus() {
    MutableClock clock = new MutableClock(StatusFixtures.GREEN_AT);
    page.serveSummary(Response.json(StatusFixtures.greenSummaryJson()));
    StatusPage reads = StatusPage.of(new StatuspageClient(List.of(page.baseUrl()), TIMEOUT, TIMEOUT,
        StatuspageClient.DEFAULT_MAX_BODY_BYTES, BotMetrics.none()));
    CachingStatusSource status = new CachingStatusSource(reads,
        Duration.ofSeconds(30), TIMEOUT, clock, Runnable::run);
    metrics.statusAge(status::asOf, clock);
    assertThat(registry.get(MeterNames.STATUS_AGE).gauge().value()).isNaN();
    assertThat(page.totalRequests()).as("reading the gauge fetches nothing").isZero();

    Instant fetchedAt = status.refresh().join().asOf().orElseThrow();
    clock.set(fetchedAt.plusSeconds(42));

    assertThat(registry.get(MeterNames.STATUS_AGE).gauge().value()).isEqualTo(42.0);
  }

  private double fetches(String endpoint, String result) {
    return registry.get(MeterNames.STATUS_FETCHES).tags("endpoint", endpoint, "result", result).counter().count();
  }
}
