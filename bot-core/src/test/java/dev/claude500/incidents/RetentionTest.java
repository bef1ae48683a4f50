package dev.claude500.incidents;

import static dev.claude500.incidents.Harness.ALL;
import static dev.claude500.incidents.Pages.API;
import static dev.claude500.incidents.Pages.CODE;
import static dev.claude500.incidents.Pages.T0;
import static dev.claude500.incidents.Pages.incident;
import static dev.claude500.incidents.Pages.update;
import static dev.claude500.status.IncidentStatus.INVESTIGATING;
import static dev.claude500.status.IncidentStatus.RESOLVED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.chat.ConversationKey;
import dev.claude500.metrics.BotMetrics;
import dev.claude500.metrics.MeterNames;
import dev.claude500.status.Incident;
import dev.claude500.store.JdbcStore;
import dev.claude500.testing.JdbcStores;
import dev.claude500.testing.Watchers;
import dev.claude500.triage.StoredConversation;
import dev.claude500.triage.TriageRecord;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The lease's holder purges what is older than the retention, and nothing the watcher still needs. */
class RetentionTest {
  static final Duration KEPT = IncidentWatcher.DEFAULT_RETENTION;
  static final List<String> CODE_API = List.of(CODE, API);

  final JdbcStore store = JdbcStores.open("jdbc:h2:mem:retention-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null,
      null);
  final Harness h = new Harness(store, T0);

  @AfterEach
  void close() {
    store.close();
  }

  static Incident open(String id, Instant at) {
    return incident(id, "Errors on Claude Code " + id, CODE_API,
        update(id + "-1", id, INVESTIGATING, at, "We are investigating."));
  }

  static Incident resolved(String id, Instant opened, Instant resolvedAt) {
    return incident(id, "Errors on Claude Code " + id, CODE_API,
        update(id + "-1", id, INVESTIGATING, opened, "We are investigating."),
        update(id + "-2", id, RESOLVED, resolvedAt, "This incident has been resolved."));
  }

  ConversationKey endedTriage(String thread, Instant at) {
    ConversationKey key = new ConversationKey("slack", ALL.channelId(), thread);
    store.conversations().create(new StoredConversation(key, "{}", 0, false, at));
    return key;
  }

  long topPosts(String incidentId) {
    return h.slack.topLevel(ALL).stream().filter(p -> p.text().contains("Errors on Claude Code " + incidentId))
        .count();
  }

  @Test
  @DisplayName("An incident still open after the retention keeps its ledger entries and is not posted twice;"
      + " a day after it resolves they are purged, and it is not posted again either")
  void openIncidentsKeepTheirEntries() {
    h.subscribe(ALL);
    h.page.show(open("A", T0));
    h.tick();
    assertThat(topPosts("A")).isEqualTo(1);

    h.tickAfter(KEPT.plusDays(1));
    h.tickAfter(Duration.ofMinutes(2));

    assertThat(store.ledger().find(ALL, ItemKeys.incident("A"))).as("older than the retention, still open")
        .isPresent();
    assertThat(topPosts("A")).isEqualTo(1);

    Instant resolvedAt = h.clock.instant();
    h.page.show(resolved("A", T0, resolvedAt));
    h.tickAfter(Duration.ofSeconds(30));
    assertThat(h.slack.thread(ALL, h.slack.topLevel(ALL).get(0).messageId())).hasSize(1);

    h.tickAfter(KEPT.plusDays(2));
    h.tickAfter(Duration.ofHours(1));

    assertThat(store.ledger().forIncident("A")).as("resolved more than a day ago, older than the retention")
        .isEmpty();
    h.runFor(Duration.ofHours(2));
    assertThat(topPosts("A")).isEqualTo(1);
    assertThat(h.slack.thread(ALL, h.slack.topLevel(ALL).get(0).messageId())).hasSize(1);
  }

  @Test
  @DisplayName("Without its ledger entries an open incident would be posted again: why they are kept")
  void whyOpenIncidentsKeepTheirEntries() {
    h.subscribe(ALL);
    h.page.show(open("A", T0));
    h.tick();

    store.ledger().purgeSettledBefore(T0.plus(Duration.ofDays(1)), Set.of(), 100);
    h.tickAfter(Duration.ofSeconds(30));

    assertThat(topPosts("A")).isEqualTo(2);
  }

  @Test
  @DisplayName("An incident resolved less than a day ago keeps its entries even when a short retention is over")
  void recentlyResolvedIncidentsKeepTheirEntries() {
    h.watcher = Watchers.reading(h.source, store, h.ports, h.engine, h.clock, Harness.POLL, "short", () -> 0.0,
        IncidentWatcher.MIN_RETENTION, BotMetrics.none());
    h.subscribe(ALL);
    h.page.show(open("A", T0));
    h.tick();
    h.page.show(resolved("A", T0, T0.plusSeconds(60)));
    h.tickAfter(Duration.ofSeconds(60));

    h.tickAfter(Duration.ofHours(20));
    assertThat(store.ledger().forIncident("A")).isNotEmpty();
    assertThat(topPosts("A")).isEqualTo(1);

    h.tickAfter(Duration.ofHours(5));
    assertThat(store.ledger().forIncident("A")).isEmpty();
    h.runFor(Duration.ofMinutes(10));
    assertThat(topPosts("A")).isEqualTo(1);
  }

  TriageRecord record(String thread, Instant startedAt) {
    TriageRecord r = new TriageRecord("slack", new ConversationKey("slack", ALL.channelId(), thread), "U1", startedAt, 0,
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false,
        Optional.empty());
    store.triageRecords().save(r);
    return r;
  }

