package dev.claude500.bench;

import dev.claude500.stats.StatsChart;
import dev.claude500.stats.StatsReport;
import dev.claude500.stats.StatsText;
import dev.claude500.stats.StatsWindow;
import dev.claude500.stats.TeamStats;
import dev.claude500.status.Incident;
import dev.claude500.store.JdbcStore;
import dev.claude500.testing.JdbcStores;
import dev.claude500.testing.MutableClock;
import dev.claude500.testing.StatsData;
import dev.claude500.testing.TeamStatsRigs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * JMH: {@code /claude500 stats 90d} on 90 days of {@value #TRIAGES} triages in an H2 file store (the
 * default store), with the page's real incidents of those days: one read of the store, the numbers,
 * the table ({@link #table}); and the same with the chart drawn as a PNG ({@link #withChart}), which
 * is all the command does before the platform's upload.
 */
@State(Scope.Benchmark)
public class StatsQuery {
  /** The triages in the store. */
  static final int TRIAGES = 10_000;
  /** A system property that sets fewer, for the smoke run in this JVM (JMH without forks). */
  static final String TRIAGES_PROPERTY = "claude500.bench.statsTriages";

  private Path dir;
  private JdbcStore store;
  private TeamStats stats;

  /** Fills a fresh H2 file with the simulated triages of the 90 days before the archive's end. */
  @Setup(Level.Trial)
  public void fill() throws IOException {
    dir = Files.createTempDirectory("claude500-bench-stats");
    store = JdbcStores.open("jdbc:h2:file:" + dir.resolve("claude500").toAbsolutePath(), null, null);
    List<Incident> archive = StatsData.archive();
    Instant to = StatsData.ARCHIVE_END;
    int triages = Integer.getInteger(TRIAGES_PROPERTY, TRIAGES);
    StatsData.simulated("slack", to.minus(StatsWindow.DAYS_90.length()).plusSeconds(1), to, triages, archive, 90)
        .forEach(store.triageRecords()::save);
    stats = TeamStatsRigs.of(store, () -> archive, new MutableClock(to));
  }

  /** Closes and deletes the store. */
  @TearDown(Level.Trial)
  public void close() throws IOException {
    store.close();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** The numbers and the table. */
  @Benchmark
  public Object table() {
    StatsReport report = stats.report("slack", StatsWindow.DAYS_90);
    return StatsText.of(report);
  }

  /** The numbers, the table and the chart. */
  @Benchmark
  public Object withChart() {
    StatsReport report = stats.report("slack", StatsWindow.DAYS_90);
    return List.of(StatsText.of(report), StatsChart.png(report));
  }

  /** Returns the figures: the sampled time of each, against the 200 ms target. */
  static List<Figure> figures(EngineThroughput.Result table, EngineThroughput.Result chart) {
    return List.of(
        new Figure("`stats 90d`: 10,000 triages in an H2 file, store read + numbers + table (JMH sample time,"
            + " 1 thread)", Units.nanos(table.stepMedianNanos()), Units.nanos(table.stepP99Nanos()),
            Units.count(table.stepsPerSecond()) + " answers/s", "p99 < 200 ms",
            Figure.Verdict.of(table.stepP99Nanos() < 200_000_000)),
        new Figure("`stats 90d` with its chart drawn (PNG, 1000×500)", Units.nanos(chart.stepMedianNanos()),
            Units.nanos(chart.stepP99Nanos()), Units.count(chart.stepsPerSecond()) + " answers/s", "p99 < 200 ms",
            Figure.Verdict.of(chart.stepP99Nanos() < 200_000_000)));
  }
}
