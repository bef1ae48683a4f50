package dev.claude500.bench;

import dev.claude500.testing.FakeSlackApi;
import dev.claude500.testing.FakeStatusPage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Start to healthy and idle memory: {@code java -jar claude500.jar} started afresh in an empty
 * directory (a new H2 store, Slack HTTP mode on the fakes), timed from just before the process is
 * started until {@code GET /healthz} first answers 200, polled every 2 ms; then, after it has sat
 * idle for the settle time, its resident set size from {@code /proc/<pid>/status}. The CPU time
 * the process had used when it became healthy says how much of the wait was work rather than a
 * busy machine.
 */
final class StartToHealthy {
  /** The target for start to healthy. */
  static final Duration TARGET_START = Duration.ofSeconds(3);
  /** The target for idle resident memory, in bytes (MB of 10^6 bytes, the stricter reading). */
  static final long TARGET_RSS = 200_000_000L;

  private StartToHealthy() {}

  /**
   * What the runs measured.
   *
   * @param startNanos each run's start to healthy
   * @param cpuNanos each run's CPU time used until healthy, all threads
   * @param rssBytes each run's idle resident set size
   */
  record Result(Samples startNanos, Samples cpuNanos, Samples rssBytes) {}

  /** Starts the jar {@code runs} times, one after the other, each in a directory of its own under {@code dir}. */
  static Result run(Path jar, Path dir, int runs, Duration settle, TrialIncidents trials, List<String> jvm)
      throws Exception {
    List<Long> starts = new ArrayList<>();
    List<Long> cpu = new ArrayList<>();
    List<Long> rss = new ArrayList<>();
    try (FakeSlackApi slack = FakeSlackApi.start(); FakeStatusPage page = FakeStatusPage.start()) {
      TrialIncidents.serve(page, trials.before(), Duration.ZERO);
      for (int i = 0; i < runs; i++) {
        try (ServiceProcess p = ServiceProcess.start(jar, dir.resolve("run-" + i),
            ServiceRig.environment(slack, page, Duration.ofSeconds(30)), jvm)) {
          starts.add(p.awaitHealthy(ServiceRig.START_TIMEOUT).toNanos());
          cpu.add(p.cpuTime().toNanos());
          Thread.sleep(settle.toMillis());
          rss.add(p.residentBytes());
        }
      }
    }
    return new Result(Samples.of(starts), Samples.of(cpu), Samples.of(rss));
  }

  /** Returns the figures. */
  static List<Figure> figures(Result r, Duration settle, List<String> jvm) {
    return List.of(
        new Figure("Start to healthy: `java -jar claude500.jar` to `/healthz` 200 (n=" + r.startNanos().count() + ")",
            Units.seconds(r.startNanos().median()), Units.seconds(r.startNanos().p99()),
            "CPU time used by then (all threads, JIT included): median " + Units.seconds(r.cpuNanos().median()),
            "< 3 s",
            Figure.Verdict.of(r.startNanos().p99() < TARGET_START.toNanos())),
        new Figure("Idle resident memory, " + settle.toSeconds() + " s after healthy (n=" + r.rssBytes().count() + ")",
            Units.megabytes(r.rssBytes().median()), Units.megabytes(r.rssBytes().p99()),
            jvm.isEmpty() ? "the JVM's defaults on this machine (no -Xmx)" : "JVM options " + String.join(" ", jvm), "< 200 MB",
            Figure.Verdict.of(r.rssBytes().p99() < TARGET_RSS)));
  }
}
