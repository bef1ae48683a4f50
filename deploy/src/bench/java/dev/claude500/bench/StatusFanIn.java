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
 * just before the status cache is next due to refresh (the moment most likely to cause extra
 * fetches). The fake page counts every {@code summary.json} request from the first command sent
 * until the last answer reached its {@code response_url} (the incident watcher's own reads
 * included, so the count bounds what the burst caused from above), and shows whether every summary
 * request since the first answer carried the page's ETag, which it answers {@code 304}; the page has
 * not changed since the service started. Only the first fetches may be plain: the status cache's
 * and the incident watcher's, which start together with the service.
 */
final class StatusFanIn {
  private static final Duration WATCHER_PAIR = Duration.ofMillis(500);

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
   * @param windowNanos from the first command sent to the last answer
   * @param plain the summary requests of the run before its first conditional one (no {@code If-None-Match})
   * @param later the summary requests of the run after those
   * @param notModified how many of those were conditional on the page's ETag, so answered 304
   */
  record Burst(Samples acks, int busy, int answered, int fetches, long windowNanos, int plain, int later,
      int notModified) {}

  /** At most this many plain fetches: the status cache's first and the incident watcher's first, made together. */
  static final int FIRST_FETCHES = 2;

  /**
   * Sends {@code n} status commands at once and waits up to {@code timeout} for their answers.
   *
   * @param shown the page the fake has served since the service started
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
    List<CompletableFuture<SlackClient.Answer>> sent = commands.stream().map(rig.requests::sendAsync).toList();
    List<Long> latencies = new ArrayList<>();
    int busy = 0;
    for (CompletableFuture<SlackClient.Answer> f : sent) {
      SlackClient.Answer a = f.join();
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
    String etag = weak(FakeStatusPage.etagOf(shown.summaryJson()));
    int plain = 0;
    while (plain < summaries.size() && summaries.get(plain).header("If-None-Match").isEmpty()) {
      plain++;
    }
    List<FakeStatusPage.Request> later = summaries.subList(plain, summaries.size());
    int notModified = (int) later.stream()
        .filter(r -> r.header("If-None-Match").map(v -> weak(v).equals(etag)).orElse(false)).count();
    return new Burst(Samples.of(latencies), busy, answered, summaries.size() - fetchesBefore, window, plain,
        later.size(), notModified);
  }

  /**
   * Waits for a refresh of the status cache (a summary request without the incidents request the
   * watcher makes with its own), then until just before the next one is due; gives up waiting for
   * one after three periods.
   */
  private void alignWithRefresh() throws InterruptedException {
    long deadline = System.nanoTime() + rig.pollInterval.multipliedBy(3).toNanos();
    int summaries = rig.page.requestCount(FakeStatusPage.SUMMARY);
    int incidents = rig.page.requestCount(FakeStatusPage.INCIDENTS);
    long incidentsAt = System.nanoTime();
    while (System.nanoTime() < deadline) {
      Thread.sleep(2);
      int i = rig.page.requestCount(FakeStatusPage.INCIDENTS);
      if (i != incidents) {
        incidents = i;
        incidentsAt = System.nanoTime();
      }
      int s = rig.page.requestCount(FakeStatusPage.SUMMARY);
      if (s != summaries) {
        summaries = s;
        if (System.nanoTime() - incidentsAt > WATCHER_PAIR.toNanos()) {
          break;
        }
      }
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
    boolean all304 = b.plain() >= 1 && b.plain() <= FIRST_FETCHES && b.notModified() == b.later();
    boolean allAnswered = b.answered() == n && b.busy() == 0;
    String result = b.fetches() + " upstream summary " + (b.fetches() == 1 ? "fetch" : "fetches") + " in "
        + Units.seconds(b.windowNanos()) + " (cache period " + period.toSeconds() + " s); in the run, after "
        + b.plain() + " plain first " + (b.plain() == 1 ? "fetch" : "fetches") + ", " + b.notModified() + " of "
        + b.later() + " conditional → 304; " + b.answered() + " of " + n + " answered"
        + (b.busy() > 0 ? ", " + b.busy() + " told busy" : "");
    return new Figure("Status fan-in: " + n + " concurrent `/claude500 status` (ack latency)",
        Units.nanos(b.acks().median()), Units.nanos(b.acks().p99()), result,
        "≤ 2 fetches per cache period, 304 after the first",
        Figure.Verdict.of(fewFetches && all304 && allAnswered));
  }
}
