package dev.claude500.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OptionsTest {
  @Test
  void namedSizesOverrideTheDefaults() {
    Options o = Options.parse("--poll-interval=30", "--poll-trials=4", "--only=engine,heap");
    assertThat(o.pollInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(o.pollTrials()).isEqualTo(4);
    assertThat(o.ackPairs()).isEqualTo(Options.full().ackPairs());
    assertThat(o.runs("engine")).isTrue();
    assertThat(o.runs("service")).isFalse();
    assertThat(Options.parse("--quick", "--fan-in=7").fanIn()).isEqualTo(7);
    assertThat(Options.parse("--quick").heapTriages()).isEqualTo(Options.quick().heapTriages());
  }

  @Test
  void badArgumentsAreRefusedByName() {
    assertThatThrownBy(() -> Options.parse("--pairs=3")).hasMessageContaining("--pairs=3");
    assertThatThrownBy(() -> Options.parse("--fan-in=many")).hasMessageContaining("--fan-in");
    assertThatThrownBy(() -> Options.parse("--poll-interval=0")).hasMessageContaining("poll-interval");
    assertThatThrownBy(() -> Options.parse("--only=everything")).hasMessageContaining("everything");
  }
}
