package dev.claude500.testing;

import dev.claude500.chat.PlainTextRenderer;
import dev.claude500.chat.Reply;
import dev.claude500.stats.StatsChart;
import dev.claude500.stats.StatsReport;
import dev.claude500.stats.StatsText;
import dev.claude500.stats.StatsWindow;
import dev.claude500.stats.TeamStats;
import dev.claude500.status.Incident;
import dev.claude500.store.InMemoryStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Makes the chart the README shows: the last 90 days of the page's real incidents (its archive, up
 * to {@link StatsData#ARCHIVE_END}) replayed as the page's recent incidents, 600 simulated triages of
 * one team around them (seeded: the same every run), and {@code stats 90d} drawn from both. Writes
 * the PNG to the path given (default {@code docs/stats-chart.png}) and prints the table. Offline:
 * reads nothing but the test resources.
 */
public final class ReadmeStatsChart {
  /** The triages simulated. */
  static final int TRIAGES = 600;
  /** The seed they are simulated from. */
  static final long SEED = 500;

  private ReadmeStatsChart() {}

  /** Returns the report the README's chart is drawn from. */
  public static StatsReport report() {
    List<Incident> archive = StatsData.archive();
    Instant to = StatsData.ARCHIVE_END;
    Instant from = to.minus(StatsWindow.DAYS_90.length());
    InMemoryStore store = new InMemoryStore();
    StatsData.simulated("slack", from.plusSeconds(1), to, TRIAGES, archive, SEED)
        .forEach(store.triageRecords()::save);
    TeamStats stats = TeamStatsRigs.of(store, () -> archive, new MutableClock(to));
    return stats.report("slack", StatsWindow.DAYS_90);
  }

  /** Writes the chart to {@code args[0]} (default {@code docs/stats-chart.png}) and prints the table. */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "docs/stats-chart.png");
    StatsReport report = report();
    if (out.toAbsolutePath().getParent() != null) {
      Files.createDirectories(out.toAbsolutePath().getParent());
    }
    Files.write(out, StatsChart.png(report));
    System.out.println(PlainTextRenderer.render(new Reply.Message(StatsText.of(report))));
    System.out.println("Chart: " + out.toAbsolutePath());
  }
}
