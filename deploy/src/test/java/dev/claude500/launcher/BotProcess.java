package dev.claude500.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One bot process run from the packaged jar ({@code java -jar claude500.jar}, the path in the
 * {@code claude500.jar} system property), as an operator runs it: configured by its environment
 * alone (the test's own {@code CLAUDE500_*}, {@code SLACK_*} and {@code DISCORD_*} variables are
 * removed first), its log (standard error) kept in a file the test reads. It can be stopped as a
 * supervisor stops it ({@link #terminate}, SIGTERM), killed ({@link #kill}, SIGKILL), and started
 * again with the same settings ({@link #restart}), the log going on in the same file.
 *
 * <p>Typical use:
 *
 * <pre>{@code
 * try (BotProcess bot = BotProcess.start("a", dir, Map.of("SLACK_BOT_TOKEN", ...))) {
 *   URI events = bot.url("/slack/events");   // waits until the bot says it runs
 *   ...
 * }                                          // killed if still running
 * }</pre>
 *
 * <p>Not thread-safe: one test thread drives it.
 */
public final class BotProcess implements AutoCloseable {
  /** How long {@link #httpPort()} and the like wait for the bot to say something by default. */
  public static final Duration START_WAIT = Duration.ofSeconds(45);

  private static final Pattern RUNNING = Pattern.compile("claude500 running: .* on HTTP port (\\d+)");
  private static final Pattern WATCHER = Pattern.compile("Incident watcher (\\S+) starting");
  private static final List<String> JVM_OPTIONS =
      List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-Xshare:auto");

  /** Processes still running when the test JVM ends are killed then, not left behind. */
  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly),
        "bot-process-reaper"));
  }

  private final String name;
  private final Path dir;
  private final Map<String, String> env;
  private final Path log;
  private Process process;
  private long logFrom;

  private BotProcess(String name, Path dir, Map<String, String> env) {
    this.name = name;
    this.dir = dir;
    this.env = Map.copyOf(env);
    this.log = dir.resolve(name + ".log");
  }

  /**
   * Starts a bot named {@code name} (its files: {@code <name>.log}, {@code <name>.out}) in
   * {@code dir} with the settings {@code env}.
   */
  public static BotProcess start(String name, Path dir, Map<String, String> env) {
    BotProcess bot = new BotProcess(Objects.requireNonNull(name, "name"), Objects.requireNonNull(dir, "dir"),
        Objects.requireNonNull(env, "env"));
    bot.launch();
    return bot;
  }

  /** Returns the bot's name. */
  public String name() {
    return name;
  }

  /** Returns the settings it runs with. */
  public Map<String, String> env() {
    return env;
  }

  private void launch() {
    ProcessBuilder pb = JarProcess.builder(dir, env, JVM_OPTIONS)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(name + ".out").toFile()))
        .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
    try {
      logFrom = Files.exists(log) ? Files.size(log) : 0;
      Process started = pb.start();
      LIVE.add(started);
      started.onExit().thenRun(() -> LIVE.remove(started));
      process = started;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start bot " + name, e);
    }
  }

  /** Starts the bot again with the same settings, once it has ended; its log goes on in the same file. */
  public BotProcess restart() {
    if (process.isAlive()) {
      throw new IllegalStateException("bot " + name + " is still running");
    }
    launch();
    return this;
  }

  /** Returns the HTTP port the bot bound, waiting until it says it runs. */
  public int httpPort() {
    return Integer.parseInt(awaitLog(RUNNING, START_WAIT).group(1));
  }

  /** Returns the URL of {@code path} on the bot's HTTP port, waiting until it runs. */
  public URI url(String path) {
    return URI.create("http://127.0.0.1:" + httpPort() + path);
  }

  /** Returns the id its incident watcher goes by (as in the lease), waiting until it starts. */
  public String replicaId() {
    return awaitLog(WATCHER, START_WAIT).group(1);
  }

  /** Returns true while the process runs. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** Returns the process's id. */
  public long pid() {
    return process.pid();
  }

  /** Returns the process's resident set size in bytes ({@code VmRSS} of {@code /proc/<pid>/status}). */
  public long residentBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new AssertionError("no VmRSS for " + this);
  }

  /**
   * Waits for a line of this run's log (since the last start) that matches; returns the match.
   *
   * @throws AssertionError when none came in time, or the process ended without one
   */
  public Matcher awaitLog(Pattern pattern, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<Matcher> hit = findInLog(pattern);
      if (hit.isPresent()) {
        return hit.get();
      }
      if (!process.isAlive()) {
        hit = findInLog(pattern);
        if (hit.isPresent()) {
          return hit.get();
        }
        throw new AssertionError("bot " + name + " ended (exit " + process.exitValue() + ") before logging "
            + pattern + ":\n" + log());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("bot " + name + " did not log " + pattern + " within " + timeout + ":\n" + log());
      }
      pause(Duration.ofMillis(25));
    }
  }

  /** Returns the first line of this run's log that matches, if there is one yet. */
  public Optional<Matcher> findInLog(Pattern pattern) {
    for (String line : log().lines().toList()) {
      Matcher m = pattern.matcher(line);
      if (m.find()) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** Returns this run's log so far (since the last start). */
  public String log() {
    try {
      if (!Files.exists(log)) {
        return "";
      }
      byte[] all = Files.readAllBytes(log);
      int from = (int) Math.min(logFrom, all.length);
      return new String(all, from, all.length - from, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the whole log, every run. */
  public String fullLog() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Kills the process at once (SIGKILL): nothing is given up, flushed or finished. Waits until it is gone. */
  public void kill() {
    process.destroyForcibly();
    awaitExit(Duration.ofSeconds(10));
  }

  /**
   * Asks the process to stop (SIGTERM), as a supervisor does, and waits for it to end.
   *
   * @return its exit status
   * @throws AssertionError when it is still running after {@code timeout} (it is then killed)
   */
  public int terminate(Duration timeout) {
    process.destroy();
    return awaitExit(timeout);
  }

  private int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("bot " + name + " did not end within " + timeout + ":\n" + log());
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted waiting for bot " + name, e);
    }
  }

  /** Kills the process if it still runs. */
  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      kill();
    }
  }

  @Override
  public String toString() {
    return "BotProcess[" + name + (process == null ? "" : ", pid " + process.pid()) + "]";
  }

  /** Waits until {@code condition} holds, looking every 25 ms; fails naming {@code what} after {@code timeout}. */
  public static void await(BooleanSupplier condition, Duration timeout, String what) {
    await(condition, timeout, () -> what);
  }

  /**
   * Waits until {@code condition} holds, looking every 25 ms; fails after {@code timeout} naming
   * {@code what}, as it is then (so that it can say how far things got).
   */
  public static void await(BooleanSupplier condition, Duration timeout, Supplier<String> what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no " + what.get() + " within " + timeout);
      }
      pause(Duration.ofMillis(25));
    }
  }

  /** Sleeps until the wall clock reaches {@code t} (at once when it has). */
  public static void sleepUntil(Instant t) {
    Duration d = Duration.between(Instant.now(), t);
    if (!d.isNegative()) {
      pause(d);
    }
  }

  /** Sleeps a little, for tests that poll. */
  public static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
