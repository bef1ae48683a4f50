package dev.claude500.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.chat.ChannelRef;
import dev.claude500.incidents.IncidentWatcher;
import dev.claude500.incidents.Lease;
import dev.claude500.store.JdbcStore;
import dev.claude500.testing.FakeSlackApi;
import dev.claude500.testing.FakeStatusPage;
import dev.claude500.testing.FastReplay;
import dev.claude500.testing.JdbcStores;
import dev.claude500.testing.Postgres;
import dev.claude500.testing.SlackRequests;
import dev.claude500.testing.StatusPageHistory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two bot processes from the packaged jar, in Slack HTTP mode, on one PostgreSQL schema of their
 * own (made by the bots' migrations, started at the same moment, and dropped at the end), with a
 * loopback Slack and a loopback status page that lives a busy day of the real archive again.
 */
@DisplayName("Two replicas on one PostgreSQL")
class ReplicasIT {
  private static final String SECRET = "replicas-it-signing-secret";
  private static final String TRIAGE = "C0TRIAGE";
  private static final String INCIDENTS = "C0INC";
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final StatusPageHistory HISTORY = StatusPageHistory.anthropic();
  private static final Instant DAY_START = Instant.parse("2026-07-21T07:00:00Z");
  private static final String ERROR_LINE = "API Error: 500 {\"type\":\"error\",\"error\":{\"type\":\"api_error\","
      + "\"message\":\"Internal server error\"},\"request_id\":\"req_011CXmPAT8xd3GWgKxdq8TRC\"}";

  /** The settings both replicas run with: Slack in HTTP mode, the store on PostgreSQL, a fast poll. */
  private static Map<String, String> settings(Postgres pg, FakeSlackApi slack, FakeStatusPage page, Duration poll) {
    Map<String, String> env = new HashMap<>();
    env.put("CLAUDE500_DB_URL", pg.url());
    env.put("CLAUDE500_DB_USER", pg.user());
    if (!pg.password().isEmpty()) {
      env.put("CLAUDE500_DB_PASSWORD", pg.password());
    }
    env.put("CLAUDE500_STATUS_URL", page.baseUrl().toString());
    env.put("CLAUDE500_HTTP_PORT", "0");
    env.put("CLAUDE500_POLL_INTERVAL", Long.toString(poll.toSeconds()));
    env.put("SLACK_BOT_TOKEN", "xoxb-replicas-it");
    env.put("SLACK_SIGNING_SECRET", SECRET);
    env.put("SLACK_API_URL", slack.apiUrl());
    return env;
  }

  @Test
  @DisplayName("Triage steps sent to either replica apply once; a replica killed mid-replay is taken over and every update is posted once")
  void stepsApplyOnceAndAKilledReplicaIsTakenOver(@KeptOnFailure Path dir) throws Exception {
    Duration poll = Duration.ofSeconds(2);
    try (TwoReplicas r = new TwoReplicas(dir, poll, Instant.parse("2026-07-21T18:30:00Z"), Duration.ofMillis(500))) {
      triageAlternately(r.side, r.events);

      r.side.command(r.events.get(1), INCIDENTS, "subscribe", "trig-subscribe");
      await(() -> r.store.subscriptions().find(new ChannelRef("slack", INCIDENTS)).isPresent(), "the subscription");

      FastReplay replay = r.replayFromNow();
      r.page.servePage(replay.before());
      CompletableFuture<Duration> takeover = null;
      BotProcess survivor = null;
      for (int k = 0; k < replay.steps(); k++) {
        BotProcess.sleepUntil(replay.wallTime(k));
        r.page.servePage(replay.step(k));
        if (k == replay.steps() / 2) {
          BotProcess holder = holder(r.store, r.a, r.b);
          survivor = holder == r.a ? r.b : r.a;
          takeover = killAndTimeTakeover(r.store, holder, survivor);
        }
      }
      Duration took = takeover.get();
      assertThat(took).as("takeover after the holder was killed").isLessThanOrEqualTo(poll.multipliedBy(2));
      System.out.printf("ReplicasIT: the standby took the lease %d ms after the holder was killed%n", took.toMillis());

      IncidentChannel channel = new IncidentChannel(r.slack, INCIDENTS, replay.incidents());
      channel.awaitComplete(r.store.ledger(), WAIT);
      BotProcess.pause(poll);
      channel.assertExactlyOnce(r.store.ledger());
      assertThat(survivor.isAlive()).isTrue();
      assertThat(survivor.log()).doesNotContain("\tat ");
    }
  }

  /**
   * Two replicas on a schema of their own, a loopback Slack and a status page replaying 2026-07-21
   * from its start (07:00, nothing open) to {@code to}; everything closed and dropped after.
   */
  private static final class TwoReplicas implements AutoCloseable {
    final Postgres pg = Postgres.requireOrSkip();
    final FakeSlackApi slack = FakeSlackApi.start();
    final FakeStatusPage page = FakeStatusPage.start();
    final SlackSide side = new SlackSide(SECRET, slack);
    BotProcess a;
    BotProcess b;
    List<URI> events;
    JdbcStore store;

    private final Instant to;
    private final Duration step;

    /** Starts both replicas at the same moment (their migrations race), the page as the day starts. */
    TwoReplicas(Path dir, Duration poll, Instant to, Duration step) {
      this.to = to;
      this.step = step;
      try {
        page.servePage(replayFromNow().before());
        Map<String, String> env = settings(pg, slack, page, poll);
        a = BotProcess.start("a", dir, env);
        b = BotProcess.start("b", dir, env);
        events = List.of(a.url("/slack/events"), b.url("/slack/events"));
        store = JdbcStores.open(pg.url(), pg.user(), pg.password());
      } catch (RuntimeException | Error e) {
        close();
        throw e;
      }
    }

    /** Returns the replay, its first step one step from now. */
    FastReplay replayFromNow() {
      return FastReplay.of(HISTORY, DAY_START, to, Instant.now(), step);
    }

    @Override
    public void close() {
      if (store != null) {
        store.close();
      }
      for (BotProcess bot : new BotProcess[] {a, b}) {
        if (bot != null) {
          bot.close();
        }
      }
      slack.close();
      page.close();
      pg.close();
    }
  }

  /**
   * Walks one triage to its escalation report, each step sent to one replica in turn or to both at
   * once, and checks that the thread shows each question once and the report once.
   */
  private static void triageAlternately(SlackSide side, List<URI> events) {
    FakeSlackApi slack = side.api();
    side.command(events.get(0), TRIAGE, "", "trig-triage");
    FakeSlackApi.Call root = slack.await("chat.postMessage",
        c -> c.param("channel").equals(TRIAGE) && c.param("text").contains("started a Claude Code 500 triage"), WAIT);
    String thread = root.ts();

    FakeSlackApi.Call which = awaitPrompt(slack, thread, 1);
    side.sendToAll(events, click(slack, which, "API Error: 500", "trig-c1"), SlackRequests.FORM);
    FakeSlackApi.Call where = awaitPrompt(slack, thread, 2);
    side.send(events.get(1), click(slack, where, "In every session", "trig-c2"), SlackRequests.FORM);
    FakeSlackApi.Call route = awaitPrompt(slack, thread, 3);
    side.send(events.get(0), click(slack, route, "Same route still fails", "trig-c3"), SlackRequests.FORM);
    FakeSlackApi.Call errorLine = awaitPrompt(slack, thread, 4);
    // Slack delivers the same event again (a retry) to the other replica at the same moment
    side.sendToAll(events, SlackRequests.eventCallback("Ev0REPLY1",
        SlackRequests.threadReply(TRIAGE, "U0ALICE", ERROR_LINE, "1700000600.000001", thread)), SlackRequests.JSON_TYPE);
    FakeSlackApi.Call status = awaitPrompt(slack, thread, 5);
    side.send(events.get(1), SlackRequests.eventCallback("Ev0REPLY2",
        SlackRequests.threadReply(TRIAGE, "U0ALICE", "Auth token: claude.ai subscription, model opus", "1700000601.000001",
            thread)), SlackRequests.JSON_TYPE);
    FakeSlackApi.Call debug = awaitPrompt(slack, thread, 6);
    side.sendToAll(events, click(slack, debug, "Skip", "trig-c4"), SlackRequests.FORM);
    slack.await("chat.postMessage", c -> c.param("thread_ts").equals(thread)
        && c.param("text").toLowerCase(java.util.Locale.ROOT).contains("escalation report"), WAIT);

    BotProcess.pause(Duration.ofSeconds(1));
    List<FakeSlackApi.Call> prompts = prompts(slack, thread);
    assertThat(prompts).extracting(c -> c.json("metadata").path("event_payload").path("prompt").asText())
        .as("one question per step").hasSize(6).doesNotHaveDuplicates();
    assertThat(slack.accepted("chat.postMessage")).filteredOn(c -> c.param("thread_ts").equals(thread)
        && c.param("text").toLowerCase(java.util.Locale.ROOT).contains("escalation report")).as("the report, once").hasSize(1);
    for (FakeSlackApi.Call asked : List.of(which, where, route, errorLine, status, debug)) {
      assertThat(slack.accepted("chat.update")).filteredOn(c -> c.param("ts").equals(asked.ts()))
          .as("question %s marked answered once", asked.ts()).hasSize(1);
    }
  }

  private static String click(FakeSlackApi slack, FakeSlackApi.Call question, String label, String trigger) {
    SlackRequests.Button button = SlackRequests.button(question, b -> b.label().startsWith(label))
        .orElseThrow(() -> new AssertionError("no button '" + label + "' in " + question.json("blocks")));
    return SlackRequests.click(question, button, "U0BOB", "bob", trigger, slack.responseUrl(trigger));
  }

  /** Returns the questions and text requests posted in a thread (their metadata names the prompt), oldest first. */
  private static List<FakeSlackApi.Call> prompts(FakeSlackApi slack, String thread) {
    return slack.accepted("chat.postMessage").stream()
        .filter(c -> c.param("thread_ts").equals(thread))
        .filter(c -> c.json("metadata").path("event_payload").has("prompt"))
        .toList();
  }

  private static FakeSlackApi.Call awaitPrompt(FakeSlackApi slack, String thread, int n) {
    await(() -> prompts(slack, thread).size() >= n, "question " + n + " in the thread");
    return prompts(slack, thread).get(n - 1);
  }

  /** Returns the replica whose watcher holds the lease, waiting until one does. */
  private static BotProcess holder(JdbcStore store, BotProcess... bots) {
    await(() -> store.leases().find(IncidentWatcher.LEASE).isPresent(), "a lease holder");
    String holder = store.leases().find(IncidentWatcher.LEASE).map(Lease::holder).orElseThrow();
    for (BotProcess bot : bots) {
      if (bot.replicaId().equals(holder)) {
        return bot;
      }
    }
    throw new AssertionError("the lease is held by " + holder + ", none of " + List.of(bots));
  }

  /** Kills {@code holder} and returns, in the background, how long until {@code standby} held the lease. */
  private static CompletableFuture<Duration> killAndTimeTakeover(JdbcStore store, BotProcess holder,
      BotProcess standby) {
    String standbyId = standby.replicaId();
    long killed = System.nanoTime();
    holder.kill();
    return CompletableFuture.supplyAsync(() -> {
      await(() -> store.leases().find(IncidentWatcher.LEASE).map(Lease::holder).filter(standbyId::equals).isPresent(),
          "the standby holding the lease");
      return Duration.ofNanos(System.nanoTime() - killed);
    });
  }

  @Test
  @DisplayName("SIGTERM mid fan-out: the holder ends at a channel boundary and gives the lease up, the standby takes it at once, and after a restart every channel has each post once")
  void sigtermHandsOverMidFanout(@KeptOnFailure Path dir) throws Exception {
    Duration poll = Duration.ofSeconds(3);
    List<String> channels = IntStream.rangeClosed(1, 24).mapToObj(i -> String.format("C0FAN%02d", i)).toList();
    // the first incident of the day: three updates over an hour and a half, nothing else open meanwhile
    try (TwoReplicas r = new TwoReplicas(dir, poll, Instant.parse("2026-07-21T09:00:00Z"), Duration.ofSeconds(1))) {
      for (int i = 0; i < channels.size(); i++) {
        r.side.command(r.events.get(i % 2), channels.get(i), "subscribe", "trig-sub-" + i);
      }
      await(() -> r.store.subscriptions().all().size() == channels.size(), "every subscription");
      await(() -> r.store.watcherState().get("baseline").isPresent(), "the watcher's first round");

      // a fan-out that takes a few seconds, however many senders the outbox runs at once
      r.slack.slowDown(Duration.ofSeconds(1));
      FastReplay replay = r.replayFromNow();
      BotProcess.sleepUntil(replay.wallTime(0));
      r.page.servePage(replay.step(0));
      await(() -> topLevelPosts(r.slack, channels) >= 6, "the fan-out under way");

      BotProcess holder = holder(r.store, r.a, r.b);
      BotProcess standby = holder == r.a ? r.b : r.a;
      Optional<Lease> before = r.store.leases().find(IncidentWatcher.LEASE);
      int status = holder.terminate(Duration.ofSeconds(25));
      Optional<Lease> atExit = r.store.leases().find(IncidentWatcher.LEASE);
      long exited = System.nanoTime();
      assertThat(status).as("exit status after SIGTERM").isEqualTo(143);
      assertThat(holder.log()).contains("claude500 stopping").contains("Incident watcher " + holder.replicaId()
          + " stopped").contains("claude500 stopped");
      assertThat(before).get().extracting(Lease::expiresAt).as("the lease, had it not been given up, ran on")
          .satisfies(t -> assertThat(t).isAfter(Instant.now()));
      assertThat(atExit.map(Lease::holder)).as("the lease at the holder's exit").isNotEqualTo(Optional.of(holder.replicaId()));
      assertThat(topLevelPosts(r.slack, channels)).as("the holder stopped mid fan-out").isLessThan(channels.size());
      String standbyId = standby.replicaId();
      await(() -> r.store.leases().find(IncidentWatcher.LEASE).map(Lease::holder).filter(standbyId::equals).isPresent(),
          "the standby taking the lease");
      Duration took = Duration.ofNanos(System.nanoTime() - exited);
      System.out.printf("ReplicasIT: the standby took the released lease %d ms after the holder exited%n", took.toMillis());
      assertThat(took).as("the standby takes a released lease at its next look").isLessThan(poll);

      r.slack.slowDown(Duration.ZERO);
      holder.restart();
      holder.httpPort();
      for (int k = 1; k < replay.steps(); k++) {
        BotProcess.sleepUntil(replay.wallTime(k));
        r.page.servePage(replay.step(k));
      }
      for (String c : channels) {
        IncidentChannel channel = new IncidentChannel(r.slack, c, replay.incidents());
        channel.awaitComplete(r.store.ledger(), WAIT);
      }
      BotProcess.pause(poll);
      for (String c : channels) {
        new IncidentChannel(r.slack, c, replay.incidents()).assertExactlyOnce(r.store.ledger());
      }
    }
  }

  private static int topLevelPosts(FakeSlackApi slack, List<String> channels) {
    return channels.stream().mapToInt(c -> slack.topLevel(c).size()).sum();
  }

  private static void await(BooleanSupplier condition, String what) {
    BotProcess.await(condition, WAIT, what);
  }
}
