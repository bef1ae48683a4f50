package dev.claude500.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What the benchmarks ran on: CPU, cores, memory, JDK, system, and how busy it was. */
final class Machine {
  private Machine() {}

  /** Returns one line naming the CPU model, cores, memory, JDK and system. */
  static String describe() {
    String cpu = procLine("/proc/cpuinfo", "model name").orElse(System.getProperty("os.arch"));
    String memory = procLine("/proc/meminfo", "MemTotal")
        .map(v -> v.replaceAll("[^0-9]", ""))
        .filter(v -> !v.isEmpty())
        .map(kb -> String.format(Locale.ROOT, "%.1f GiB RAM", Long.parseLong(kb) / (1024.0 * 1024)))
        .orElse("RAM unknown");
    return cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores, " + memory + "; "
        + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
        + " (" + System.getProperty("java.vendor") + "); "
        + System.getProperty("os.name") + " " + System.getProperty("os.version");
  }

  /** Returns the 1, 5 and 15 minute load averages, e.g. {@code 1.20 0.80 0.40}, or "unknown". */
  static String loadAverage() {
    try {
      List<String> parts = List.of(Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).split("\\s+"));
      return parts.size() >= 3 ? String.join(" ", parts.subList(0, 3)) : "unknown";
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static Optional<String> procLine(String file, String key) {
    try {
      return Files.readAllLines(Path.of(file), StandardCharsets.UTF_8).stream()
          .filter(l -> l.startsWith(key))
          .map(l -> l.substring(l.indexOf(':') + 1).strip())
          .findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
