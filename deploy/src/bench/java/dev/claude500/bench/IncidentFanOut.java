package dev.claude500.bench;

import dev.claude500.status.Incident;
import dev.claude500.testing.FakeSlackApi;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Fan-out: one new incident on the page, pushed to the service through its status-page webhook as
 * a page with webhooks would, subscribed channels each to get its post, and the fake Slack
 * answering {@code chat.postMessage} with a 429 and {@code Retry-After: 1} once every few calls
 * while the posts go out. Counts the posts Slack took per channel after the watcher has had two
 * more rounds to repeat any.
 */
final class IncidentFanOut {
  /** The longest the posts of one incident may take to reach every channel from the page's change (issue 14). */
  static final Duration SERVED_WITHIN = Duration.ofSeconds(3);

  private final ServiceRig rig;

  IncidentFanOut(ServiceRig rig) {
    this.rig = rig;
  }

  /**
   * What one fan-out found.
   *
   * @param delivered channels that got the post
   * @param twice channels that got it more than once
   * @param rateLimited 429s the fake answered meanwhile
   * @param totalNanos from the page changing to the last post
   * @param spreadNanos from the first post to the last
   * @param perChannel each channel's post, from the page changing, nanoseconds
   */
  record Result(int delivered, int twice, int rateLimited, long totalNanos, long spreadNanos, Samples perChannel) {}

  /** Shows {@code incident} on the page (state {@code open}) and waits until all {@code channels} have it. */
  Result run(List<String> channels, TrialIncidents trials, int index, int rateLimitEvery, Duration timeout)
      throws IOException, InterruptedException {
    Incident incident = trials.incident(index);
    Set<String> wanted = Set.copyOf(channels);
    int callsBefore = rig.slack.calls("chat.postMessage").size();
    AtomicBoolean done = new AtomicBoolean();
    Thread limiter = new Thread(() -> limit(callsBefore, rateLimitEvery, done), "bench-rate-limiter");
    limiter.setDaemon(true);
    limiter.start();
    long t0 = System.nanoTime();
    try {
      TrialIncidents.serve(rig.page, trials.open(index), Duration.ZERO);
      rig.pokeWebhook(incident.id());
      long deadline = t0 + timeout.toNanos();
      while (posts(incident, wanted, callsBefore).keySet().size() < wanted.size()) {
        if (System.nanoTime() > deadline) {
          break;
        }
        Thread.sleep(10);
      }
    } finally {
      done.set(true);
      limiter.join();
    }
    Thread.sleep(rig.pollInterval.multipliedBy(2).toMillis() + 500);
    List<FakeSlackApi.Call> calls = rig.slack.calls("chat.postMessage");
    List<FakeSlackApi.Call> since = calls.subList(Math.min(callsBefore, calls.size()), calls.size());
    Map<String, List<FakeSlackApi.Call>> byChannel = posts(incident, wanted, callsBefore);
    int rateLimited = (int) since.stream().filter(c -> c.status() == 429).count();
    List<Long> firstPosts = byChannel.values().stream().map(l -> l.get(0).atNanos() - t0).sorted().toList();
    long total = firstPosts.isEmpty() ? 0 : firstPosts.get(firstPosts.size() - 1);
    long spread = firstPosts.isEmpty() ? 0 : total - firstPosts.get(0);
    int twice = (int) byChannel.values().stream().filter(l -> l.size() > 1).count();
    return new Result(byChannel.size(), twice, rateLimited, total, spread,
        firstPosts.isEmpty() ? Samples.of(0) : Samples.of(firstPosts));
  }

  private Map<String, List<FakeSlackApi.Call>> posts(Incident incident, Set<String> channels, int from) {
    List<FakeSlackApi.Call> calls = rig.slack.calls("chat.postMessage");
    return calls.subList(Math.min(from, calls.size()), calls.size()).stream()
        .filter(c -> channels.contains(c.param("channel"))
            && PollToPost.isIncidentPost(c, c.param("channel"), incident.id()))
        .collect(Collectors.groupingBy(c -> c.param("channel"), Collectors.mapping(Function.identity(),
            Collectors.toList())));
  }

  /** Queues one 429 for every {@code every} posts made since {@code from}, until told to stop. */
  private void limit(int from, int every, AtomicBoolean done) {
    int next = from + every;
    while (!done.get()) {
      if (rig.slack.calls("chat.postMessage").size() >= next) {
        rig.slack.script("chat.postMessage", FakeSlackApi.Answer.rateLimited(1));
        next += every;
      }
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Returns the figure for {@code n} channels. */
  static Figure figure(int n, Result r) {
    // the webhook wakes the watcher at once, so the total is the page's change to the last channel served
    boolean ok = r.delivered() == n && r.twice() == 0 && r.rateLimited() > 0 && r.totalNanos() < SERVED_WITHIN.toNanos();
    return new Figure("Fan-out: one incident to " + n + " channels, pushed by the page's webhook, 429 + Retry-After"
        + " now and then (per channel)",
        Units.seconds(r.perChannel().median()), Units.seconds(r.perChannel().p99()),
        r.delivered() + " of " + n + " delivered, " + r.twice() + " twice, " + r.rateLimited() + " × 429; total "
            + Units.seconds(r.totalNanos()) + " (first to last post " + Units.seconds(r.spreadNanos()) + ")",
        "all delivered, none twice, all served < " + SERVED_WITHIN.toSeconds() + " s from the page's change",
        Figure.Verdict.of(ok));
  }
}
