package dev.claude500.bench;

import dev.claude500.testing.PrintedErrorLines;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Slash-command acknowledgement latency in Slack HTTP mode: signed {@code /claude500 <pasted error
 * line>} requests (each starting a triage) interleaved with bare {@code GET /healthz} on the same
 * server and connection pool, alternating which goes first, at a steady pace; once on a healthy
 * status page and once while every status request stalls before answering.
 */
final class AckLatency {
  /** The target for the acknowledgement's 99th percentile. */
  static final Duration TARGET_P99 = Duration.ofMillis(300);
  /** The target for the acknowledgement's median over the health check's. */
  static final double TARGET_RATIO = 3;

  private final ServiceRig rig;
  private final String pasted;

  AckLatency(ServiceRig rig) {
    this.rig = rig;
    this.pasted = PrintedErrorLines.all().stream()
        .filter(r -> r.httpStatus().filter(s -> s == 500).isPresent())
        .findFirst().orElseThrow().withoutPrefix();
  }

  /** The two interleaved series of one phase, in nanoseconds. */
  record Phase(Samples ack, Samples health, int stalledUpstream) {
    /** Returns the ack's median over the health check's. */
    double medianRatio() {
      return ack.median() / health.median();
    }

    /** Returns the ack's p99 over the health check's. */
    double p99Ratio() {
      return ack.p99() / health.p99();
    }
  }

  /** Runs {@code warmup} unrecorded pairs, then {@code pairs} recorded ones, one every {@code pace}. */
  Phase healthy(int warmup, int pairs, Duration pace) throws IOException, InterruptedException {
    run(warmup, Duration.ZERO, pace);
    return run(pairs, Duration.ZERO, pace);
  }

  /**
   * Makes every status-page answer stall for {@code stall} and runs at least {@code pairs} pairs,
   * and for at least the stall and two poll intervals, so that refreshes meet it; then shows the
   * page as it was again.
   */
  Phase stalled(TrialIncidents trials, Duration stall, int pairs, Duration pace)
      throws IOException, InterruptedException {
    int before = rig.page.totalRequests();
    TrialIncidents.serve(rig.page, trials.before(), stall);
    try {
      Duration atLeast = stall.plus(rig.pollInterval.multipliedBy(2));
      Phase p = run(pairs, atLeast, pace);
      return new Phase(p.ack(), p.health(), rig.page.totalRequests() - before);
    } finally {
      TrialIncidents.serve(rig.page, trials.before(), Duration.ZERO);
    }
  }

  private Phase run(int pairs, Duration atLeast, Duration pace) throws IOException, InterruptedException {
    List<Long> acks = new ArrayList<>();
    List<Long> health = new ArrayList<>();
    long end = System.nanoTime() + atLeast.toNanos();
    for (int i = 0; i < pairs || System.nanoTime() < end; i++) {
      HttpRequest command = rig.requests.command("C0BENCHACK", "U0ACK" + (i % 50), pasted);
      if (i % 2 == 0) {
        health.add(healthz());
        acks.add(ack(command));
      } else {
        acks.add(ack(command));
        health.add(healthz());
      }
      Thread.sleep(pace.toMillis());
    }
    return new Phase(Samples.of(acks), Samples.of(health), 0);
  }

  private long ack(HttpRequest command) throws IOException, InterruptedException {
    SlackClient.Answer a = rig.requests.send(command);
    if (!a.acknowledged()) {
      throw new IOException("a slash command was answered " + a.status() + " " + a.body());
    }
    return a.nanos();
  }

  private long healthz() throws IOException, InterruptedException {
    SlackClient.Answer a = rig.requests.send(rig.requests.healthz());
    if (a.status() != 200) {
      throw new IOException("GET /healthz answered " + a.status());
    }
    return a.nanos();
  }

  /** Returns the figures of both phases. */
  static List<Figure> figures(Phase healthy, Phase stalled, Duration stall) {
    List<Figure> rows = new ArrayList<>();
    rows.add(new Figure("Slash-command ack, Slack HTTP mode (n=" + healthy.ack().count() + ")",
        Units.nanos(healthy.ack().median()), Units.nanos(healthy.ack().p99()), "", "p99 < 300 ms",
        Figure.Verdict.of(healthy.ack().p99() < TARGET_P99.toNanos())));
    rows.add(new Figure("`GET /healthz`, same server, interleaved (n=" + healthy.health().count() + ")",
        Units.nanos(healthy.health().median()), Units.nanos(healthy.health().p99()), "", "", Figure.Verdict.NONE));
    rows.add(new Figure("Ack ÷ healthz", Units.ratio(healthy.medianRatio()), Units.ratio(healthy.p99Ratio()), "",
        "median ratio ≤ 3", Figure.Verdict.of(healthy.medianRatio() <= TARGET_RATIO)));
    rows.add(new Figure("Slash-command ack while the status page stalls " + stall.toSeconds() + " s (n="
        + stalled.ack().count() + ")", Units.nanos(stalled.ack().median()), Units.nanos(stalled.ack().p99()),
        stalled.stalledUpstream() + " status requests stalled meanwhile; healthz p99 "
            + Units.nanos(stalled.health().p99()),
        "p99 < 300 ms", Figure.Verdict.of(stalled.ack().p99() < TARGET_P99.toNanos() && stalled.stalledUpstream() > 0)));
    return rows;
  }
}
