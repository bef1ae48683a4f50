package dev.claude500.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ConversationKey;
import dev.claude500.commands.Filters;
import dev.claude500.commands.Subscription;
import dev.claude500.incidents.IncidentWatcher;
import dev.claude500.testing.FaultDrill;
import dev.claude500.testing.JdbcStores;
import dev.claude500.testing.ProxiedDatabase;
import dev.claude500.testing.RecordingChatPort;
import dev.claude500.testing.WatcherRig;
import dev.claude500.triage.StoredConversation;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The database goes away for a moment under an open {@link JdbcStore} (a TCP proxy in front of it
 * is cut, then restored): calls meanwhile fail as {@link StoreException} within the pool's wait;
 * once the store says it is reachable again every call succeeds (no connection the outage broke is
 * handed out again), with everything written before still there; the incident watcher loses its
 * round and posts everything once on the next. With no call at all, the store's write check alone
 * finds the outage and its end ({@link JdbcStore#writeFault()}, what readiness reports).
 */
@DisplayName("JdbcStore across a moment without its database")
class StoreOutageTest {
  private static final Instant T0 = Instant.parse("2026-07-21T10:00:00Z");
  private static final ConversationKey KEY = new ConversationKey("slack", "C1", "1700000000.000100");

  private ProxiedDatabase db;
  private JdbcStore store;

  @AfterEach
  void stop() throws Exception {
    if (store != null) {
      store.close();
    }
    if (db != null) {
      db.close();
    }
  }

  private JdbcStore open(Supplier<ProxiedDatabase> database) {
    db = database.get();
    store = db.openStore();
    return store;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.claude500.testing.ProxiedDatabase#each")
  void failsMeanwhileAndEveryCallSucceedsOnceReachableAgain(String name, Supplier<ProxiedDatabase> database) {
    open(database);
    store.conversations().create(new StoredConversation(KEY, "{\"v\":0}", 0, true, T0));
    // warm the whole pool, so that every pooled connection is one the outage breaks
    for (int i = 0; i < 10; i++) {
      assertThat(store.conversations().find(KEY)).isPresent();
    }

    db.cut();
    long start = System.nanoTime();
    assertThatThrownBy(() -> store.conversations().find(KEY)).isInstanceOf(StoreException.class)
        .hasMessageStartingWith("finding conversation " + KEY + " failed: ");
    assertThatThrownBy(() -> store.seenDeliveries().firstSeen("slack:event:Ev1", T0)).isInstanceOf(StoreException.class)
        .hasMessageStartingWith("recording delivery slack:event:Ev1 failed: ");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("bounded by the pool's wait").isLessThan(Duration.ofSeconds(5));

    db.restore(store);
    assertThat(store.conversations().update(new StoredConversation(KEY, "{\"v\":1}", 1, true, T0.plusSeconds(5))))
        .as("the first call once reachable").isTrue();
    for (int i = 0; i < 10; i++) {
      assertThat(store.conversations().find(KEY)).map(StoredConversation::state).contains("{\"v\":1}");
    }
    assertThat(store.seenDeliveries().firstSeen("slack:event:Ev1", T0)).as("nothing was recorded meanwhile").isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.claude500.testing.ProxiedDatabase#each")
  void readinessChecksAloneNoticeTheOutageAndTheReturn(String name, Supplier<ProxiedDatabase> database) {
    open(database);
    for (int i = 0; i < 10; i++) {
      assertThat(store.isReachable()).isTrue();
    }

    db.cut();
    assertThat(store.isReachable()).isFalse();
    db.restore(store);
    assertThat(store.conversations().find(KEY)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.claude500.testing.ProxiedDatabase#each")
  void theWriteCheckAloneFindsTheOutageAndItsEnd(String name, Supplier<ProxiedDatabase> database)
      throws InterruptedException {
    open(database);
    assertThat(store.writeFault()).isEmpty();

    db.cut();
    Duration found = FaultDrill.untilWriteFault(store, Optional.of(StoreFault.UNREACHABLE));
    db.proxy().restore();
    Duration back = FaultDrill.untilWriteFault(store, Optional.empty());

    System.out.printf("%s cut: write check found it in %d ms, and the return in %d ms%n", name, found.toMillis(),
        back.toMillis());
    assertThat(store.conversations().create(new StoredConversation(KEY, "{\"v\":0}", 0, true, T0))).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.claude500.testing.ProxiedDatabase#each")
  void theIncidentWatcherLosesOnlyTheRoundAndPostsEverythingOnce(String name, Supplier<ProxiedDatabase> database) {
    open(database);
    try (WatcherRig rig = new WatcherRig()) {
      ChannelRef channel = new ChannelRef("slack", "C0INCIDENTS");
      store.subscriptions().save(new Subscription(channel, Set.of(), "U0ALICE", T0, Filters.DEFAULT));
      RecordingChatPort port = new RecordingChatPort("slack");
      IncidentWatcher watcher = rig.watcher(store, port);
      rig.roundAt(watcher, rig.before());

      db.cut();
      rig.roundAt(watcher, rig.opened());
      assertThat(port.posts()).as("nothing posted without the store").isEmpty();

      db.restore(store);
      rig.roundAt(watcher, rig.opened());
      rig.roundAt(watcher, rig.updated());
      rig.roundAt(watcher, rig.updated());

      assertThat(port.topLevel(channel)).as("the incident").hasSize(1);
      String root = port.topLevel(channel).get(0).messageId();
      assertThat(port.thread(channel, root)).as("its second update").hasSize(1);
      assertThat(store.ledger().unconfirmed()).isEmpty();
    }
  }
}
