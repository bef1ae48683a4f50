package dev.claude500.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's Performance section names the command that reproduces it and has a row for every figure. */
class ReadmePerformanceTest {
  /** How the rows of every figure begin. */
  static final List<String> FIGURES = List.of(
      "Slash-command ack, Slack HTTP mode",
      "`GET /healthz`, same server, interleaved",
      "Ack ÷ healthz",
      "Slash-command ack while the status page stalls",
      "Status fan-in",
      "Poll-to-post",
      "Fan-out",
      "Start to healthy",
      "Idle resident memory",
      "Heap per open triage",
      "Engine: triage inputs per second",
      "Engine: time of one triage input",
      "`stats 90d`: 10,000 triages",
      "`stats 90d` with its chart");

  @Test
  void thePerformanceSectionHasTheCommandTheMachineAndEveryFigure() throws Exception {
    Path p = Path.of("..", "README.md");
    String readme = Files.readString(Files.exists(p) ? p : Path.of("README.md"));
    String section = readme.substring(readme.indexOf("## Performance"));
    section = section.substring(0, section.indexOf("\n## ", 1));
    assertThat(section).contains("./mvnw -B -q -Pbench -pl deploy -am verify -DskipTests")
        .contains(" cores, ").contains("load average");
    for (String figure : FIGURES) {
      assertThat(section.lines().filter(l -> l.startsWith("| " + figure))).as(figure).hasSize(1);
    }
  }
}
