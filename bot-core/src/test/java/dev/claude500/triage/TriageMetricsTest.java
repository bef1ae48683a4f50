package dev.claude500.triage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.chat.Reply;
import dev.claude500.metrics.BotMetrics;
import dev.claude500.metrics.MeterNames;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TriageMetricsTest {
  private final MeterRegistry registry = new SimpleMeterRegistry();
  private final BotMetrics metrics = new BotMetrics(registry);

  @Test
  @DisplayName("A triage is counted when it starts, at the branch it reaches, and by how it ends")
  void startBranchAndOutcome() {
    TriageHarness h = TriageEngineTest.red();
    TriageEngine engine = h.engineWith(metrics);

    TriageResult started = engine.start(h.key, TriageHarness.ALICE, TriageEngineTest.ERROR_500);
    String token = ((Reply.Question) started.replies().get(started.replies().size() - 1)).token();
    engine.answer(h.key, TriageHarness.ALICE, token, "works");
    engine.answer(h.key, TriageHarness.BOB, token, "works");

    assertThat(count(MeterNames.TRIAGES_STARTED, "playbook", "claude-code-500")).isEqualTo(1);
    assertThat(count(MeterNames.TRIAGES_BRANCH, "branch", "live incident")).isEqualTo(1);
    assertThat(count(MeterNames.TRIAGES_ENDED, "outcome", "resolved")).isEqualTo(1);
    DistributionSummary questions = registry.get(MeterNames.TRIAGE_QUESTIONS).summary();
    assertThat(questions.count()).isEqualTo(1);
    assertThat(questions.totalAmount()).isEqualTo(h.engine.find(h.key).orElseThrow().questions());
  }

  @Test
  @DisplayName("A triage nobody answers is counted abandoned; a repeated start is not counted")
  void abandonedAndRepeatedStart() {
    TriageHarness h = TriageEngineTest.green();
    TriageEngine engine = h.engineWith(metrics);
    engine.start(h.key, TriageHarness.ALICE, "");
    engine.start(h.key, TriageHarness.ALICE, "");

    h.clock.advance(Duration.ofHours(1));
    assertThat(engine.expireIdle()).hasSize(1);

    assertThat(count(MeterNames.TRIAGES_STARTED, "playbook", "claude-code-500")).isEqualTo(1);
    assertThat(count(MeterNames.TRIAGES_ENDED, "outcome", "abandoned")).isEqualTo(1);
    assertThat(registry.find(MeterNames.TRIAGES_BRANCH).counters()).isEmpty();
  }

  private double count(String name, String tag, String value) {
    return registry.get(name).tag(tag, value).counter().count();
  }
}
