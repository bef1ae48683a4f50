package dev.claude500.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.store.InMemoryStore;
import dev.claude500.testing.MutableClock;
import dev.claude500.testing.TeamStatsRigs;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The stats chart")
class StatsChartTest {
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  @Test
  @DisplayName("A fixed data set is drawn headless as a PNG of the chart's size")
  void drawsAPng() throws IOException {
    InMemoryStore store = new InMemoryStore();
    TeamStatsTest.triages().forEach(store.triageRecords()::save);
    StatsReport report = TeamStatsRigs.of(store, TeamStatsTest::page, new MutableClock(TeamStatsTest.NOW))
        .report(TeamStatsTest.CHANNEL, StatsWindow.DAYS_30).orElseThrow();

    byte[] png = StatsChart.png(report);

    assertThat(System.getProperty("java.awt.headless")).isEqualTo("true");
    assertThat(Arrays.copyOf(png, 8)).isEqualTo(PNG_SIGNATURE);
    assertThat(png.length).isBetween(5_000, 500_000);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image.getWidth()).isEqualTo(StatsChart.WIDTH);
    assertThat(image.getHeight()).isEqualTo(StatsChart.HEIGHT);
  }

  @Test
  @DisplayName("An empty window is drawn too")
  void drawsAnEmptyWindow() {
    StatsReport report = TeamStatsRigs.of(new InMemoryStore(), new MutableClock(TeamStatsTest.NOW))
        .report(TeamStatsTest.CHANNEL, StatsWindow.DAYS_7).orElseThrow();
    assertThat(Arrays.copyOf(StatsChart.png(report), 8)).isEqualTo(PNG_SIGNATURE);
  }
}
