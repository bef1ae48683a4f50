package dev.claude500.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar takes 500 {@code /claude500 status} commands sent at once: each acknowledged
 * (none told "busy", no connection dropped), each answered at its {@code response_url}, the status
 * page asked at most twice per cache period, and every fetch after the first ones conditional (304).
 */
class StatusBurstIT {
  private static final int BURST = 500;

  @Test
  @DisplayName("500 status commands at once are all answered from at most two conditional fetches")
  void aBurstOfStatusCommandsIsAnsweredInFull(@TempDir Path dir) throws Exception {
    TrialIncidents trials = TrialIncidents.pick(1);
    Duration period = Duration.ofSeconds(5);
    try (ServiceRig rig = ServiceRig.start(Path.of(System.getProperty("claude500.jar")), dir, period, trials,
        List.of())) {
      StatusFanIn.Burst b = new StatusFanIn(rig).run(BURST, Duration.ofSeconds(60), trials.before());
      assertThat(b.busy()).as("told busy").isZero();
      assertThat(b.answered()).as("answered at their response_url").isEqualTo(BURST);
      long periods = Math.max(1, (long) Math.ceil((double) b.windowNanos() / period.toNanos()));
      assertThat(b.fetches()).as("summary fetches in %d cache period(s)", periods).isLessThanOrEqualTo((int) (2 * periods));
      assertThat(b.plain()).as("plain first fetches: the cache's and the watcher's, at start")
          .isBetween(1, StatusFanIn.FIRST_FETCHES);
      assertThat(b.later()).as("summary fetches since the first").isPositive();
      assertThat(b.notModified()).as("of them conditional, so answered 304").isEqualTo(b.later());
    }
  }
}
