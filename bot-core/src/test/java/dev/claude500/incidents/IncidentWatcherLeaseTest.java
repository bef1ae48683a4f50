package dev.claude500.incidents;

import static dev.claude500.incidents.Harness.ALL;
import static dev.claude500.incidents.Harness.POLL;
import static dev.claude500.incidents.IncidentWatcherTest.B1;
import static dev.claude500.incidents.IncidentWatcherTest.B2;
import static dev.claude500.incidents.IncidentWatcherTest.B3;
import static dev.claude500.incidents.IncidentWatcherTest.b;
import static dev.claude500.incidents.Pages.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.chat.ChannelRef;
import dev.claude500.outbox.OutboxThreads;
import dev.claude500.store.InMemoryStore;
import dev.claude500.store.Store;
import dev.claude500.testing.JdbcStores;
import dev.claude500.testing.Postgres;
import dev.claude500.testing.RecordingChatPort.Kind;
import dev.claude500.testing.RecordingChatPort.Post;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Two replicas on one store: both read the page, one posts; the other takes over when it stops. */
class IncidentWatcherLeaseTest {
  /** Runs several watchers on one clock, each round when its watcher asked for it. */
  static final class Replicas {
    final Harness h;
    final Map<IncidentWatcher, Instant> due = new LinkedHashMap<>();
    final Map<IncidentWatcher, Instant> lastRound = new LinkedHashMap<>();

    Replicas(Harness h, IncidentWatcher... watchers) {
      this.h = h;
      for (IncidentWatcher w : watchers) {
        due.put(w, h.clock.instant());
      }
    }

    /** Stops running a watcher, as if its process died (it gives nothing up). */
    void kill(IncidentWatcher w) {
      due.remove(w);
    }

    /** Runs rounds until {@code end}; returns when {@code watcher} first held the lease in that span, if it did. */
    Instant runUntil(Instant end, IncidentWatcher watcher) {
      Instant heldFrom = null;
      while (true) {
        Map.Entry<IncidentWatcher, Instant> next = due.entrySet().stream()
            .min(Map.Entry.comparingByValue()).orElseThrow();
        if (next.getValue().isAfter(end)) {
          h.clock.set(end);
          return heldFrom;
        }
        h.clock.set(next.getValue());
        Duration delay = next.getKey().tick();
        lastRound.put(next.getKey(), next.getValue());
        if (heldFrom == null && next.getKey() == watcher && watcher.holdsLease()) {
          heldFrom = next.getValue();
        }
        due.put(next.getKey(), next.getValue().plus(delay));
      }
    }
  }

  abstract static class OnOneStore {
    Store store;

    abstract Store open();

    @BeforeEach
    void openStore() {
      store = open();
    }

    @AfterEach
    void closeStore() {
      store.close();
    }

    @Test
    @DisplayName("Only the lease holder posts; the other takes over within two poll intervals of its death")
    void oneHolderThenTakeover() {
      Harness h = new Harness(store, T0).subscribe(ALL);
      IncidentWatcher a = h.newWatcher("replica-a");
      IncidentWatcher b = h.newWatcher("replica-b");
      Replicas replicas = new Replicas(h, a, b);
      replicas.runUntil(T0.plusSeconds(60), b);
      h.page.show(b(B1));
      replicas.runUntil(T0.plusSeconds(180), b);
      h.page.show(b(B1, B2));
      replicas.runUntil(T0.plusSeconds(300), b);

      assertThat(a.holdsLease()).isTrue();
      assertThat(b.holdsLease()).isFalse();
      assertThat(h.slack.topLevel(ALL)).hasSize(1);
      assertThat(h.slack.posts(ALL)).hasSize(2);

      replicas.kill(a);
      Instant died = replicas.lastRound.get(a);
      h.page.show(b(B1, B2, B3));
      Instant takeover = replicas.runUntil(T0.plusSeconds(600), b);

      assertThat(takeover).isNotNull();
      assertThat(Duration.between(died, takeover)).isLessThanOrEqualTo(POLL.multipliedBy(2));
      String root = h.slack.topLevel(ALL).get(0).messageId();
      assertThat(h.slack.thread(ALL, root)).extracting(Post::text)
          .satisfiesExactly(t -> assertThat(t).contains("Identified"), t -> assertThat(t).contains("Monitoring"));
      assertThat(h.slack.topLevel(ALL)).hasSize(1);
    }

    @Test
    @DisplayName("A holder that stops gives the lease up: the other takes over at its next look")
    void gracefulHandOver() {
      Harness h = new Harness(store, T0).subscribe(ALL);
      IncidentWatcher a = h.newWatcher("replica-a");
      IncidentWatcher b = h.newWatcher("replica-b");
      Replicas replicas = new Replicas(h, a, b);
      replicas.runUntil(T0.plusSeconds(60), b);

      a.close();
      replicas.kill(a);
      Instant takeover = replicas.runUntil(T0.plusSeconds(120), b);

      assertThat(takeover).isNotNull();
      assertThat(Duration.between(T0.plusSeconds(60), takeover)).isLessThanOrEqualTo(POLL.dividedBy(3));
    }

