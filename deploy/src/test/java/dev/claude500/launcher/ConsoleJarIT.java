package dev.claude500.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.testing.FakeStatusPage;
import dev.claude500.testing.StatusFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the packaged jar in console mode with piped input, typed and pasted as a person would. */
class ConsoleJarIT {
  @Test
  void theJarWalksATriageOnPipedInputAndExitsZeroAtTheEnd(@KeptOnFailure Path dir) throws Exception {
    try (FakeStatusPage page = FakeStatusPage.start()) {
      page.serveSummary(FakeStatusPage.Response.json(StatusFixtures.redSummaryJson()));
      Process p = JarProcess.in(dir, Map.of("CLAUDE500_STATUS_URL", page.baseUrl().toString()), "console").start();
      try {
        Path printed = dir.resolve("out.txt");
        Typist typist = new Typist(Typist.into(p.getOutputStream()), () -> read(printed));
        typist.await(ConsoleMode.HINT);
        typist.paste("/claude500 here is the error:\nAPI Error: 500 {\"type\":\"error\",\n"
            + "  \"error\":{\"type\":\"api_error\",\"message\":\"Internal server error\"}}\n"
            + "Request ID: req_011CXmPAT8xd3GWgKxdq8TRC\n", "When the incident clears, retry the same failing path");
        typist.type("1", "Resolved: the outage explained it all");
        typist.type("/claude500", "Which error did Claude Code print?");
        typist.type("1", "When the incident clears, retry the same failing path");
        typist.type("It works now", "Resolved: the outage explained it all");
        typist.type("/claude500 status", "Status page: 🔴 red");
        p.getOutputStream().close();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("console exits at end of input").isTrue();
      } finally {
        p.destroyForcibly();
      }
      String out = read(dir.resolve("out.txt"));
      String err = read(dir.resolve("err.txt"));
      assertThat(p.exitValue()).as(err).isZero();
      assertThat(out)
          .startsWith(ConsoleMode.HINT)
          .contains("From the pasted line: 500 api_error, request req_011CXmPAT8xd3GWgKxdq8TRC")
          .contains("The status page is red")
          .contains("Elevated errors on Claude.ai, API, Claude Code")
          .contains("First move: Stop changing local settings")
          .doesNotContain("Please pick one");
      assertThat(out.split("Claude Code 500 triage started", -1)).as("two triages").hasSize(3);
      assertThat(err).doesNotContain("Exception").doesNotContain("\tat ");
      assertThat(dir.resolve("data")).isDirectory();
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
