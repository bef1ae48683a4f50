package dev.claude500.hits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.chat.Actor;
import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ConversationKey;
import dev.claude500.chat.HitCount;
import dev.claude500.chat.MessageRef;
import dev.claude500.chat.Reply;
import dev.claude500.commands.Filters;
import dev.claude500.commands.Subscription;
import dev.claude500.incidents.HitScope;
import dev.claude500.metrics.BotMetrics;
import dev.claude500.metrics.MeterNames;
import dev.claude500.outbox.Outbox;
import dev.claude500.status.Incident;
import dev.claude500.status.IncidentStatus;
import dev.claude500.status.IncidentUpdate;
import dev.claude500.status.StatusSnapshot;
import dev.claude500.status.Summary;
import dev.claude500.store.InMemoryStore;
import dev.claude500.store.Store;
import dev.claude500.testing.FixedStatusSource;
import dev.claude500.testing.InMemoryOutboxStore;
import dev.claude500.testing.ManualScheduler;
import dev.claude500.testing.MutableClock;
import dev.claude500.testing.PortSets;
import dev.claude500.testing.RecordingChatPort;
import dev.claude500.testing.StatusFixtures;
import dev.claude500.testing.WhoIsHit;
import dev.claude500.playbook.PlaybookLoader;
import dev.claude500.testing.TriageEngines;
import dev.claude500.triage.GreenFailures;
import dev.claude500.triage.TriageEngine;
import dev.claude500.triage.TriageLog;
import dev.claude500.triage.TriageOutcome;
import dev.claude500.triage.TriageResult;
import dev.claude500.triage.TriageView;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The "I'm hit too" button through the core, on a store in memory, a recording port and a clock the test moves. */
class HitButtonTest {
  static final String INCIDENT = StatusFixtures.RED_INCIDENT_ID;
  static final ChannelRef OPS = new ChannelRef("slack", "C0OPS");
  static final MessageRef POST = new MessageRef(OPS, "1700000000.000100");

  final MutableClock clock = new MutableClock(StatusFixtures.RED_AT);
  final ManualScheduler scheduler = new ManualScheduler(clock);
  final Store store = new InMemoryStore();
  final RecordingChatPort port = new RecordingChatPort("slack");
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final FixedStatusSource status = StatusFixtures.source(StatusFixtures.redSnapshot());
  WhoIsHit hit;
  int deliveries;

  @BeforeEach
  void postTheIncident() {
    Outbox outbox = new Outbox(new InMemoryOutboxStore(), store.ledger(), clock, scheduler);
    outbox.register(port);
    hit = new WhoIsHit(store, status, outbox, clock, scheduler,
        new BotMetrics(registry)).add(port);
    posted(store, OPS, POST.messageId());
  }

  /** Records the incident's top post in a subscribed channel, as the watcher does. */
  static void posted(Store on, ChannelRef channel, String messageId) {
    on.subscriptions().save(new Subscription(channel, Set.of(), "U0OWNER", StatusFixtures.RED_AT, Filters.DEFAULT));
    on.ledger().claim(channel, "incident/" + INCIDENT, INCIDENT, StatusFixtures.RED_AT);
    on.ledger().confirm(channel, "incident/" + INCIDENT, messageId, StatusFixtures.RED_AT);
  }

  Optional<Reply.Message> click(String person) {
    return hit.button().click(port, new HitClick("trigger-" + ++deliveries, POST, INCIDENT, person));
  }

  int stored() {
    return store.incidentHits().count(new HitScope(INCIDENT, "slack", "slack"));
  }

  /** Returns the count the post shows after its latest edit. */
  static int shown(RecordingChatPort on) {
    List<RecordingChatPort.Edit> edits = on.edits();
    assertThat(edits).as("edits of the post").isNotEmpty();
    Reply.Incident last = (Reply.Incident) edits.get(edits.size() - 1).reply();
    return last.hit().map(HitCount::people).orElseThrow();
  }

  void passTime(Duration d) {
    for (long ms = 0; ms < d.toMillis(); ms += 100) {
      clock.advance(Duration.ofMillis(100));
      scheduler.runDue();
    }
  }

