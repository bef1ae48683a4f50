package dev.claude500.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.testing.Postgres;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Replicas on one PostgreSQL store tell each other of status-page pokes; others do not hear them. */
class PokeRelayTest {
  @Test
  @DisplayName("A poke told by one replica is heard by the other on the same store, not by itself nor by another store")
  void pokesReachTheOtherReplicasOfTheStore() throws Exception {
    try (Postgres pg = Postgres.requireOrSkip(); Postgres elsewhere = Postgres.requireOrSkip()) {
      AtomicInteger heardByA = new AtomicInteger();
      CountDownLatch heardByB = new CountDownLatch(1);
      AtomicInteger heardElsewhere = new AtomicInteger();
      try (PokeRelay a = PokeRelay.start(pg.url(), pg.user(), pg.password(), "a", heardByA::incrementAndGet).orElseThrow();
          PokeRelay b = PokeRelay.start(pg.url(), pg.user(), pg.password(), "b", heardByB::countDown).orElseThrow();
          PokeRelay c = PokeRelay.start(elsewhere.url(), elsewhere.user(), elsewhere.password(), "c",
              heardElsewhere::incrementAndGet).orElseThrow()) {
        // LISTEN takes effect once each listener has connected: tell until b hears, as a webhook would poke again
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!heardByB.await(200, TimeUnit.MILLISECONDS)) {
          assertThat(System.nanoTime()).as("b hears a's poke in time").isLessThan(deadline);
          a.tell();
        }
        b.tell();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (heardByA.get() == 0 && System.nanoTime() < until) {
          Thread.sleep(20);
        }
      }
      assertThat(heardByA).as("a hears b's poke, and none of its own").hasValue(1);
      assertThat(heardElsewhere).as("another store's replicas hear nothing").hasValue(0);
      assertThat(PokeRelay.channelOf(pg.url())).isNotEqualTo(PokeRelay.channelOf(elsewhere.url()))
          .matches("claude500_poke_[0-9a-f]{16}");
    }
    assertThat(PokeRelay.start("jdbc:h2:mem:x", null, null, "h2", () -> {})).as("one H2 replica tells nobody").isEmpty();
  }
}