    @Test
    @DisplayName("A holder stopped mid fan-out ends the round at the next channel and gives the lease up; the other posts the rest, once")
    void stopMidFanout() throws Exception {
      Harness h = new Harness(store, T0);
      List<ChannelRef> channels = IntStream.range(0, 6).mapToObj(i -> new ChannelRef("slack", "C-" + i)).toList();
      channels.forEach(h::subscribe);
      IncidentWatcher a = h.newWatcher("replica-a");
      IncidentWatcher b = h.newWatcher("replica-b");
      h.clock.set(T0.plusSeconds(1));
      a.tick();
      h.clock.set(T0.plusSeconds(2));
      b.tick();
      assertThat(a.holdsLease()).isTrue();

      // SIGTERM arrives while the second channel's post is on its way
      AtomicReference<Thread> closer = new AtomicReference<>();
      h.slack.failWhen(call -> {
        if (call.kind() == Kind.POST && call.number() == 1) {
          Thread t = new Thread(a::close, "closer");
          closer.set(t);
          t.start();
          awaitBlocked(t);
        }
        return Optional.empty();
      });
      h.page.show(b(B1));
      h.clock.set(T0.plus(POLL.multipliedBy(2)));
      a.tick();
      closer.get().join(5_000);

      assertThat(closer.get().isAlive()).isFalse();
      assertThat(h.slack.posts()).as("posts before the round stopped").hasSize(2);
      assertThat(store.leases().find(IncidentWatcher.LEASE)).isEmpty();
      assertThat(store.ledger().unconfirmed()).isEmpty();

      takesOverAndPostsOnce(h, b, channels);
    }

    @Test
    @DisplayName("A holder stopped while a post is on its way gives the lease up once it is made, so the next holder "
        + "never sends it again")
    void stopWhileAPostIsOnItsWay() throws Exception {
      Harness h = new Harness(store, T0);
      List<ChannelRef> channels = IntStream.range(0, 3).mapToObj(i -> new ChannelRef("slack", "C-" + i)).toList();
      channels.forEach(h::subscribe);
      CountDownLatch onItsWay = new CountDownLatch(1);
      CountDownLatch answer = new CountDownLatch(1);
      h.slack.failWhen(call -> {
        if (call.kind() == Kind.POST && call.number() == 0) {
          onItsWay.countDown();
          await(answer);
        }
        return Optional.empty();
      });
      try (OutboxThreads sender = OutboxThreads.start(1)) {
        IncidentWatcher a = h.newWatcher("replica-a", store, sender.scheduler());
        IncidentWatcher b = h.newWatcher("replica-b");
        h.clock.set(T0.plusSeconds(1));
        a.tick();
        h.page.show(b(B1));
        h.clock.set(T0.plus(POLL.multipliedBy(2)));
        a.tick();
        assertThat(onItsWay.await(30, TimeUnit.SECONDS)).as("the first post left").isTrue();

        Thread closer = new Thread(a::close, "closer");
        closer.start();
        awaitBlocked(closer);
        assertThat(store.leases().find(IncidentWatcher.LEASE)).as("lease kept while the post is on its way")
            .map(Lease::holder).contains("replica-a");

        answer.countDown();
        closer.join(30_000);
        assertThat(closer.isAlive()).isFalse();
        assertThat(store.leases().find(IncidentWatcher.LEASE)).as("lease given up once the post is made").isEmpty();
        assertThat(h.slack.posts()).as("nothing started after the stop").hasSize(1);
        assertThat(store.ledger().unconfirmed()).isEmpty();

        takesOverAndPostsOnce(h, b, channels);
      }
    }

    /** Lets the standby {@code b} take the released lease and checks each channel has its post once. */
    private static void takesOverAndPostsOnce(Harness h, IncidentWatcher b, List<ChannelRef> channels) {
      h.clock.set(T0.plus(POLL.multipliedBy(2)).plusSeconds(1));
      b.tick();
      assertThat(b.holdsLease()).isTrue();
      for (ChannelRef c : channels) {
        assertThat(h.slack.topLevel(c)).as(c.channelId()).hasSize(1);
      }
      assertThat(h.slack.posts()).hasSize(channels.size());
    }

    private static void await(CountDownLatch latch) {
      try {
        if (!latch.await(30, TimeUnit.SECONDS)) {
          throw new AssertionError("the test never let the post through");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }

    /** Waits until {@code t} waits (the closer blocked on the round or the post in progress). */
    private static void awaitBlocked(Thread t) {
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (t.getState() != Thread.State.TIMED_WAITING && t.getState() != Thread.State.TERMINATED) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("the closer never waited for the round: " + t.getState());
        }
        Thread.onSpinWait();
      }
    }
  }

  @Nested
  @DisplayName("in memory")
  class InMemory extends OnOneStore {
    @Override
    Store open() {
      return new InMemoryStore();
    }
  }

  @Nested
  @DisplayName("on H2")
  class OnH2 extends OnOneStore {
    @Override
    Store open() {
      return JdbcStores.open("jdbc:h2:mem:lease-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null, null);
    }
  }

  @Nested
  @DisplayName("on PostgreSQL")
  class OnPostgres extends OnOneStore {
    Postgres postgres;

    @Override
    Store open() {
      postgres = Postgres.requireOrSkip();
      return JdbcStores.open(postgres.url(), postgres.user(), postgres.password());
    }

    @AfterEach
    @Override
    void closeStore() {
      if (store != null) {
        store.close();
      }
      if (postgres != null) {
        postgres.dropSchema();
      }
    }
  }
}
