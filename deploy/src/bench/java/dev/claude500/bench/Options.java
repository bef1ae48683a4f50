package dev.claude500.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The sizes of one run. {@link #full()} is what the README's figures come from; {@link #quick()}
 * runs every benchmark with tiny sizes in a few seconds each, for the smoke test.
 *
 * @param ackWarmup unrecorded ack/healthz pairs first
 * @param ackPairs recorded ack/healthz pairs on a healthy page
 * @param stalledPairs recorded pairs while the page stalls (at least for the stall and two poll intervals)
 * @param stall how long each status-page answer stalls in that phase
 * @param pace the pause between two pairs
 * @param fanIn concurrent {@code /claude500 status} requests
 * @param pollInterval the service's {@code CLAUDE500_POLL_INTERVAL}, also its status cache period
 * @param pollTrials poll-to-post trials
 * @param fanOutChannels channels subscribed for the fan-out
 * @param rateLimitEvery one 429 for every this many posts during the fan-out
 * @param heapTriages open triages in the 256 MB heap
 * @param startRuns fresh starts of the jar
 * @param settle idle time after healthy before the resident memory is read
 * @param jmh how JMH runs
 * @param only the groups to run (service, start, heap, engine, words, stats); empty for all
 * @param jvm options for the service's JVM (none: the JVM's defaults, as {@code java -jar} runs it)
 */
record Options(int ackWarmup, int ackPairs, int stalledPairs, Duration stall, Duration pace, int fanIn,
    Duration pollInterval, int pollTrials, int fanOutChannels, int rateLimitEvery, int heapTriages, int startRuns,
    Duration settle, EngineThroughput.Plan jmh, Set<String> only, List<String> jvm) {
  /** The groups of benchmarks. */
  static final Set<String> GROUPS = Set.of("service", "start", "heap", "engine", "words", "stats");

  /** Validates. */
  Options {
    if (ackPairs < 1 || stalledPairs < 1 || fanIn < 1 || pollTrials < 1 || fanOutChannels < 1 || rateLimitEvery < 1
        || heapTriages < 2 || startRuns < 1 || ackWarmup < 0) {
      throw new IllegalArgumentException("every count must be positive");
    }
    if (pollInterval.toSeconds() < 1 || pollInterval.toSeconds() > 3600) {
      throw new IllegalArgumentException("poll-interval must be 1 to 3600 seconds");
    }
    if (jmh.forks() < 0 || jmh.iterations() < 1) {
      throw new IllegalArgumentException("jmh-forks must be 0 or more, jmh-iterations 1 or more");
    }
    only = Set.copyOf(only);
    jvm = List.copyOf(jvm);
    if (!GROUPS.containsAll(only)) {
      throw new IllegalArgumentException("only: unknown group in " + only + "; groups are " + GROUPS);
    }
  }

  /** Returns the sizes the README's figures come from (about five minutes on two cores). */
  static Options full() {
    return new Options(200, 1000, 500, Duration.ofSeconds(10), Duration.ofMillis(20), 500, Duration.ofSeconds(5),
        8, 200, 20, 100_000, 5, Duration.ofSeconds(10),
        new EngineThroughput.Plan(1, 3, 5, TimeValue.seconds(2)), Set.of(), List.of());
  }

  /** Returns tiny sizes that run every benchmark once, for the smoke test. */
  static Options quick() {
    return new Options(5, 20, 20, Duration.ofSeconds(1), Duration.ofMillis(5), 20, Duration.ofSeconds(1),
        1, 5, 3, 500, 1, Duration.ofSeconds(1),
        new EngineThroughput.Plan(0, 1, 1, TimeValue.milliseconds(200)), Set.of(), List.of());
  }

  /** Returns true when group {@code g} runs. */
  boolean runs(String g) {
    return only.isEmpty() || only.contains(g);
  }

  /**
   * Reads the arguments: {@code --quick} for the smoke sizes, then {@code --name=value} to change
   * one size (names as in {@link #NAMES}, durations in seconds), e.g. {@code --poll-interval=30
   * --poll-trials=4}, {@code --only=engine,heap} to run some groups, or {@code
   * --jvm=-XX:MaxRAMPercentage=75,-XX:+UseSerialGC} to run the service's JVM with options (split
   * at each comma that a dash follows).
   */
  static Options parse(String... args) {
    Map<String, String> given = new HashMap<>();
    boolean quick = false;
    for (String arg : args) {
      if (arg.isBlank()) {
        continue;
      }
      if (arg.equals("--quick")) {
        quick = true;
        continue;
      }
      int eq = arg.indexOf('=');
      String name = eq < 0 ? "" : arg.substring(2, eq).toLowerCase(Locale.ROOT);
      if (!arg.startsWith("--") || !NAMES.contains(name)) {
        throw new IllegalArgumentException("unknown argument '" + arg + "': use --quick or --name=value with a name"
            + " of " + NAMES);
      }
      given.put(name, arg.substring(eq + 1).strip());
    }
    Options b = quick ? quick() : full();
    EngineThroughput.Plan p = b.jmh();
    return new Options(
        count(given, "ack-warmup", b.ackWarmup()),
        count(given, "ack-pairs", b.ackPairs()),
        count(given, "stalled-pairs", b.stalledPairs()),
        seconds(given, "stall", b.stall()),
        b.pace(),
        count(given, "fan-in", b.fanIn()),
        seconds(given, "poll-interval", b.pollInterval()),
        count(given, "poll-trials", b.pollTrials()),
        count(given, "fan-out", b.fanOutChannels()),
        count(given, "rate-limit-every", b.rateLimitEvery()),
        count(given, "heap-triages", b.heapTriages()),
        count(given, "start-runs", b.startRuns()),
        seconds(given, "settle", b.settle()),
        new EngineThroughput.Plan(count(given, "jmh-forks", p.forks()), p.warmups(),
            count(given, "jmh-iterations", p.iterations()), p.iterationTime()),
        given.containsKey("only") ? Set.of(given.get("only").toLowerCase(Locale.ROOT).split(",")) : b.only(),
        given.containsKey("jvm") ? List.of(given.get("jvm").split(",(?=-)")) : b.jvm());
  }

  /** The names {@link #parse} takes. */
  static final List<String> NAMES = List.of("ack-warmup", "ack-pairs", "stalled-pairs", "stall", "fan-in",
      "poll-interval", "poll-trials", "fan-out", "rate-limit-every", "heap-triages", "start-runs", "settle",
      "jmh-forks", "jmh-iterations", "only", "jvm");

  private static int count(Map<String, String> given, String name, int otherwise) {
    String v = given.get(name);
    if (v == null) {
      return otherwise;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + ": not a whole number: '" + v + "'");
    }
  }

  private static Duration seconds(Map<String, String> given, String name, Duration otherwise) {
    return given.containsKey(name) ? Duration.ofSeconds(count(given, name, 0)) : otherwise;
  }
}
