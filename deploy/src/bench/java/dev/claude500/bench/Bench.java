package dev.claude500.bench;

import dev.claude500.testing.FakeStatusPage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Runs every benchmark in one go and prints the results table (Markdown) on standard output,
 * progress on standard error, and writes the table to {@code results.md} in the output directory.
 *
 * <p>System properties: {@code claude500.jar} (default {@code deploy/target/claude500.jar}) and
 * {@code bench.out} (default {@code deploy/target/bench}). Arguments: see {@link Options#parse}.
 * Exit status 0 when every figure was measured, 1 when one could not be, 2 for bad arguments; a
 * missed target shows in the table.
 */
public final class Bench {
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(120);

  private final Options options;
  private final Path jar;
  private final Path out;
  private final PrintStream progress;
  private final List<Figure> figures = new ArrayList<>();
  private final long began = System.nanoTime();

  Bench(Options options, Path jar, Path out, PrintStream progress) {
    this.options = options;
    this.jar = jar;
    this.out = out;
    this.progress = progress;
  }

  /** Entry point. */
  public static void main(String[] args) throws IOException, InterruptedException {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("bench: " + e.getMessage());
      System.exit(2);
      return;
    }
    Path jar = Path.of(System.getProperty("claude500.jar", "deploy/target/claude500.jar"));
    Path out = Path.of(System.getProperty("bench.out", "deploy/target/bench"));
    Report report = new Bench(options, jar, out, System.err).run();
    String markdown = report.markdown();
    Files.createDirectories(out);
    Files.writeString(out.resolve("results.md"), markdown, StandardCharsets.UTF_8);
    System.out.print(markdown);
    System.out.flush();
    System.exit(report.measuredAll() ? 0 : 1);
  }

  /**
   * Runs the benchmarks the options name and returns the report. The loopback fakes answer at
   * once ({@code TCP_NODELAY}, as Slack and Statuspage do) when this is the JVM's first use of the
   * JDK's HTTP server, as it is under {@code -Pbench}: otherwise each of their answers waits about
   * 40 ms for the client's delayed ACK, and the fan-out measures the fake rather than the bot.
   */
  Report run() throws IOException, InterruptedException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    Files.createDirectories(out);
    Instant started = Instant.now();
    String loadBefore = Machine.loadAverage();
    TrialIncidents trials = TrialIncidents.pick(options.pollTrials() + 1);
    if (options.runs("service")) {
      service(trials);
    }
    if (options.runs("start")) {
      say("start to healthy and idle memory: %d fresh starts", options.startRuns());
      measure(List.of("Start to healthy", "Idle resident memory"), () -> StartToHealthy.figures(
          StartToHealthy.run(jar, out.resolve("start"), options.startRuns(), options.settle(), trials,
              options.jvm()), options.settle(), options.jvm()));
    }
    if (options.runs("heap")) {
      say("heap per open triage: %d triages in a forked JVM with -Xmx%s", options.heapTriages(), HeapPerTriage.HEAP);
      measure(List.of("Heap per open triage"), () -> List.of(HeapPerTriage.figure(options.heapTriages(),
          HeapPerTriage.run(options.heapTriages(), out.resolve("heap")))));
    }
    if (options.runs("engine")) {
      say("engine: JMH, log in %s", out.resolve("jmh.txt"));
      measure(List.of("Engine: triage inputs per second"), () -> EngineThroughput.figures(
          EngineThroughput.run(options.jmh(), out.resolve("jmh.txt")), options.jmh()));
    }
    if (options.runs("words")) {
      say("understanding: JMH over the corpora of real replies and pastes, log in %s", out.resolve("jmh-words.txt"));
      measure(List.of("Understanding a reply"), () -> ReadingReplies.figures(EngineThroughput.run(ReadingReplies.class,
          "read", options.jmh(), out.resolve("jmh-words.txt"))));
    }
    if (options.runs("stats")) {
      say("stats: JMH over 10,000 triages in an H2 file, log in %s", out.resolve("jmh-stats.txt"));
      measure(List.of("stats 90d", "stats 90d with its chart"), () -> StatsQuery.figures(
          EngineThroughput.run(StatsQuery.class, "table", options.jmh(), out.resolve("jmh-stats.txt")),
          EngineThroughput.run(StatsQuery.class, "withChart", options.jmh(), out.resolve("jmh-stats-chart.txt"))));
    }
    say("done");
    return new Report(started, Instant.now(), Machine.describe(), loadBefore, Machine.loadAverage(), figures);
  }

  /** The benchmarks against one service process, in Slack HTTP mode, one after the other. */
  private void service(TrialIncidents trials) throws InterruptedException {
    List<String> channels = IntStream.range(0, options.fanOutChannels())
        .mapToObj(i -> String.format(Locale.ROOT, "C0BENCH%03d", i)).toList();
    say("service: starting %s (poll interval %d s)", jar, options.pollInterval().toSeconds());
    ServiceRig rig;
    try {
      rig = ServiceRig.start(jar, out.resolve("service"), options.pollInterval(), trials, options.jvm());
    } catch (Exception | AssertionError e) {
      for (String name : List.of("Slash-command ack", "Status fan-in", "Poll-to-post", "Fan-out")) {
        figures.add(Figure.failed(name, "", e));
      }
      return;
    }
    try (rig) {
      measure(List.of("Subscriptions"), () -> {
        rig.subscribe(channels.subList(0, 1), ANSWER_TIMEOUT);
        return List.of();
      });
      AckLatency ack = new AckLatency(rig);
      say("ack latency: %d + %d pairs, then %d while the page stalls %d s", options.ackWarmup(), options.ackPairs(),
          options.stalledPairs(), options.stall().toSeconds());
      measure(List.of("Slash-command ack"), () -> {
        AckLatency.Phase healthy = ack.healthy(options.ackWarmup(), options.ackPairs(), options.pace());
        AckLatency.Phase stalled = ack.stalled(trials, options.stall(), options.stalledPairs(), options.pace());
        return AckLatency.figures(healthy, stalled, options.stall());
      });
      awaitWatcherRead(rig);
      say("status fan-in: %d concurrent /claude500 status", options.fanIn());
      measure(List.of("Status fan-in"), () -> List.of(StatusFanIn.figure(options.fanIn(),
          new StatusFanIn(rig).run(options.fanIn(), ANSWER_TIMEOUT, trials.before()), options.pollInterval())));
      say("poll-to-post: %d trials", options.pollTrials());
      measure(List.of("Poll-to-post"), () -> List.of(PollToPost.figure(
          new PollToPost(rig, trials, channels.get(0)).run(options.pollTrials()), options.pollInterval())));
      say("fan-out: subscribing %d channels, then one incident with a 429 every %d posts", channels.size(),
          options.rateLimitEvery());
      measure(List.of("Fan-out"), () -> {
        rig.subscribe(channels.subList(1, channels.size()), ANSWER_TIMEOUT);
        return List.of(IncidentFanOut.figure(channels.size(), new IncidentFanOut(rig)
            .run(channels, trials, options.pollTrials(), options.rateLimitEvery(), ANSWER_TIMEOUT)));
      });
      measure(List.of("Resident memory after the workload"), () -> List.of(new Figure(
          "Resident memory of the service after all of the above", "", "", Units.megabytes(rig.residentBytes()),
          "", Figure.Verdict.NONE)));
    }
  }

  /** After a stall the watcher backs off; waits until it has read the page again, so later figures start clean. */
  private void awaitWatcherRead(ServiceRig rig) throws InterruptedException {
    int reads = rig.page.requestCount(FakeStatusPage.INCIDENTS);
    long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
    while (rig.page.requestCount(FakeStatusPage.INCIDENTS) == reads && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    Thread.sleep(500);
  }

  /** A benchmark that yields figures. */
  @FunctionalInterface
  private interface Measurement {
    List<Figure> run() throws Exception;
  }

  private void measure(List<String> names, Measurement m) {
    try {
      figures.addAll(m.run());
    } catch (Exception | AssertionError e) {
      say("%s failed: %s", names.get(0), e);
      for (String name : names) {
        figures.add(Figure.failed(name, "", e));
      }
    }
  }

  private void say(String format, Object... args) {
    progress.printf(Locale.ROOT, "bench [%5.1f s]: %s%n", (System.nanoTime() - began) / 1e9,
        String.format(Locale.ROOT, format, args));
  }
}