  @Test
  @DisplayName("50 clicks by 20 people count 20, cost at most a handful of edits, and the post shows the store's count")
  void fiftyClicksByTwentyPeople() {
    int clicks = 0;
    for (int person = 0; person < 20; person++) {
      int times = person < 5 ? 7 : 1; // 5 people click 7 times, 15 once: 50 clicks, each person's last one counts
      for (int i = 0; i < times; i++) {
        assertThat(click("U" + person)).isPresent();
        clicks++;
        passTime(Duration.ofMillis(200));
      }
    }
    passTime(HitEdits.EVERY);

    assertThat(clicks).isEqualTo(50);
    assertThat(stored()).isEqualTo(20);
    assertThat(port.edits()).as("edits for 50 clicks over %s s", clicks / 5).hasSizeBetween(1, 3);
    assertThat(port.edits()).allSatisfy(e -> assertThat(e.message()).isEqualTo(POST));
    assertThat(shown(port)).isEqualTo(stored());
    assertThat(port.edits().get(port.edits().size() - 1).text()).contains("20 people here are hit");
    assertThat(registry.get(MeterNames.PEOPLE_HIT).tag("incident", INCIDENT).gauge().value()).isEqualTo(20.0);
  }

  @Test
  @DisplayName("A second click takes the person back, and they are told each time, privately")
  void clickAgainTakesBack() {
    assertThat(click("U1").orElseThrow().text().toPlainString()).contains("You are counted").contains("1 person here");
    assertThat(stored()).isEqualTo(1);
    passTime(HitEdits.EVERY);
    assertThat(shown(port)).isEqualTo(1);

    assertThat(click("U1").orElseThrow().text().toPlainString()).contains("Taken back").contains("0 people here");
    assertThat(stored()).isZero();
    assertThat(port.edits()).as("no edit before the next boundary").hasSize(1);
    passTime(HitEdits.EVERY);
    assertThat(port.edits()).hasSize(2);
    assertThat(shown(port)).isZero();
  }

  @Test
  @DisplayName("A repeated delivery of one click counts once and gets no second answer")
  void repeatedDeliveryCountsOnce() {
    HitClick once = new HitClick("trigger-same", POST, INCIDENT, "U1");
    assertThat(hit.button().click(port, once)).isPresent();
    assertThat(hit.button().click(port, once)).isEmpty();
    assertThat(hit.button().click(port, once)).isEmpty();
    assertThat(stored()).isEqualTo(1);
  }

  @Test
  @DisplayName("A click naming an incident not posted there counts nothing and says so")
  void foreignPostCountsNothing() {
    Optional<Reply.Message> said = hit.button().click(port,
        new HitClick("trigger-x", new MessageRef(OPS, "999.999"), INCIDENT, "U1"));
    assertThat(said.orElseThrow().text().toPlainString()).contains("nothing was counted");
    said = hit.button().click(port, new HitClick("trigger-y", POST, "not-an-incident", "U1"));
    assertThat(said.orElseThrow().text().toPlainString()).contains("nothing was counted");
    passTime(HitEdits.EVERY);
    assertThat(stored()).isZero();
    assertThat(port.edits()).isEmpty();
  }

  @Test
  @DisplayName("A triage waiting on the incident counts its person once, with or without their click")
  void waitingTriageCounts() {
    HitRecorder recorder = new HitRecorder(store.incidentHits(), PortSets.of(port),
        hit.edits(), clock);
    ConversationKey thread = new ConversationKey("slack", "C0OPS", "1700000001.000200");
    recorder.ended(ended(thread, "U1", TriageOutcome.WAITING));
    recorder.ended(ended(new ConversationKey("slack", "C0OPS", "1700000002.000300"), "U2", TriageOutcome.WAITING));
    assertThat(stored()).isEqualTo(2);

    assertThat(click("U1").orElseThrow().text().toPlainString()).contains("2 people");
    assertThat(click("U1").orElseThrow().text().toPlainString()).contains("still counts you");
    assertThat(stored()).isEqualTo(2);

    recorder.ended(ended(thread, "U1", TriageOutcome.RESOLVED));
    assertThat(stored()).as("a triage that stopped waiting no longer counts").isEqualTo(1);
    passTime(HitEdits.EVERY);
    assertThat(shown(port)).isEqualTo(1);
  }

  @Test
  @DisplayName("A triage started on someone else's message counts the message's author, not who started it")
  void triageOfAnothersMessageCountsItsAuthor() {
    HitRecorder recorder = new HitRecorder(store.incidentHits(), PortSets.of(port), hit.edits(), clock);
    TriageEngine engine = new TriageEngine(PlaybookLoader.builtInAnd(null), "claude-code-500", store.conversations(),
        StatusFixtures.source(StatusFixtures.redSnapshot()), clock, Duration.ofHours(2), recorder::ended,
        TriageEngines.NO_START_NOTES, BotMetrics.none(), GreenFailures.NONE, TriageLog.none());
    ConversationKey thread = new ConversationKey("slack", "C0OPS", "1700000001.000200");
    TriageResult started = engine.start(thread, Actor.of("U2"), "API Error: 500 {\"type\":\"error\",\"error\":"
        + "{\"type\":\"api_error\",\"message\":\"Internal server error\"}}", "claude-code-500", Actor.of("U1"));
    Reply.Question check = (Reply.Question) started.replies().get(started.replies().size() - 1);
    engine.answer(thread, Actor.of("U2"), check.token(), "waiting");
    assertThat(stored()).isEqualTo(1);

    assertThat(click("U1").orElseThrow().text().toPlainString()).as("the author, counted already").contains("1 person");
    assertThat(click("U1").orElseThrow().text().toPlainString()).contains("still counts you");
    assertThat(click("U2").orElseThrow().text().toPlainString()).as("who started it").contains("2 people");
  }

