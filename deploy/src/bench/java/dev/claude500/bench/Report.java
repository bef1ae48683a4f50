package dev.claude500.bench;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The results of one run as Markdown: when and on what it ran, how busy the machine was, and one
 * table row per figure.
 *
 * @param startedAt when the run began
 * @param finishedAt when it ended
 * @param machine the machine's description
 * @param loadBefore the load averages when it began
 * @param loadAfter the load averages when it ended
 * @param figures the rows, in the order measured
 */
record Report(Instant startedAt, Instant finishedAt, String machine, String loadBefore, String loadAfter,
    List<Figure> figures) {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
      .withZone(ZoneOffset.UTC);

  /** Copies. */
  Report {
    figures = List.copyOf(figures);
  }

  /** Returns true when every figure was measured (met or not). */
  boolean measuredAll() {
    return figures.stream().noneMatch(f -> f.result().startsWith("not measured"));
  }

  /** Returns the report as Markdown: a line on the run and the machine, then the table. */
  String markdown() {
    StringBuilder sb = new StringBuilder();
    sb.append("Run of ").append(WHEN.format(startedAt)).append(" (").append(
        java.time.Duration.between(startedAt, finishedAt).toSeconds()).append(" s) on ").append(machine)
        .append(". Load average (1, 5, 15 min) ").append(loadBefore).append(" at the start, ").append(loadAfter)
        .append(" at the end.\n\n");
    sb.append("| figure | median | p99 | measured | target | met |\n");
    sb.append("|---|---|---|---|---|---|\n");
    for (Figure f : figures) {
      sb.append("| ").append(cell(f.name())).append(" | ").append(cell(f.median())).append(" | ")
          .append(cell(f.p99())).append(" | ").append(cell(f.result())).append(" | ").append(cell(f.target()))
          .append(" | ").append(switch (f.verdict()) {
            case MET -> "yes";
            case MISSED -> "**no**";
            case NONE -> "";
          }).append(" |\n");
    }
    return sb.toString();
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
