package dev.claude500.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link TriageSteps} under JMH on one thread in a JVM told it has one processor: throughput
 * (inputs per second) and the sampled time of one input. JMH's own log goes to a file.
 */
final class EngineThroughput {
  private EngineThroughput() {}

  /**
   * How JMH runs.
   *
   * @param forks forked JVMs (0 runs in this JVM, for a smoke run)
   * @param warmups warm-up iterations per fork
   * @param iterations measured iterations per fork
   * @param iterationTime each iteration's length
   */
  record Plan(int forks, int warmups, int iterations, TimeValue iterationTime) {}

  /**
   * What JMH measured.
   *
   * @param stepsPerSecond the throughput score
   * @param error its 99.9 % confidence half-width
   * @param iterationMedian the median of the per-iteration throughputs
   * @param stepMedianNanos the median sampled time of one input
   * @param stepP99Nanos its 99th percentile
   */
  record Result(double stepsPerSecond, double error, double iterationMedian, double stepMedianNanos,
      double stepP99Nanos) {}

  /** Runs both modes of the engine's benchmark and returns the scores; JMH's log goes to {@code log}. */
  static Result run(Plan plan, Path log) throws RunnerException {
    return run(TriageSteps.class, "step", plan, log);
  }

  /** Runs both modes of one JMH benchmark method and returns the scores; JMH's log goes to {@code log}. */
  static Result run(Class<?> benchmark, String method, Plan plan, Path log) throws RunnerException {
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include(Pattern.quote(benchmark.getName()) + "\\." + method + "$")
        .mode(Mode.Throughput)
        .mode(Mode.SampleTime)
        .timeUnit(TimeUnit.SECONDS)
        .threads(1)
        .forks(plan.forks())
        .warmupIterations(plan.warmups())
        .warmupTime(plan.iterationTime())
        .measurementIterations(plan.iterations())
        .measurementTime(plan.iterationTime())
        .shouldFailOnError(true)
        .output(log.toString());
    if (plan.forks() > 0) {
      options = options.jvmArgsAppend("-XX:ActiveProcessorCount=1", "-Xms512m", "-Xmx512m");
    }
    Collection<RunResult> results = new Runner(options.build()).run();
    RunResult throughput = only(results, Mode.Throughput);
    RunResult sample = only(results, Mode.SampleTime);
    List<Double> perIteration = new ArrayList<>();
    throughput.getBenchmarkResults().forEach(b -> b.getIterationResults()
        .forEach(i -> perIteration.add(i.getPrimaryResult().getScore())));
    var t = throughput.getPrimaryResult();
    var s = sample.getPrimaryResult().getStatistics();
    return new Result(t.getScore(), t.getScoreError(), Samples.of(perIteration).median(),
        s.getPercentile(50) * 1e9, s.getPercentile(99) * 1e9);
  }

  private static RunResult only(Collection<RunResult> results, Mode mode) {
    return results.stream().filter(r -> r.getParams().getMode() == mode).findFirst()
        .orElseThrow(() -> new IllegalStateException("JMH gave no " + mode + " result"));
  }

  /** Returns the figures. */
  static List<Figure> figures(Result r, Plan plan) {
    String how = plan.forks() + " fork(s) × " + plan.iterations() + " iterations of " + plan.iterationTime();
    return List.of(
        new Figure("Engine: triage inputs per second, 1 thread, 1 CPU (JMH throughput, " + how + ")",
            Units.count(r.iterationMedian()) + "/s", "",
            "score " + Units.count(r.stepsPerSecond()) + " ± " + Units.count(r.error()) + " /s", "",
            Figure.Verdict.NONE),
        new Figure("Engine: time of one triage input (JMH sample time)", Units.nanos(r.stepMedianNanos()),
            Units.nanos(r.stepP99Nanos()), "", "", Figure.Verdict.NONE));
  }
}
