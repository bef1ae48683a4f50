package dev.claude500.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged jar with a store it cannot open: one line on standard error, exit status 1, in both modes. */
class StoreAtStartJarIT {
  private static Process finished(ProcessBuilder pb) throws Exception {
    Process p = pb.start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("stops by itself").isTrue();
    return p;
  }

  @Test
  void theServiceStopsWithOneLineNamingTheSetting(@KeptOnFailure Path dir) throws Exception {
    Process p = finished(JarProcess.in(dir, StoreAtStartTest.slackService("jdbc:postgresql://127.0.0.1:1/claude500")));

    String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(err).isEqualTo(1);
    assertThat(err).hasLineCount(1)
        .startsWith("claude500: CLAUDE500_DB_URL: cannot connect to the store at jdbc:postgresql://127.0.0.1:1/claude500: ");
    assertThat(Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void consoleModeStopsWithOneLineNamingTheSetting(@KeptOnFailure Path dir) throws Exception {
    Process p = finished(JarProcess.in(dir, Map.of("CLAUDE500_DB_URL", "jdbc:postgresql://127.0.0.1:1/claude500",
        "CLAUDE500_STATUS_URL", "http://127.0.0.1:1"), "console"));

    String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(err).isEqualTo(1);
    assertThat(err).hasLineCount(1).startsWith("claude500: CLAUDE500_DB_URL: cannot connect to the store at ");
    assertThat(Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8)).isEmpty();
  }
}
