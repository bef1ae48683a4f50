package dev.claude500.launcher;

import dev.claude500.incidents.IncidentWatcher;
import dev.claude500.outbox.IdleSummaries;
import dev.claude500.playbook.PlaybookException;
import dev.claude500.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * Starts claude500: console mode when no platform is configured (or with {@code console}), with
 * the incident watcher speaking in the console, otherwise the configured platforms. Exit status 0 on a normal end, 2 for bad settings or
 * arguments, 1 when something it needs cannot start.
 */
public final class Main {
  private static final String USAGE = "usage: java -jar claude500.jar [console | --help]";
  /** Where console mode writes its log, in the folder it is started in. */
  static final Path LOG_FILE = Path.of("data", "claude500.log");

  private Main() {}

  /** Entry point. */
  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), System.in, System.out, System.err));
  }

  static boolean isConsole(String[] args) {
    return args.length > 0 && args[0].equals("console");
  }

  /** Runs with explicit streams and environment; returns the exit status. */
  static int run(String[] args, Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
    List<String> argv = List.of(args);
    if (argv.contains("--help") || argv.contains("-h")) {
      out.print(help());
      return 0;
    }
    if (argv.size() > 1 || (argv.size() == 1 && !argv.get(0).equals("console"))) {
      err.println("claude500: unknown argument '" + String.join(" ", argv) + "'; " + USAGE);
      return 2;
    }
    Settings settings;
    try {
      settings = Settings.fromEnvironment(env);
    } catch (SettingsException e) {
      err.println("claude500: " + e.getMessage());
      return 2;
    }
    boolean console = isConsole(args) || settings.noPlatform();
    if (console) {
      LogSetup.toFile(logFile(), settings.logFormat(), settings.logLevel(), settings.secrets());
    } else {
      LogSetup.service(settings.logFormat(), settings.logLevel(), settings.secrets());
    }
    Core core;
    try {
      core = Core.build(settings, Clock.systemUTC());
    } catch (PlaybookException e) {
      err.println("claude500: CLAUDE500_PLAYBOOK_DIR: " + e.getMessage());
      return 2;
    } catch (StoreException e) {
      err.println("claude500: CLAUDE500_DB_URL: " + e.getMessage());
      return 1;
    }
    try (core) {
      return console ? console(core, in, out, err) : Service.run(core, err);
    }
  }

  private static int console(Core core, InputStream in, PrintStream out, PrintStream err) {
    ConsoleMode console = new ConsoleMode(core.engine, core.commands, core.outbox, out);
    core.chatPorts.add(console.chatPort());
    Optional<IncidentWatcher> watcher = consoleWatcher(core); // before resuming: it owns its posts left queued
    core.outbox.resume();
    core.scheduler.scheduleWithFixedDelay(new IdleSummaries(core.engine, core.outbox, console::expired), 30, 30,
        TimeUnit.SECONDS);
    console.greet();
    core.startStatusPolling();
    try {
      console.run(ConsoleInput.start(in, ConsoleInput.WINDOW));
      return 0;
    } catch (IOException e) {
      err.println("claude500: reading standard input failed, so the console ends: " + e.getMessage());
      return 0;
    } finally {
      watcher.ifPresent(IncidentWatcher::close);
    }
  }

  /**
   * Makes the incident watcher for the console, unless the store is a PostgreSQL shared with
   * service replicas: holding their lease, the console would stop their posts while it runs (the
   * status poller runs either way, for {@code /claude500 status} and the triage).
   */
  private static Optional<IncidentWatcher> consoleWatcher(Core core) {
    if (core.settings.dbUrl().startsWith("jdbc:postgresql:")) {
      LoggerFactory.getLogger(Main.class).info("Console mode on a PostgreSQL store: the incident watcher is left"
          + " to the service replicas, so this console gets no incident posts or follow-ups");
      return Optional.empty();
    }
    return Optional.of(core.newIncidentWatcher());
  }

  /** Returns {@link #LOG_FILE}, its folder made; the same name in the temporary folder when that cannot be made. */
  private static Path logFile() {
    try {
      Files.createDirectories(LOG_FILE.getParent());
    } catch (IOException e) {
      return Path.of(System.getProperty("java.io.tmpdir")).resolve(LOG_FILE.getFileName());
    }
    return LOG_FILE;
  }

  /** Returns the usage text with every setting and its default. */
  static String help() {
    StringBuilder sb = new StringBuilder();
    sb.append(USAGE).append("\n\n");
    sb.append("Without a platform configured (or with 'console') it runs console mode on standard input/output.\n");
    sb.append("Settings (environment variables):\n");
    for (Setting s : Setting.values()) {
      sb.append(String.format("  %-24s %s%n", s.name(), s.description()));
      if (!s.defaultValue().isEmpty()) {
        sb.append(String.format("  %-24s default: %s%n", "", s.defaultValue()));
      }
    }
    return sb.toString();
  }
}
