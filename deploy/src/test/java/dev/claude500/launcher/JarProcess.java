package dev.claude500.launcher;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts the packaged jar as an operator would: its own JVM, a working directory, only the settings given. */
final class JarProcess {
  private JarProcess() {}

  /** Returns the java executable of the JVM running the tests. */
  static String javaBinary() {
    return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
  }

  /**
   * Returns a process builder for {@code java -jar claude500.jar args...} in {@code dir}, its output
   * and errors going to {@code out.txt} and {@code err.txt} there, with no claude500, Slack or
   * Discord setting inherited and {@code env} set.
   */
  static ProcessBuilder in(Path dir, Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", System.getProperty("claude500.jar")));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command)
        .directory(dir.toFile())
        .redirectOutput(dir.resolve("out.txt").toFile())
        .redirectError(dir.resolve("err.txt").toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("SLACK_") || k.startsWith("DISCORD_") || k.startsWith("CLAUDE500_"));
    pb.environment().putAll(env);
    return pb;
  }
}
