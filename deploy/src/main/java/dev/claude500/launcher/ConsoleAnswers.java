package dev.claude500.launcher;

import dev.claude500.chat.PlainTextRenderer;
import dev.claude500.commands.Answer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the console prints for an answer other than a triage to start: what it says, or the stats
 * table followed by the path of the file its chart was written to (a fresh PNG in the system's
 * temporary directory, left for the person to open).
 */
final class ConsoleAnswers {
  private static final Logger LOG = LoggerFactory.getLogger(ConsoleAnswers.class);

  private ConsoleAnswers() {}

  /** Returns the text to print for {@code answer}, writing a stats chart to a file first. */
  static String text(Answer answer) {
    if (answer instanceof Answer.Stats stats) {
      return PlainTextRenderer.render(stats.table()) + "\n" + stats.chart().map(ConsoleAnswers::saved)
          .orElse("(no chart: it could not be drawn here)");
    }
    return PlainTextRenderer.render(((Answer.Say) answer).reply());
  }

  private static String saved(Answer.Chart chart) {
    try {
      Path file = Files.createTempFile("claude500-stats-", ".png");
      Files.write(file, chart.png());
      return "Chart: " + file.toAbsolutePath();
    } catch (IOException | RuntimeException e) {
      LOG.warn("The stats chart could not be written: {}", e.toString());
      return "(no chart: it could not be written: " + e.getMessage() + ")";
    }
  }
}