  @Test
  @DisplayName("A post another replica edited for an update this replica's page lacks is not edited back;"
      + " the count lands once the page caught up")
  void postAheadOfThisReplicasPageWaits() {
    Instant later = StatusFixtures.RED_AT.plusSeconds(60);
    store.ledger().claim(OPS, "edit/" + INCIDENT + "/upd-monitoring", INCIDENT, later);
    store.ledger().confirm(OPS, "edit/" + INCIDENT + "/upd-monitoring", POST.messageId(), later);

    click("U1");
    passTime(HitEdits.EVERY.multipliedBy(3));
    assertThat(port.edits()).as("this replica's page is a poll behind the post").isEmpty();

    status.set(withUpdate(new IncidentUpdate("upd-monitoring", IncidentStatus.MONITORING, "A fix is in.",
        INCIDENT, later, later, later, List.of())));
    passTime(HitEdits.EVERY);
    assertThat(port.edits()).singleElement().satisfies(e -> assertThat(e.text()).contains("1 person"));
  }

  @Test
  @DisplayName("A post told resolved is never edited back to open from a page that still shows the incident open")
  void resolvedPostIsNotReopened() {
    Instant later = StatusFixtures.RED_AT.plusSeconds(60);
    store.ledger().claim(OPS, "resolved/upd-resolved", INCIDENT, later);
    store.ledger().confirm(OPS, "resolved/upd-resolved", "1700000009.000900", later);

    click("U1");
    passTime(HitEdits.EVERY.multipliedBy(3));
    assertThat(port.edits()).isEmpty();
    assertThat(stored()).isEqualTo(1);
  }

  @Test
  @DisplayName("An incident the page opens again after it was resolved is still edited for its count")
  void reopenedIncidentIsStillEdited() {
    Instant resolvedAt = StatusFixtures.RED_AT.plusSeconds(60);
    Instant reopenedAt = resolvedAt.plusSeconds(60);
    IncidentUpdate resolved = new IncidentUpdate("upd-resolved", IncidentStatus.RESOLVED, "Fixed.", INCIDENT,
        resolvedAt, resolvedAt, resolvedAt, List.of());
    store.ledger().claim(OPS, "resolved/upd-resolved", INCIDENT, resolvedAt);
    store.ledger().confirm(OPS, "resolved/upd-resolved", "1700000009.000900", resolvedAt);
    status.set(withUpdate(new IncidentUpdate("upd-again", IncidentStatus.INVESTIGATING, "It is back.", INCIDENT,
        reopenedAt, reopenedAt, reopenedAt, List.of()), resolved));

    click("U1");
    passTime(HitEdits.EVERY.multipliedBy(2));
    assertThat(port.edits()).singleElement().satisfies(e -> assertThat(e.text()).contains("1 person"));
  }

  /** Returns the red page with more updates of its incident, newest first: its state is the first one's. */
  static StatusSnapshot withUpdate(IncidentUpdate update, IncidentUpdate... older) {
    Summary red = StatusFixtures.redSummary();
    List<Incident> incidents = red.incidents().stream().map(i -> !i.id().equals(INCIDENT) ? i
        : new Incident(i.id(), i.name(), update.status(), i.impact(), i.createdAt(), update.createdAt(),
            i.monitoringAt(), i.resolvedAt(), i.startedAt(), i.shortlink(), i.scheduledFor(), i.scheduledUntil(),
            Stream.concat(Stream.concat(Stream.of(update), Stream.of(older)), i.incidentUpdates().stream()).toList(),
            i.components())).toList();
    return StatusSnapshot.fresh(new Summary(red.page(), red.status(), red.components(), incidents,
        red.scheduledMaintenances()), update.createdAt());
  }

  static TriageView ended(ConversationKey key, String person, TriageOutcome outcome) {
    return new TriageView(key, "claude-code-500", Actor.of(person), Actor.of(person), StatusFixtures.RED_AT, false, Optional.empty(),
        false, Optional.of("live-incident"), Optional.of(outcome), 3, Optional.of(2), Optional.of(INCIDENT),
        Optional.empty());
  }
}
