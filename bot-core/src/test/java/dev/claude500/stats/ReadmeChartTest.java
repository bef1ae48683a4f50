package dev.claude500.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.testing.ReadmeStatsChart;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The README's chart, made from the page's real incidents and simulated triages. The README names
 * the command that writes it to {@code docs/}: this test run with {@code -Dclaude500.readmeChart=<path>};
 * without it, the chart goes to {@code target/}.
 */
class ReadmeChartTest {
  @Test
  @DisplayName("The README's replay of real incidents and simulated triages is drawn, with the team hit by real incidents")
  void drawsTheReadmeChart() throws Exception {
    Path out = Path.of(System.getProperty("claude500.readmeChart", "target/readme-stats-chart.png"));
    ReadmeStatsChart.main(new String[] {out.toString()});

    StatsReport report = ReadmeStatsChart.report();
    assertThat(report.triages()).isEqualTo(600);
    assertThat(report.spans()).as("real incidents in the 90 days before the archive ends").isNotEmpty();
    assertThat(report.incidentsHit()).isNotEmpty();
    assertThat(report.incidentMinutes()).containsKey("Claude Code");
    assertThat(Files.readAllBytes(out)).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
  }
}
