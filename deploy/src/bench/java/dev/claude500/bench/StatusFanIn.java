package dev.claude500.bench;

import dev.claude500.testing.FakeStatusPage;
import dev.claude500.testing.StatusPageHistory;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Status fan-in: {@code n} signed {@code /claude500 status} requests sent at once, timed to begin
 * just before the status cache is due to refresh (the moment most likely to cause extra fetches),
 * counting at the fake page every {@code summary.json} request from the first command sent until
 * the last answer reached its {@code response_url} (the incident watcher's own reads included, so
 * the count is an upper bound of what the burst caused), and whether each was a conditional request
 * the page answered {@code 304}.
 */
final class StatusFanIn {
  private final ServiceRig rig;

  StatusFanIn(ServiceRig rig) {
    this.rig = rig;
  }

  /**
   * What one burst found.
   *
   * @param acks the acknowledgements' latencies, nanoseconds
   * @param busy how many were acknowledged with the "busy" refusal
   * @param answered how many got the status at their {@code response_url}
   * @param fetches {@code summary.json} requests at the page during the burst
   * @param notModified how many of them were conditional on the page's current ETag, so answered 304
   * @param windowNanos from the first command sent to the last answer
   * @param firstUnconditional whether the run's first summary request had no {@code If-None-Match}
   */
  record Burst(Samples acks, int busy, int answered, int fetches, int notModified, long windowNanos,
      boolean firstUnconditional) {}

  /**
   * Sends {@code n} status commands at once and waits up to {@code timeout} for their answers.
   *
   * @param shown the page the fake serves throughout, whose summary's ETag a conditional request carries
   */
  Burst run(int n, Duration timeout, StatusPageHistory.PageState shown) throws IOException, InterruptedException {
    List<HttpRequest> commands = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      commands.add(rig.requests.command("C0BENCHFANIN", "U0FAN" + i, "status"));
    }
    alignWithRefresh();
    int fetchesBefore = rig.page.requests(FakeStatusPage.SUMMARY).size();
    int answersBefore = rig.slack.calls("response_url").size();
    long t0 = System.nanoTime();
    List<CompletableFuture<SlackRequests.Answer>> sent = commands.stream().map(rig.requests::sendAsync).toList();
    List<Long> latencies = new ArrayList<>();
    int busy = 0;
    for (CompletableFuture<SlackRequests.Answer> f : sent) {
      SlackRequests.Answer a = f.join();
      if (a.status() != 200) {
        throw new IOException("a status command was answered " + a.status() + " " + a.body());
      }
      busy += a.acknowledged() ? 0 : 1;
      latencies.add(a.nanos());
    }
    int expected = n - busy;
    long deadline = System.nanoTime() + timeout.toNanos();
    while (rig.slack.calls("response_url").size() - answersBefore < expected && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    long window = System.nanoTime() - t0;
    int answered = rig.slack.calls("response_url").size() - answersBefore;
    List<FakeStatusPage.Request> summaries = rig.page.requests(FakeStatusPage.SUMMARY);
    String etag = FakeStatusPage.etagOf(shown.summaryJson());
    int fetches = summaries.size() - fetchesBefore;
    int notModified = (int) summaries.subList(fetchesBefore, summaries.size()).stream()
        .filter(r -> r.header("If-None-Match").map(v -> weak(v).equals(weak(etag))).orElse(false)).count();
    boolean firstUnconditional = !summaries.isEmpty() && summaries.get(0).header("If-None-Match").isEmpty();
    return new Burst(Samples.of(latencies), busy, answered, fetches, notModified, window, firstUnconditional);
  }

  /** Waits for the next summary request at the page, then until just before the one after it is due. */
  private void alignWithRefresh() throws InterruptedException {
    int seen = rig.page.requestCount(FakeStatusPage.SUMMARY);
    long deadline = System.nanoTime() + rig.pollInterval.multipliedBy(3).toNanos();
    while (rig.page.requestCount(FakeStatusPage.SUMMARY) == seen && System.nanoTime() < deadline) {
      Thread.sleep(2);
    }
    Thread.sleep(Math.max(0, rig.pollInterval.toMillis() - 100));
  }

  private static String weak(String tag) {
    String t = tag.strip();
    return t.startsWith("W/") ? t.substring(2) : t;
  }

  /** Returns the figure of a burst of {@code n}. */
  static Figure figure(int n, Burst b, Duration period) {
    long periods = Math.max(1, (long) Math.ceil((double) b.windowNanos() / period.toNanos()));
    boolean fewFetches = b.fetches() <= 2 * periods;
    boolean all304 = b.notModified() == b.fetches() && b.firstUnconditional();
    boolean allAnswered = b.answered() == n - b.busy() && b.busy() == 0;
    String result = b.fetches() + " upstream summary fetches in " + Units.seconds(b.windowNanos())
        + " (cache period " + period.toSeconds() + " s), " + b.notModified() + " of them conditional → 304"
        + (b.firstUnconditional() ? " (the run's first was a plain 200)" : "") + "; " + b.answered()
        + " of " + n + " answered" + (b.busy() > 0 ? ", " + b.busy() + " told busy" : "");
    return new Figure("Status fan-in: " + n + " concurrent `/claude500 status` (ack latency)",
        Units.nanos(b.acks().median()), Units.nanos(b.acks().p99()), result,
        "≤ 2 fetches per cache period, 304 after the first",
        Figure.Verdict.of(fewFetches && all304 && allAnswered));
  }
}
