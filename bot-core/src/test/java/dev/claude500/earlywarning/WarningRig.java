package dev.claude500.earlywarning;

import dev.claude500.chat.Actor;
import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ConversationKey;
import dev.claude500.chat.Reply;
import dev.claude500.commands.Filters;
import dev.claude500.commands.Subscription;
import dev.claude500.commands.SubscriptionStore;
import dev.claude500.incidents.ChatPorts;
import dev.claude500.incidents.PostLedger;
import dev.claude500.metrics.BotMetrics;
import dev.claude500.outbox.Outbox;
import dev.claude500.outbox.OutboxStore;
import dev.claude500.playbook.PlaybookLoader;
import dev.claude500.status.Incident;
import dev.claude500.status.PageRead;
import dev.claude500.status.PollRound;
import dev.claude500.status.StatusSnapshot;
import dev.claude500.testing.FixedStatusSource;
import dev.claude500.testing.ManualScheduler;
import dev.claude500.testing.MutableClock;
import dev.claude500.testing.PortSets;
import dev.claude500.testing.RecordingChatPort;
import dev.claude500.testing.StatusFixtures;
import dev.claude500.testing.TriageEngines;
import dev.claude500.triage.ConversationStore;
import dev.claude500.triage.TriageEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One replica's early warning on the loopback fakes: a real triage engine on the built-in playbook
 * reading a green page, the outbox posting to a recording chat port in which channels {@code A*}
 * belong to workspace {@code T1} and the others to {@code T2}, and an injected clock. Work runs on
 * the calling thread.
 */
final class WarningRig {
  static final Instant START = StatusFixtures.GREEN_AT;
  static final ChannelRef A_OPS = new ChannelRef("slack", "A0OPS");
  static final ChannelRef A_DEV = new ChannelRef("slack", "A0DEV");
  static final ChannelRef B_OPS = new ChannelRef("slack", "B0OPS");
  static final String A = "slack:T1";
  private static final Actor ANN = new Actor("U1", "Ann");

  final MutableClock clock;
  final RecordingChatPort slack;
  final FixedStatusSource status;
  final TriageEngine engine;
  final EarlyWarnings warnings;
  final Outbox outbox;
  final EarlyWarningStore store;

  WarningRig(EarlyWarningSetting setting, MutableClock clock, RecordingChatPort slack, EarlyWarningStore store,
      ConversationStore conversations, SubscriptionStore subscriptions, PostLedger ledger, OutboxStore outboxStore,
      BotMetrics metrics) {
    this.clock = clock;
    this.slack = slack;
    this.store = store;
    this.status = new FixedStatusSource(StatusSnapshot.fresh(StatusFixtures.greenSummary(), clock.instant()));
    this.outbox = new Outbox(outboxStore, ledger, clock, new ManualScheduler(clock));
    outbox.register(slack);
    this.warnings = new EarlyWarnings(setting, store, subscriptions, ledger, outbox, PortSets.of(slack),
        clock, Runnable::run, metrics);
    this.engine = TriageEngines.of(PlaybookLoader.builtInAnd(null), "claude-code-500", conversations, status, clock,
        Duration.ofHours(2), warnings);
  }

  /** Returns a recording port where channels starting with A are in T1, the others in T2. */
  static RecordingChatPort port() {
    return new RecordingChatPort("slack").inWorkspaces(c -> c.channelId().startsWith("A") ? "T1" : "T2");
  }

  static Subscription subscription(ChannelRef channel) {
    return new Subscription(channel, Set.of(), "U0", START, Filters.DEFAULT);
  }

  /**
   * Walks a triage to "the same path still fails" on the green page: no paste, "500" picked, "every
   * request" picked, the route's check answered "still failing".
   */
  ConversationKey failOnGreen(ChannelRef channel, String thread) {
    status.set(StatusSnapshot.fresh(StatusFixtures.greenSummary(), clock.instant()));
    ConversationKey key = new ConversationKey(channel.platform(), channel.channelId(), thread);
    engine.start(key, ANN, "");
    answer(key, "500");
    answer(key, "every");
    answer(key, "still-failing");
    return key;
  }

  /** Starts a triage with a pasted 500 line on the green page: the error kind is reported, nothing more. */
  ConversationKey paste500(ChannelRef channel, String thread) {
    status.set(StatusSnapshot.fresh(StatusFixtures.greenSummary(), clock.instant()));
    ConversationKey key = new ConversationKey(channel.platform(), channel.channelId(), thread);
    engine.start(key, ANN, "API Error: 500 {\"type\":\"error\",\"error\":{\"type\":\"api_error\","
        + "\"message\":\"Internal server error\"}}");
    return key;
  }

  /** Answers the pending question of a triage with a choice's value. */
  void answer(ConversationKey key, String value) {
    Reply.Question q = (Reply.Question) engine.pending(key).orElseThrow(() -> new AssertionError("no question in " + key));
    if (q.choices().stream().noneMatch(c -> c.value().equals(value))) {
      throw new AssertionError("no choice " + value + " in " + q);
    }
    engine.answer(key, ANN, q.token(), value);
  }

  /** Runs a status round on a green page. */
  void pollGreen() {
    PageRead read = PageRead.of(List.of(), StatusFixtures.greenSummary(), clock.instant());
    warnings.polled(new PollRound(clock.instant(), Optional.of(read), true));
  }

  /** Runs a status round on a page where an incident was opened just now; returns it. */
  Incident pollWithNewIncident() {
    PageRead read = newIncidentPage(clock.instant());
    warnings.polled(new PollRound(read.readAt(), Optional.of(read), true));
    return read.incident(StatusFixtures.RED_INCIDENT_ID).orElseThrow();
  }

  /** Returns the red page read at {@code now}, its incident opened just then. */
  static PageRead newIncidentPage(Instant now) {
    Incident red = StatusFixtures.redSummary().incidents().stream()
        .filter(i -> i.id().equals(StatusFixtures.RED_INCIDENT_ID)).findFirst().orElseThrow();
    Incident fresh = new Incident(red.id(), red.name(), red.status(), red.impact(), now, now, null, null, now,
        red.shortlink(), null, null, red.incidentUpdates(), red.components());
    return PageRead.of(List.of(fresh), StatusFixtures.redSummary(), now);
  }
}
