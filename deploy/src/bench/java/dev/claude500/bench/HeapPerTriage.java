package dev.claude500.bench;

import dev.claude500.launcher.JarProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heap per open triage: runs {@link OpenTriages} in a forked JVM with {@code -Xmx256m} on this
 * harness's class path and reads what it printed. A fork that runs out of heap is a miss.
 */
final class HeapPerTriage {
  /** The heap the triages must fit in. */
  static final String HEAP = "256m";
  /** The target per open triage, in bytes. */
  static final long TARGET_BYTES = 2048;

  private static final Pattern LINE = Pattern.compile("open=(\\d+) before=(\\d+) after=(\\d+) state=(\\d+)");

  private HeapPerTriage() {}

  /**
   * What the fork measured.
   *
   * @param open triages opened (besides the one opened before the first measurement)
   * @param before heap in use before, bytes
   * @param after heap in use after, bytes
   * @param stateChars the average length of a triage's stored JSON state
   */
  record Result(long open, long before, long after, long stateChars) {
    /** Returns the retained heap per open triage, in bytes. */
    double perTriage() {
      return (double) (after - before) / open;
    }
  }

  /** Opens {@code n} triages in a fork; its output goes to {@code dir}. */
  static Result run(int n, Path dir) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Path out = dir.resolve("open-triages.txt");
    Process p = new ProcessBuilder(JarProcess.javaBinary(), "-Xmx" + HEAP, "-XX:+ExitOnOutOfMemoryError",
        "-cp", System.getProperty("java.class.path"), OpenTriages.class.getName(), Integer.toString(n))
        .redirectErrorStream(true)
        .redirectOutput(out.toFile())
        .start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IOException("opening " + n + " triages took more than 10 minutes");
    }
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    if (p.exitValue() != 0) {
      throw new IOException(n + " open triages did not fit in -Xmx" + HEAP + " (exit " + p.exitValue() + "): "
          + String.join(" / ", lines.subList(Math.max(0, lines.size() - 3), lines.size())));
    }
    for (String line : lines) {
      Matcher m = LINE.matcher(line);
      if (m.matches()) {
        return new Result(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
            Long.parseLong(m.group(4)));
      }
    }
    throw new IOException("the fork printed no measurement: " + lines);
  }

  /** Returns the figure. */
  static Figure figure(int n, Result r) {
    boolean ok = r.perTriage() <= TARGET_BYTES;
    return new Figure("Heap per open triage (" + Units.count(n) + " open, in-memory store, -Xmx" + HEAP
        + ", after full GC)", Units.kibibytes(r.perTriage()), "",
        Units.count(n) + " fit: " + Units.mebibytes(r.after()) + " heap in use (" + Units.mebibytes(r.before())
            + " before); state JSON ~" + Units.count(r.stateChars()) + " chars",
        "≤ 2 KiB each; 100k in < 256 MB", Figure.Verdict.of(ok));
  }
}
