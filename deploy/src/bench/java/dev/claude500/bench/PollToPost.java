package dev.claude500.bench;

import dev.claude500.status.Incident;
import dev.claude500.testing.FakeSlackApi;
import dev.claude500.testing.FakeStatusPage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Poll-to-post latency: the page starts showing a new incident, and the time from that change
 * until the fake Slack received the incident's first post in a subscribed channel. Even trials
 * change the page at a random moment of the watcher's poll cycle; odd ones just after the watcher
 * read it (the worst case: the whole wait until the next read). After each trial the incident is
 * shown resolved and the watcher reads it, so the next trial starts from a green page at the full
 * poll interval.
 */
final class PollToPost {
  /** Seeded, so reruns sample the same moments of the cycle. */
  private final Random random = new Random(500);
  private final ServiceRig rig;
  private final TrialIncidents trials;
  private final String channel;

  PollToPost(ServiceRig rig, TrialIncidents trials, String channel) {
    this.rig = rig;
    this.trials = trials;
    this.channel = channel;
  }

  /**
   * The latencies measured, nanoseconds.
   *
   * @param all every trial's
   * @param afterRead those of the trials that changed the page just after a read
   */
  record Result(Samples all, Samples afterRead) {}

  /** Runs trials with incidents {@code 0 .. count-1}. */
  Result run(int count) throws IOException, InterruptedException {
    List<Long> latencies = new ArrayList<>();
    List<Long> worst = new ArrayList<>();
    Duration timeout = rig.pollInterval.multipliedBy(3).plusSeconds(20);
    for (int k = 0; k < count; k++) {
      // an odd trial follows at once on the read that saw the previous incident resolved
      boolean afterRead = k % 2 == 1;
      if (!afterRead) {
        Thread.sleep((long) (random.nextDouble() * rig.pollInterval.toMillis()));
      }
      Incident incident = trials.incident(k);
      long t0 = System.nanoTime();
      TrialIncidents.serve(rig.page, trials.open(k), Duration.ZERO);
      FakeSlackApi.Call post = firstPost(rig.slack, channel, incident.id(), timeout);
      latencies.add(post.atNanos() - t0);
      if (afterRead) {
        worst.add(post.atNanos() - t0);
      }
      TrialIncidents.serve(rig.page, trials.resolved(k), Duration.ZERO);
      // counted after the change, so the read waited for has seen it
      awaitReads(rig.page.requestCount(FakeStatusPage.INCIDENTS) + 1, timeout);
    }
    return new Result(Samples.of(latencies), worst.isEmpty() ? Samples.of(latencies) : Samples.of(worst));
  }

  /** Returns the first accepted top-level post of an incident in a channel (its metadata carries the incident's id). */
  static FakeSlackApi.Call firstPost(FakeSlackApi slack, String channel, String incidentId, Duration timeout) {
    return slack.await("chat.postMessage", c -> isIncidentPost(c, channel, incidentId), timeout);
  }

  /** Returns true for an accepted top-level post in {@code channel} tagged with the incident's id. */
  static boolean isIncidentPost(FakeSlackApi.Call c, String channel, String incidentId) {
    return c.accepted() && c.param("channel").equals(channel) && c.param("thread_ts").isEmpty()
        && c.param("metadata").contains(incidentId);
  }

  private void awaitReads(int count, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (rig.page.requestCount(FakeStatusPage.INCIDENTS) < count) {
      if (System.nanoTime() > deadline) {
        throw new IOException("the watcher did not read the page again within " + timeout);
      }
      Thread.sleep(5);
    }
    Thread.sleep(200);
  }

  /** Returns the figure. */
  static Figure figure(Result r, Duration interval) {
    Duration target = interval.plusSeconds(2);
    return new Figure("Poll-to-post, poll interval " + interval.toSeconds() + " s (n=" + r.all().count() + ")",
        Units.seconds(r.all().median()), Units.seconds(r.all().p99()),
        "max " + Units.seconds(r.all().max()) + "; changed just after a read (n=" + r.afterRead().count()
            + "): median " + Units.seconds(r.afterRead().median()) + ", max " + Units.seconds(r.afterRead().max()),
        "≤ poll interval + 2 s (" + target.toSeconds() + " s)", Figure.Verdict.of(r.all().max() <= target.toNanos()));
  }
}