  @Test
  @DisplayName("Triage records outlive a 30-day retention: they go once they started more than 90 days ago")
  void triageRecordsKeepNinetyDays() {
    record("89d", T0.minus(Duration.ofDays(89)));
    record("91d", T0.minus(Duration.ofDays(91)));
    endedTriage("old-1", T0.minus(KEPT).minusSeconds(1));
    h.runFor(Duration.ofMinutes(2));

    assertThat(store.conversations().find(new ConversationKey("slack", ALL.channelId(), "old-1"))).isEmpty();
    assertThat(store.triageRecords().startedBetween("slack", T0.minus(Duration.ofDays(365)), T0))
        .extracting(r -> r.key().thread()).containsExactly("89d");
  }

  @Test
  @DisplayName("Only the replica holding the lease purges: a minute after taking it, then hourly")
  void onlyTheHolderPurges() {
    IncidentWatcher standby = h.newWatcher("replica-2");
    endedTriage("old-1", T0.minus(KEPT).minusSeconds(1));
    store.seenDeliveries().firstSeen("Ev-old", T0.minus(KEPT).minusSeconds(1));
    h.runFor(Duration.ofSeconds(50));
    assertThat(store.conversations().find(new ConversationKey("slack", ALL.channelId(), "old-1"))).isPresent();

    h.clock.advance(Duration.ofSeconds(20));
    standby.tick();
    assertThat(standby.holdsLease()).isFalse();
    assertThat(store.conversations().find(new ConversationKey("slack", ALL.channelId(), "old-1")))
        .as("the standby purges nothing").isPresent();

    h.tick();
    assertThat(store.conversations().find(new ConversationKey("slack", ALL.channelId(), "old-1"))).isEmpty();
    assertThat(store.seenDeliveries().firstSeen("Ev-old", h.clock.instant())).as("forgotten").isTrue();

    ConversationKey next = endedTriage("old-2", h.clock.instant().minus(KEPT).minusSeconds(1));
    h.runFor(Duration.ofMinutes(50));
    assertThat(store.conversations().find(next)).as("within the hour").isPresent();
    h.runFor(Duration.ofMinutes(15));
    assertThat(store.conversations().find(next)).isEmpty();
  }

  @Test
  @DisplayName("A waiting triage and its thread stay while they wait; once what they wait for has been over"
      + " for an hour without a follow-up, they go, and its incident's entries with them")
  void waitingTriages() {
    h.page.show(resolved("B", T0.minus(KEPT).minusSeconds(7_200), T0.minus(KEPT).minusSeconds(3_600)),
        open("C", T0.minus(KEPT)));
    Instant long_ago = T0.minus(KEPT).minusSeconds(60);
    // a platform that no longer runs here: the watcher cannot follow these up
    ConversationKey onB = new ConversationKey("teams", "T1", "1");
    ConversationKey onC = new ConversationKey("teams", "T1", "2");
    store.conversations().create(new StoredConversation(onB, "{}", 0, false, long_ago));
    store.conversations().create(new StoredConversation(onC, "{}", 0, false, long_ago));
    store.waitingTriages().register(onB, Optional.of("B"), long_ago);
    store.waitingTriages().register(onC, Optional.of("C"), long_ago);
    store.ledger().claim(onB.channelRef(), ItemKeys.followUp(onB), "B", long_ago);
    store.ledger().fail(onB.channelRef(), ItemKeys.followUp(onB), "refused", long_ago);

    h.tick();
    h.tickAfter(Duration.ofMinutes(2));
    assertThat(store.waitingTriages().find(onB)).as("over for less than an hour").isPresent();
    assertThat(store.ledger().forIncident("B")).isNotEmpty();

    h.runFor(Duration.ofMinutes(70));

    assertThat(store.waitingTriages().find(onB)).isEmpty();
    assertThat(store.conversations().find(onB)).isEmpty();
    assertThat(store.ledger().forIncident("B")).isEmpty();
    assertThat(store.waitingTriages().find(onC)).as("its incident is still open").isPresent();
    assertThat(store.conversations().find(onC)).isPresent();
  }

  @Test
  @DisplayName("A backlog goes in batches over the next rounds, each table counted on the metrics")
  void backlogInBatches() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    h.watcher = Watchers.reading(h.source, store, h.ports, h.engine, h.clock, Harness.POLL, "metered",
        () -> 0.0, KEPT, new BotMetrics(registry));
    int backlog = Retention.BATCH * Retention.BATCHES_PER_RUN + 700;
    Instant old = T0.minus(KEPT).minusSeconds(1);
    for (int i = 0; i < backlog; i++) {
      store.seenDeliveries().firstSeen("Ev" + i, old);
    }
    endedTriage("old", old);
    HitScope scope = new HitScope("inc-old", "slack", "slack");
    store.incidentHits().toggleClick(scope, "U1", old);
    store.incidentHits().toggleClick(scope, "U2", T0);

    h.tick();
    h.tickAfter(Duration.ofMinutes(2));
    assertThat(purged(registry, "seen_delivery")).isEqualTo(Retention.BATCH * Retention.BATCHES_PER_RUN);
    assertThat(purged(registry, "conversation")).isEqualTo(1);
    assertThat(purged(registry, "incident_hit")).isEqualTo(1);
    assertThat(store.incidentHits().count(scope)).as("the recent mark stays").isEqualTo(1);

    h.tickAfter(Duration.ofSeconds(30));
    assertThat(purged(registry, "seen_delivery")).as("the next round, not the next hour").isEqualTo(backlog);
    assertThat(purged(registry, "post_ledger")).isZero();
  }

  static double purged(SimpleMeterRegistry registry, String table) {
    return registry.get(MeterNames.STORE_PURGED).tag("table", table).counter().count();
  }
}
