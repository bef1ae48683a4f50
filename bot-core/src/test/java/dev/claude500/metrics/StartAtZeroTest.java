package dev.claude500.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StartAtZeroTest {
  private final MeterRegistry registry = new SimpleMeterRegistry();
  private final BotMetrics metrics = new BotMetrics(registry);
  private final KnownLabels known = new KnownLabels(Set.of("claude-code-500", "team-proxy"),
      Set.of("live incident", "login / OAuth"), Set.of("RESOLVED", "ABANDONED", "none"), Set.of("slack", "discord"));

  private Counter counter(String name, String... tags) {
    Counter c = registry.find(name).tags(tags).counter();
    assertThat(c).as("%s %s", name, String.join(",", tags)).isNotNull();
    return c;
  }

  @Test
  @DisplayName("Every counter is there at zero for every known label before anything is counted")
  void everyKnownSeriesStartsAtZero() {
    assertThat(registry.getMeters()).as("nothing before").isEmpty();
    metrics.startAtZero(known);

    assertThat(counter(MeterNames.TRIAGES_STARTED, "playbook", "team-proxy").count()).isZero();
    assertThat(counter(MeterNames.TRIAGES_BRANCH, "branch", "login / oauth").count()).as("as counted: lower case").isZero();
    assertThat(counter(MeterNames.TRIAGES_ENDED, "outcome", "abandoned").count()).isZero();
    assertThat(counter(MeterNames.TRIAGES_ENDED, "outcome", "none").count()).isZero();
    assertThat(registry.find(MeterNames.TRIAGE_QUESTIONS).summary()).isNotNull();
    for (String platform : known.platforms()) {
      for (String result : KnownLabels.POST_RESULTS) {
        assertThat(counter(MeterNames.INCIDENT_POSTS, "platform", platform, "result", result).count()).isZero();
      }
    }
    assertThat(counter(MeterNames.STATUS_FETCHES, "endpoint", "unresolved", "result", "304").count()).isZero();
    assertThat(counter(MeterNames.STORE_PURGED, "table", "waiting_triage").count()).isZero();
    assertThat(counter(MeterNames.HTTP_CUT, "reason", "headers").count()).isZero();
    assertThat(counter(MeterNames.HTTP_REFUSED, "reason", "late").count()).isZero();
    assertThat(registry.find(MeterNames.WEBHOOK_POKES).counters()).as("the webhook is off until it says").isEmpty();
    assertThat(registry.find(MeterNames.TRIAGES_ENDED).counters()).hasSize(3);
    assertThat(registry.find(MeterNames.INCIDENT_POSTS).counters()).hasSize(2 * KnownLabels.POST_RESULTS.size());
  }

  @Test
  @DisplayName("Counting later adds to the same series, and counts made before are kept")
  void countsGoOnInTheSameSeries() {
    metrics.branchReached("Live Incident");
    metrics.startAtZero(known);
    metrics.branchReached("live incident");
    metrics.triageStarted("claude-code-500");
    metrics.webhookPokesAtZero();
    metrics.webhookPoke("joined");

    assertThat(registry.find(MeterNames.TRIAGES_BRANCH).tag("branch", "live incident").counters()).hasSize(1);
    assertThat(counter(MeterNames.TRIAGES_BRANCH, "branch", "live incident").count()).isEqualTo(2);
    assertThat(counter(MeterNames.TRIAGES_STARTED, "playbook", "claude-code-500").count()).isEqualTo(1);
    assertThat(counter(MeterNames.WEBHOOK_POKES, "result", "now").count()).isZero();
    assertThat(counter(MeterNames.WEBHOOK_POKES, "result", "joined").count()).isEqualTo(1);
  }
}
