package dev.claude500.incidents;

import static dev.claude500.incidents.Harness.ALL;
import static dev.claude500.incidents.Harness.CODE_ONLY;
import static dev.claude500.incidents.Harness.POLL;
import static dev.claude500.incidents.IncidentWatcherTest.B1;
import static dev.claude500.incidents.IncidentWatcherTest.B2;
import static dev.claude500.incidents.IncidentWatcherTest.b;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.chat.ChatDeliveryException;
import dev.claude500.metrics.BotMetrics;
import dev.claude500.metrics.MeterNames;
import dev.claude500.testing.Watchers;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IncidentMetricsTest {
  private final MeterRegistry registry = new SimpleMeterRegistry();

  @Test
  @DisplayName("Incident posts are counted by platform and result, and a Retry-After as a rate-limit wait")
  void postsAndRateLimitWaits() {
    Harness h = new Harness().subscribe(ALL).subscribe(CODE_ONLY, Pages.CODE);
    h.watcher = Watchers.reading(h.source, h.store, h.ports, h.engine, h.clock, POLL, "replica-1", () -> 0.5,
        IncidentWatcher.DEFAULT_RETENTION, new BotMetrics(registry));
    h.tick();
    AtomicInteger refusals = new AtomicInteger();
    h.slack.failWhen(c -> refusals.getAndIncrement() == 0
        ? Optional.of(ChatDeliveryException.retryable("429", Optional.of(Duration.ofSeconds(7))))
        : Optional.empty());
    h.page.show(b(B1));
    h.tickAfter(POLL);
    h.tickAfter(Duration.ofSeconds(7));
    h.page.show(b(B1, B2));
    h.tickAfter(POLL);

    assertThat(posts("slack", "deferred")).isEqualTo(1);
    assertThat(posts("slack", "posted")).isEqualTo(h.slack.posts().size()).isEqualTo(2);
    assertThat(posts("discord", "posted")).isEqualTo(h.discord.posts().size()).isEqualTo(2);
    assertThat(posts("slack", "edited")).isEqualTo(h.slack.edits().size()).isEqualTo(1);
    Timer waits = registry.get(MeterNames.RATE_LIMIT_WAITS).tag("platform", "slack").timer();
    assertThat(waits.count()).isEqualTo(1);
    assertThat(waits.totalTime(TimeUnit.SECONDS)).isEqualTo(7.0);
  }

  @Test
  @DisplayName("An absurd Retry-After parks the channel for at most five minutes")
  void retryAfterIsBounded() {
    Harness h = new Harness().subscribe(ALL);
    h.tick();
    AtomicInteger refusals = new AtomicInteger();
    h.slack.failWhen(c -> refusals.getAndIncrement() == 0
        ? Optional.of(ChatDeliveryException.retryable("429", Optional.of(Duration.ofDays(365))))
        : Optional.empty());
    h.page.show(b(B1));

    h.tickAfter(POLL);
    h.runFor(Duration.ofMinutes(4).plusSeconds(50));
    assertThat(h.slack.topLevel(ALL)).as("still waiting").isEmpty();
    h.runFor(Duration.ofSeconds(30));

    assertThat(h.slack.topLevel(ALL)).hasSize(1);
  }

  private double posts(String platform, String result) {
    return registry.find(MeterNames.INCIDENT_POSTS).tags("platform", platform, "result", result).counters()
        .stream().mapToDouble(c -> c.count()).sum();
  }
}
