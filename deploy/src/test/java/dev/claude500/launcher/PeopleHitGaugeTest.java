package dev.claude500.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.metrics.BotMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The gauge of people hit per open incident, as a Prometheus scrape shows it (the name the README gives). */
class PeopleHitGaugeTest {
  @Test
  @DisplayName("The gauge shows each open incident named last; an incident no longer named leaves it")
  void openIncidentsOnly() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    BotMetrics metrics = new BotMetrics(registry);

    metrics.peopleHit(Map.of("abc123", 3, "def456", 0));
    assertThat(registry.scrape())
        .contains("claude500_incident_people_hit{incident=\"abc123\"} 3.0")
        .contains("claude500_incident_people_hit{incident=\"def456\"} 0.0");

    metrics.peopleHit(Map.of("def456", 1));
    assertThat(registry.scrape()).doesNotContain("abc123")
        .contains("claude500_incident_people_hit{incident=\"def456\"} 1.0");
  }
}
