package dev.claude500.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class OncePerTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final OncePer gate = new OncePer(Duration.ofMinutes(1), now::get);

  @Test
  void theFirstEventPassesThenOneAMinuteWithTheCountSoFar() {
    assertThat(gate.event()).isEqualTo(1);
    for (int i = 0; i < 998; i++) {
      assertThat(gate.event()).isZero();
    }
    now.addAndGet(Duration.ofSeconds(59).toNanos());
    assertThat(gate.event()).as("a second short of the minute").isZero();
    now.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(gate.event()).as("a minute after the last one that passed").isEqualTo(1001);
    assertThat(gate.event()).isZero();
  }

  @Test
  void thePeriodMustBePositive() {
    assertThatThrownBy(() -> new OncePer(Duration.ZERO, System::nanoTime)).hasMessageContaining("period");
  }
}
