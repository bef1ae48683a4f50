package dev.claude500.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.testing.FakeStatusPage;
import dev.claude500.testing.StatusFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged jar in console mode with piped input, as a person would. */
class ConsoleJarIT {
  @Test
  void theJarWalksATriageOnPipedInputAndExitsZeroAtTheEnd(@TempDir Path dir) throws Exception {
    try (FakeStatusPage page = FakeStatusPage.start()) {
      page.serveSummary(FakeStatusPage.Response.json(StatusFixtures.redSummaryJson()));
      Path input = dir.resolve("input.txt");
      Files.writeString(input, "/claude500\n1\nIt works now\n/claude500 status\n", StandardCharsets.UTF_8);
      ProcessBuilder pb = JarProcess.in(dir, Map.of("CLAUDE500_STATUS_URL", page.baseUrl().toString()), "console")
          .redirectInput(input.toFile());
      Process p = pb.start();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("console exits at end of input").isTrue();
      String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
      String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
      assertThat(p.exitValue()).as(err).isZero();
      assertThat(out)
          .startsWith(ConsoleMode.HINT)
          .contains("The status page is red")
          .contains("Elevated errors on Claude.ai, API, Claude Code")
          .contains("First move: Stop changing local settings")
          .contains("Resolved: the outage explained it all")
          .contains("Status page: 🔴 red");
      assertThat(err).doesNotContain("Exception").doesNotContain("\tat ");
      assertThat(dir.resolve("data")).isDirectory();
    }
  }
}
