package dev.claude500.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every benchmark of the harness once with tiny sizes against the packaged jar, so the
 * harness cannot rot: each figure must be measured, and what does not depend on the machine's speed
 * must meet its target: every fan-out post delivered, none twice (how soon is the machine's speed,
 * and the smoke run shares a busy machine), and the heap figure.
 */
class BenchSmokeIT {
  @Test
  @DisplayName("Every benchmark runs with tiny sizes and yields its figure")
  void everyBenchmarkYieldsItsFigure(@TempDir Path out) throws Exception {
    System.setProperty(StatsQuery.TRIAGES_PROPERTY, "300"); // JMH runs in this JVM here: a small store to fill
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    Report report = new Bench(Options.quick(), Path.of(System.getProperty("claude500.jar")), out,
        new PrintStream(progress, true, StandardCharsets.UTF_8)).run();
    String log = progress.toString(StandardCharsets.UTF_8);

    assertThat(report.measuredAll()).as("every figure measured; progress:\n%s\n%s", log, report.markdown()).isTrue();
    for (String figure : ReadmePerformanceTest.FIGURES) {
      assertThat(report.figures()).extracting(Figure::name).as(figure).anyMatch(n -> n.startsWith(figure));
    }
    Figure fanOut = report.figures().stream().filter(f -> f.name().startsWith("Fan-out")).findFirst().orElseThrow();
    assertThat(fanOut.result()).contains("5 of 5 delivered, 0 twice");
    Figure heap = report.figures().stream().filter(f -> f.name().startsWith("Heap")).findFirst().orElseThrow();
    assertThat(heap.verdict()).as(heap.result()).isEqualTo(Figure.Verdict.MET);
    assertThat(report.markdown()).contains("| figure | median | p99 | measured | target | met |")
        .contains(Machine.describe());
  }
}
