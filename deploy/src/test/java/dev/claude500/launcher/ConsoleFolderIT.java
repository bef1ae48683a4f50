package dev.claude500.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.testing.FakeStatusPage;
import dev.claude500.testing.StatusFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two consoles of the packaged jar in one folder, as the README describes them: the first keeps the
 * folder's store and writes its log there; the second stops at once with one line.
 */
class ConsoleFolderIT {
  /** What a second console in the same folder prints, up to H2's own words (the README quotes it). */
  static final String SECOND_CONSOLE = "claude500: CLAUDE500_DB_URL: cannot connect to the store at "
      + "jdbc:h2:file:./data/claude500: Database may be already in use:";

  @Test
  @DisplayName("One console runs per folder: a second one stops with one line; the first logs to data/claude500.log")
  void oneConsolePerFolder(@TempDir Path dir) throws Exception {
    Path second = Files.createDirectory(dir.resolve("second"));
    try (FakeStatusPage page = FakeStatusPage.start()) {
      page.serveSummary(FakeStatusPage.Response.json(StatusFixtures.greenSummaryJson()));
      Map<String, String> env = Map.of("CLAUDE500_STATUS_URL", page.baseUrl().toString());
      Process first = JarProcess.in(dir, env, "console").start();
      try {
        Typist typist = new Typist(Typist.into(first.getOutputStream()), () -> read(dir.resolve("out.txt")));
        typist.await(ConsoleMode.HINT);

        Process other = JarProcess.builder(dir, env, List.of(), "console")
            .redirectOutput(second.resolve("out.txt").toFile()).redirectError(second.resolve("err.txt").toFile())
            .start();
        other.getOutputStream().close();
        assertThat(other.waitFor(60, TimeUnit.SECONDS)).as("the second console stops at once").isTrue();
        assertThat(other.exitValue()).isEqualTo(1);
        String err = read(second.resolve("err.txt"));
        assertThat(err.lines()).hasSize(1).first().asString().startsWith(SECOND_CONSOLE);
        assertThat(read(second.resolve("out.txt"))).isEmpty();

        typist.type("/claude500 status", "Status page: 🟢 green");
        first.getOutputStream().close();
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).as("the first console ends at end of input").isTrue();
      } finally {
        first.destroyForcibly();
      }
      assertThat(first.exitValue()).isZero();
      assertThat(read(dir.resolve(Main.LOG_FILE))).as("the first console's log, in its folder")
          .contains("Store open at jdbc:h2:file:./data/claude500");
      assertThat(read(dir.resolve("err.txt"))).isEmpty();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
