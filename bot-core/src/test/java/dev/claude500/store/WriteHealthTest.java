package dev.claude500.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("WriteHealth keeps what the latest write found")
class WriteHealthTest {
  private final AtomicLong nanos = new AtomicLong(1_000);
  private final WriteHealth health = new WriteHealth("test", nanos::get);

  private long tick(Duration d) {
    return nanos.addAndGet(d.toNanos());
  }

  @Test
  void startsWritableAndFollowsTheLatestOutcome() {
    assertThat(health.fault()).isEmpty();

    health.failed(tick(Duration.ofMillis(1)), StoreFault.READ_ONLY, "read only");
    assertThat(health.fault()).contains(StoreFault.READ_ONLY);
    health.failed(tick(Duration.ofMillis(1)), StoreFault.UNREACHABLE, "gone");
    assertThat(health.fault()).contains(StoreFault.UNREACHABLE);

    health.wrote(tick(Duration.ofMillis(1)));
    assertThat(health.fault()).isEmpty();
  }

  @Test
  void anOutcomeOlderThanTheOneRecordedIsIgnored() {
    long slow = tick(Duration.ofMillis(1));
    health.wrote(tick(Duration.ofMillis(1)));
    health.failed(slow, StoreFault.DISK_FULL, "began before the write that succeeded");
    assertThat(health.fault()).isEmpty();

    long early = tick(Duration.ofMillis(1));
    health.failed(tick(Duration.ofMillis(1)), StoreFault.DISK_FULL, "full");
    health.wrote(early);
    assertThat(health.fault()).as("a write begun before the failure says nothing of now").contains(StoreFault.DISK_FULL);
  }

  @Test
  void wroteWithinTellsWhetherAWriteCheckIsDue() {
    health.wrote(health.now());
    assertThat(health.wroteWithin(Duration.ofSeconds(2))).isTrue();
    tick(Duration.ofSeconds(2));
    assertThat(health.wroteWithin(Duration.ofSeconds(2))).isFalse();

    health.wrote(health.now());
    health.failed(health.now(), StoreFault.UNREACHABLE, "gone");
    assertThat(health.wroteWithin(Duration.ofSeconds(2))).as("a fault always calls for a check").isFalse();
  }

  @Test
  void aWriteCheckThatHangsCountsAsUnreachableUntilItEnds() {
    long started = health.checkStarts();
    tick(WriteHealth.HUNG);
    assertThat(health.fault()).as("slow, not yet hung").isEmpty();
    tick(Duration.ofMillis(1));
    assertThat(health.fault()).contains(StoreFault.UNREACHABLE);

    health.wrote(started);
    health.checkEnded();
    assertThat(health.fault()).isEmpty();
  }
}
