package dev.claude500.launcher;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts the packaged jar as an operator would: its own JVM, a working directory, only the settings
 * given (none of the caller's claude500, Slack or Discord settings, nor its JVM option variables).
 */
public final class JarProcess {
  private JarProcess() {}

  /**
   * Returns a process builder for {@code java -jar claude500.jar args...} in {@code dir}, its output
   * and errors going to {@code out.txt} and {@code err.txt} there, with no claude500, Slack or
   * Discord setting inherited and {@code env} set.
   */
  static ProcessBuilder in(Path dir, Map<String, String> env, String... args) {
    return builder(dir, env, List.of(), args)
        .redirectOutput(dir.resolve("out.txt").toFile())
        .redirectError(dir.resolve("err.txt").toFile());
  }

  /**
   * Returns a process builder for {@code java jvmOptions... -jar claude500.jar args...} in {@code dir},
   * with no claude500, Slack or Discord setting inherited and {@code env} set; where its output goes
   * is the caller's to say.
   */
  static ProcessBuilder builder(Path dir, Map<String, String> env, List<String> jvmOptions, String... args) {
    return builder(Path.of(jar()), dir, env, jvmOptions, args);
  }

  /** Returns a process builder as {@link #builder(Path, Map, List, String...)} does, for the jar {@code jar}. */
  public static ProcessBuilder builder(Path jar, Path dir, Map<String, String> env, List<String> jvmOptions,
      String... args) {
    List<String> command = new ArrayList<>();
    command.add(javaBinary());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("SLACK_") || k.startsWith("DISCORD_") || k.startsWith("CLAUDE500_")
        || k.equals("JAVA_TOOL_OPTIONS") || k.equals("JDK_JAVA_OPTIONS"));
    pb.environment().putAll(env);
    return pb;
  }

  /** Returns the {@code java} of the JVM running the caller. */
  public static String javaBinary() {
    return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
  }

  private static String jar() {
    String jar = System.getProperty("claude500.jar");
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException("system property claude500.jar does not name the packaged jar: " + jar
          + " (the failsafe plugin sets it; run the integration tests with ./mvnw verify)");
    }
    return jar;
  }
}
