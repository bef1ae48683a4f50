package dev.claude500.bench;

import dev.claude500.launcher.JarProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real service: {@code java -jar claude500.jar} as a process of its own, in a working
 * directory of its own (its H2 store lands in {@code ./data} there), on a free loopback port,
 * its output kept in files beside it. {@link #close()} stops it with SIGTERM.
 */
final class ServiceProcess implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(2);

  private final Process process;
  private final long startedNanos;
  private final int port;
  private final Path dir;
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2))
      .build();

  private ServiceProcess(Process process, long startedNanos, int port, Path dir) {
    this.process = process;
    this.startedNanos = startedNanos;
    this.port = port;
    this.dir = dir;
  }

  /**
   * Starts the jar with the JVM running this harness.
   *
   * @param jar the runnable jar
   * @param dir its working directory: emptied first, so every start is the first (a new store)
   * @param env settings; the caller's {@code CLAUDE500_*}, {@code SLACK_*} and {@code DISCORD_*} are dropped
   *     first, and {@code CLAUDE500_HTTP_PORT} is set to a free port
   * @param jvmOptions options for the JVM before {@code -jar} (none for the JVM's defaults)
   */
  static ServiceProcess start(Path jar, Path dir, Map<String, String> env, List<String> jvmOptions) throws IOException {
    if (!Files.isRegularFile(jar)) {
      throw new IOException(jar + " is missing: build it first (./mvnw -B -q -pl deploy -am package -DskipTests)");
    }
    empty(dir);
    int port = freePort();
    Map<String, String> settings = new HashMap<>(env);
    settings.put("CLAUDE500_HTTP_PORT", Integer.toString(port));
    ProcessBuilder pb = JarProcess.builder(jar, dir, settings, jvmOptions)
        .redirectOutput(dir.resolve("out.txt").toFile())
        .redirectError(dir.resolve("err.txt").toFile());
    long started = System.nanoTime();
    Process p = pb.start();
    return new ServiceProcess(p, started, port, dir);
  }

  /**
   * Waits until {@code GET /healthz} answers 200 and returns the time from just before the process
   * was started until then.
   *
   * @throws IOException when the process ends first or {@code timeout} passes
   */
  Duration awaitHealthy(Duration timeout) throws IOException, InterruptedException {
    HttpRequest health = HttpRequest.newBuilder(base().resolve("/healthz")).timeout(Duration.ofSeconds(2)).build();
    long deadline = startedNanos + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("the service exited with status " + process.exitValue() + " before it was healthy: "
            + errTail());
      }
      try {
        if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return Duration.ofNanos(System.nanoTime() - startedNanos);
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(POLL.toMillis());
    }
    throw new IOException("the service was not healthy within " + timeout + ": " + errTail());
  }

  /** Posts {@code json} to {@code path} on the service and returns the answer's status. */
  int postJson(String path, String json) throws IOException, InterruptedException {
    HttpRequest post = HttpRequest.newBuilder(base().resolve(path)).timeout(Duration.ofSeconds(5))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
    return http.send(post, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** Returns {@code http://127.0.0.1:<port>}. */
  URI base() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** Returns the resident set size in bytes, read from {@code /proc/<pid>/status} ({@code VmRSS}). */
  long residentBytes() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"),
        StandardCharsets.US_ASCII)) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    throw new IOException("no VmRSS in /proc/" + process.pid() + "/status");
  }

  /** Returns the CPU time the process has used so far, all its threads together (JIT and GC included). */
  Duration cpuTime() throws IOException {
    return process.toHandle().info().totalCpuDuration()
        .orElseThrow(() -> new IOException("the CPU time of process " + process.pid() + " cannot be read"));
  }

  /** Returns the last lines the service wrote to standard error. */
  String errTail() {
    try {
      List<String> lines = Files.readAllLines(dir.resolve("err.txt"), StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }

  /** Stops the service with SIGTERM, and kills it when it has not ended within 30 s. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static void empty(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      try (var paths = Files.walk(dir)) {
        for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(dir);
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
