package dev.claude500.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SamplesTest {
  @Test
  void percentilesAreByNearestRank() {
    Samples hundred = Samples.of(IntStream.rangeClosed(1, 100).boxed().toList());
    assertThat(hundred.median()).isEqualTo(50);
    assertThat(hundred.p99()).isEqualTo(99);
    assertThat(hundred.max()).isEqualTo(100);
    assertThat(hundred.min()).isEqualTo(1);
    Samples few = Samples.of(3, 1, 2);
    assertThat(few.median()).isEqualTo(2);
    assertThat(few.p99()).as("fewer than 100 samples: the largest").isEqualTo(3);
  }

  @Test
  void noSamplesHaveNoPercentiles() {
    assertThatThrownBy(() -> Samples.of().median()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Samples.of(1).percentile(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
