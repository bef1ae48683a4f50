package dev.claude500.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claude500.chat.ChannelMention;
import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ConversationKey;
import dev.claude500.commands.AutodetectSetting;
import dev.claude500.commands.Filters;
import dev.claude500.commands.QuietHours;
import dev.claude500.commands.Subscription;
import dev.claude500.incidents.HitScope;
import dev.claude500.incidents.Lease;
import dev.claude500.incidents.LedgerEntry;
import dev.claude500.incidents.WaitingTriage;
import dev.claude500.status.Impact;
import dev.claude500.triage.StoredConversation;
import dev.claude500.triage.TriageOutcome;
import dev.claude500.triage.TriageRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Store} does, whatever keeps its data. A subclass supplies an empty store for
 * each test.
 */
abstract class StoreContract {
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456Z");
  static final ChannelRef SLACK_OPS = new ChannelRef("slack", "C0OPS");
  static final ChannelRef DISCORD_OPS = new ChannelRef("discord", "112233");

  Store store;

  /** Returns a store holding nothing, for one test. */
  abstract Store emptyStore();

  @BeforeEach
  void openEmptyStore() {
    store = emptyStore();
  }

  static ConversationKey thread(String thread) {
    return new ConversationKey("slack", "C0OPS", thread);
  }

  static StoredConversation conversation(String thread, long version, boolean open, Instant at) {
    return new StoredConversation(thread(thread), "{\"v\":" + version + "}", version, open, at);
  }

  /** Starts {@code threads} tasks at the same instant and returns their results. */
  static <T> List<T> race(int threads, IntFunction<Callable<T>> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch ready = new CountDownLatch(threads);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        Callable<T> body = task.apply(i);
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return body.call();
                }));
      }
      ready.await(10, TimeUnit.SECONDS);
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get(20, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName("A fresh store answers and holds nothing")
  void freshStoreIsEmptyAndReachable() {
    assertThat(store.isReachable()).isTrue();
    assertThat(store.ledger().isEmpty()).isTrue();
    assertThat(store.subscriptions().all()).isEmpty();
    assertThat(store.conversations().findOpenIdleSince(T0.plusSeconds(3600), 10)).isEmpty();
  }

  @Nested
  @DisplayName("Conversations")
  class Conversations {
    @Test
    @DisplayName("A created conversation is found as written")
    void createThenFind() {
      StoredConversation c = conversation("1.001", 0, true, T0);

      assertThat(store.conversations().create(c)).isTrue();

      assertThat(store.conversations().find(c.key())).contains(c);
      assertThat(store.conversations().find(thread("1.002"))).isEmpty();
    }

    @Test
    @DisplayName("Creating a thread's conversation twice keeps the first")
    void createIsOnlyIfAbsent() {
      StoredConversation first = conversation("1.001", 0, true, T0);
      StoredConversation second =
          new StoredConversation(first.key(), "{\"other\":true}", 0, true, T0.plusSeconds(1));

      assertThat(store.conversations().create(first)).isTrue();
      assertThat(store.conversations().create(second)).isFalse();

      assertThat(store.conversations().find(first.key())).contains(first);
    }

    @Test
    @DisplayName("Only version 0 can be created; an update needs version 1 or more")
    void versionsAreChecked() {
      assertThatThrownBy(() -> store.conversations().create(conversation("1.001", 1, true, T0)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("version");
      assertThatThrownBy(() -> store.conversations().update(conversation("1.001", 0, true, T0)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("version");
    }

    @Test
    @DisplayName("Threads of one channel, and channels of two platforms, are different keys")
    void keysAreWhole() {
      ConversationKey slack = new ConversationKey("slack", "C1", "T1");
      ConversationKey otherThread = new ConversationKey("slack", "C1", "T2");
      ConversationKey discord = new ConversationKey("discord", "C1", "T1");
      for (ConversationKey key : List.of(slack, otherThread, discord)) {
        assertThat(
                store
                    .conversations()
                    .create(new StoredConversation(key, key.toString(), 0, true, T0)))
            .isTrue();
      }
      assertThat(store.conversations().find(discord))
          .map(StoredConversation::state)
          .contains("discord:C1:T1");
      assertThat(store.conversations().find(otherThread))
          .map(StoredConversation::state)
          .contains("slack:C1:T2");
    }

    @Test
    @DisplayName("An update with the next version replaces the conversation")
    void updateWithNextVersion() {
      store.conversations().create(conversation("1.001", 0, true, T0));
      StoredConversation next = conversation("1.001", 1, false, T0.plusSeconds(5));

      assertThat(store.conversations().update(next)).isTrue();

      assertThat(store.conversations().find(next.key())).contains(next);
    }

    @Test
    @DisplayName("An update built on a stale or future version is refused and writes nothing")
    void updateWithWrongVersionIsRefused() {
      store.conversations().create(conversation("1.001", 0, true, T0));
      StoredConversation v1 = conversation("1.001", 1, true, T0.plusSeconds(1));
      store.conversations().update(v1);

      assertThat(store.conversations().update(conversation("1.001", 1, true, T0.plusSeconds(2))))
          .as("a second writer that also read version 0")
          .isFalse();
      assertThat(store.conversations().update(conversation("1.001", 3, true, T0.plusSeconds(2))))
          .as("skipping a version")
          .isFalse();
      assertThat(store.conversations().find(v1.key())).contains(v1);
    }

    @Test
    @DisplayName("Updating a conversation that does not exist is refused and creates nothing")
    void updateOfMissingConversation() {
      StoredConversation next = conversation("9.999", 1, true, T0);

      assertThat(store.conversations().update(next)).isFalse();

      assertThat(store.conversations().find(next.key())).isEmpty();
    }

    @Test
    @DisplayName("Of writers racing from the same version, exactly one wins, every round")
    void racingUpdates() throws Exception {
      store.conversations().create(conversation("1.001", 0, true, T0));
      for (long version = 1; version <= 15; version++) {
        long next = version;
        List<Boolean> wins =
            race(
                8,
                i ->
                    () ->
                        store
                            .conversations()
                            .update(
                                new StoredConversation(
                                    thread("1.001"),
                                    "writer " + i,
                                    next,
                                    true,
                                    T0.plusSeconds(next))));
        assertThat(wins).as("round %d", version).containsOnlyOnce(true);
        String winner = "writer " + wins.indexOf(true);
        assertThat(store.conversations().find(thread("1.001")))
            .hasValueSatisfying(
                c -> {
                  assertThat(c.version()).isEqualTo(next);
                  assertThat(c.state()).isEqualTo(winner);
                });
      }
    }

    @Test
    @DisplayName(
        "Idle open conversations come oldest first, strictly before the cutoff, up to the limit")
    void findOpenIdleSince() {
      store.conversations().create(conversation("a", 0, true, T0.plusSeconds(30)));
      store.conversations().create(conversation("b", 0, true, T0.plusSeconds(10)));
      store.conversations().create(conversation("c", 0, false, T0.plusSeconds(5)));
      store.conversations().create(conversation("d", 0, true, T0.plusSeconds(20)));
      store.conversations().create(conversation("e", 0, true, T0.plusSeconds(60)));
      store.conversations().create(conversation("f", 0, true, T0.plusSeconds(40)));
      Instant cutoff = T0.plusSeconds(40);

      assertThat(store.conversations().findOpenIdleSince(cutoff, 10))
          .extracting(c -> c.key().thread())
          .containsExactly("b", "d", "a");
      assertThat(store.conversations().findOpenIdleSince(cutoff, 2))
          .extracting(c -> c.key().thread())
          .containsExactly("b", "d");
      assertThat(store.conversations().findOpenIdleSince(cutoff, 0)).isEmpty();
      assertThatThrownBy(() -> store.conversations().findOpenIdleSince(cutoff, -1))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("Purging deletes closed conversations written before the cutoff, and counts them")
    void purgeClosedBefore() {
      store.conversations().create(conversation("old-closed", 0, false, T0));
      store.conversations().create(conversation("old-open", 0, true, T0));
      store.conversations().create(conversation("new-closed", 0, false, T0.plusSeconds(60)));
      store.conversations().create(conversation("at-cutoff", 0, false, T0.plusSeconds(30)));

      assertThat(store.conversations().purgeClosedBefore(T0.plusSeconds(30), 100)).isEqualTo(1);

      assertThat(store.conversations().find(thread("old-closed"))).isEmpty();
      assertThat(store.conversations().find(thread("old-open"))).isPresent();
      assertThat(store.conversations().find(thread("new-closed"))).isPresent();
      assertThat(store.conversations().find(thread("at-cutoff"))).isPresent();
      assertThat(store.conversations().purgeClosedBefore(T0.plusSeconds(30), 100)).isZero();
    }

    @Test
    @DisplayName("Purging takes at most the limit, oldest first, and the next call goes on")
    void purgeInBatches() {
      for (int i = 0; i < 5; i++) {
        store.conversations().create(conversation("c" + i, 0, false, T0.plusSeconds(4 - i)));
      }
      Instant cutoff = T0.plusSeconds(60);

      assertThat(store.conversations().purgeClosedBefore(cutoff, 2)).isEqualTo(2);
      assertThat(store.conversations().find(thread("c4"))).as("oldest").isEmpty();
      assertThat(store.conversations().find(thread("c3"))).isEmpty();
      assertThat(store.conversations().find(thread("c2"))).isPresent();
      assertThat(store.conversations().purgeClosedBefore(cutoff, 0)).isZero();
      assertThat(store.conversations().purgeClosedBefore(cutoff, 2)).isEqualTo(2);
      assertThat(store.conversations().purgeClosedBefore(cutoff, 2)).isEqualTo(1);
      assertThatThrownBy(() -> store.conversations().purgeClosedBefore(cutoff, -1))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("Purging keeps a closed conversation whose triage still waits for an incident")
    void purgeKeepsWaiting() {
      store.conversations().create(conversation("waits", 0, false, T0));
      store.conversations().create(conversation("done", 0, false, T0));
      store.waitingTriages().register(thread("waits"), Optional.of("inc1"), T0);

      assertThat(store.conversations().purgeClosedBefore(T0.plusSeconds(60), 100)).isEqualTo(1);
      assertThat(store.conversations().find(thread("waits"))).isPresent();

      store.waitingTriages().remove(thread("waits"));
      assertThat(store.conversations().purgeClosedBefore(T0.plusSeconds(60), 100)).isEqualTo(1);
      assertThat(store.conversations().find(thread("waits"))).isEmpty();
    }

    @Test
    @DisplayName("Instants are kept to the microsecond; long, non-ASCII state survives whole")
    void roundTrip() {
      Instant withNanos = Instant.parse("2026-03-01T10:00:00.123456789Z");
      String state = "{\"text\":\"" + "é✓ 🚀 \\\"quoted\\\" ".repeat(5_000) + "\"}";
      StoredConversation c = new StoredConversation(thread("1.001"), state, 0, true, withNanos);

      store.conversations().create(c);

      StoredConversation found = store.conversations().find(c.key()).orElseThrow();
      assertThat(found.updatedAt()).isEqualTo(withNanos.truncatedTo(ChronoUnit.MICROS));
      assertThat(found.state()).isEqualTo(state);
    }
  }

  @Nested
  @DisplayName("Subscriptions")
  class Subscriptions {
    @Test
    @DisplayName("A saved subscription is found with its components; none means every incident")
    void saveThenFind() {
      Subscription some = new Subscription(SLACK_OPS, Set.of("cc1", "api2"), "U1", T0, Filters.DEFAULT);
      Subscription all = new Subscription(DISCORD_OPS, Set.of(), "42", T0, Filters.DEFAULT);

      store.subscriptions().save(some);
      store.subscriptions().save(all);

      assertThat(store.subscriptions().find(SLACK_OPS)).contains(some);
      assertThat(store.subscriptions().find(DISCORD_OPS))
          .hasValueSatisfying(s -> assertThat(s.allComponents()).isTrue());
      assertThat(store.subscriptions().find(new ChannelRef("slack", "C0OTHER"))).isEmpty();
    }

    @Test
    @DisplayName("Saving again replaces the whole subscription")
    void saveReplaces() {
      store.subscriptions().save(new Subscription(SLACK_OPS, Set.of("cc1", "api2"), "U1", T0, Filters.DEFAULT));
      Subscription replacement =
          new Subscription(SLACK_OPS, Set.of("api2", "web3"), "U2", T0.plusSeconds(9), Filters.DEFAULT);

      store.subscriptions().save(replacement);

      assertThat(store.subscriptions().all()).containsExactly(replacement);
      Subscription everything = new Subscription(SLACK_OPS, Set.of(), "U3", T0.plusSeconds(10), Filters.DEFAULT);
      store.subscriptions().save(everything);
      assertThat(store.subscriptions().find(SLACK_OPS)).contains(everything);
    }

    @Test
    @DisplayName("Filters are kept with the subscription, and saving again replaces them")
    void filtersRoundTrip() {
      Filters night = new Filters(Impact.MAJOR, false, ChannelMention.role("123456789012345678"),
          new QuietHours(QuietHours.Kind.WINDOW, LocalTime.of(22, 30), LocalTime.of(6, 45)),
          ZoneId.of("America/Argentina/Buenos_Aires"));
      Subscription discord = new Subscription(DISCORD_OPS, Set.of("cc1"), "42", T0, night);
      Subscription slack = new Subscription(SLACK_OPS, Set.of(), "U1", T0, new Filters(Impact.CRITICAL, true,
          ChannelMention.of(ChannelMention.Kind.CHANNEL), QuietHours.ALL, ZoneId.of("Asia/Kolkata")));

      store.subscriptions().save(discord);
      store.subscriptions().save(slack);

      assertThat(store.subscriptions().find(DISCORD_OPS)).contains(discord);
      assertThat(store.subscriptions().all()).containsExactlyInAnyOrder(discord, slack);
      Subscription plain = new Subscription(DISCORD_OPS, Set.of("cc1"), "42", T0.plusSeconds(1), Filters.DEFAULT);
      store.subscriptions().save(plain);
      assertThat(store.subscriptions().find(DISCORD_OPS)).contains(plain);
    }

    @Test
    @DisplayName("Removing says whether there was a subscription, and forgets its components")
    void remove() {
      store.subscriptions().save(new Subscription(SLACK_OPS, Set.of("cc1"), "U1", T0, Filters.DEFAULT));

      assertThat(store.subscriptions().remove(SLACK_OPS)).isTrue();
      assertThat(store.subscriptions().remove(SLACK_OPS)).isFalse();

      assertThat(store.subscriptions().find(SLACK_OPS)).isEmpty();
      Subscription fresh = new Subscription(SLACK_OPS, Set.of(), "U1", T0, Filters.DEFAULT);
      store.subscriptions().save(fresh);
      assertThat(store.subscriptions().find(SLACK_OPS)).contains(fresh);
    }

    @Test
    @DisplayName("All subscriptions come by platform, then channel id, in Java string order")
    void allInStableOrder() {
      List<ChannelRef> channels =
          List.of(
              new ChannelRef("slack", "c2"),
              new ChannelRef("discord", "9"),
              new ChannelRef("slack", "C1"),
              new ChannelRef("discord", "10"),
              new ChannelRef("slack", "b-1"),
              new ChannelRef("slack", "b1"));
      channels.forEach(c -> store.subscriptions().save(new Subscription(c, Set.of(), "U", T0, Filters.DEFAULT)));

      assertThat(store.subscriptions().all())
          .extracting(Subscription::channel)
          .extracting(ChannelRef::toString)
          .containsExactly(
              "discord:10", "discord:9", "slack:C1", "slack:b-1", "slack:b1", "slack:c2");
    }

    @Test
    @DisplayName("Concurrent saves of one channel leave exactly one of them, whole")
    void concurrentSaves() throws Exception {
      race(
          8,
          i ->
              () -> {
                store
                    .subscriptions()
                    .save(
                        new Subscription(
                            SLACK_OPS,
                            Set.of("x" + i, "y" + i, "z" + i),
                            "U" + i,
                            T0.plusSeconds(i), Filters.DEFAULT));
                return null;
              });

      Subscription kept = store.subscriptions().find(SLACK_OPS).orElseThrow();
      String i = kept.subscribedBy().substring(1);
      assertThat(kept.componentIds()).containsExactlyInAnyOrder("x" + i, "y" + i, "z" + i);
      assertThat(store.subscriptions().all()).hasSize(1);
    }
  }

  @Nested
  @DisplayName("Autodetect")
  class Autodetects {
    private static final Duration GAP = Duration.ofMinutes(10);

    @Test
    @DisplayName("Offers are off until a channel turns them on, and off again once it turns them off")
    void onAndOff() {
      assertThat(store.autodetect().find(SLACK_OPS)).isEmpty();
      assertThat(store.autodetect().turnOff(SLACK_OPS)).isFalse();

      store.autodetect().turnOn(new AutodetectSetting(SLACK_OPS, "U1", T0));
      store.autodetect().turnOn(new AutodetectSetting(SLACK_OPS, "U2", T0.plusSeconds(5)));

      assertThat(store.autodetect().find(SLACK_OPS)).contains(new AutodetectSetting(SLACK_OPS, "U2", T0.plusSeconds(5)));
      assertThat(store.autodetect().find(DISCORD_OPS)).isEmpty();
      assertThat(store.autodetect().turnOff(SLACK_OPS)).isTrue();
      assertThat(store.autodetect().find(SLACK_OPS)).isEmpty();
    }

    @Test
    @DisplayName("A person gets one offer per gap: a claim inside it is refused, one at its end is taken")
    void oneOfferPerGap() {
      assertThat(store.autodetect().claimOffer("slack", "U1", T0, GAP)).isTrue();
      assertThat(store.autodetect().claimOffer("slack", "U1", T0.plus(GAP).minusSeconds(1), GAP)).isFalse();
      assertThat(store.autodetect().claimOffer("slack", "U2", T0.plusSeconds(1), GAP)).isTrue();
      assertThat(store.autodetect().claimOffer("discord", "U1", T0.plusSeconds(1), GAP)).isTrue();

      assertThat(store.autodetect().claimOffer("slack", "U1", T0.plus(GAP), GAP)).isTrue();
      assertThat(store.autodetect().claimOffer("slack", "U1", T0.plus(GAP).plusSeconds(1), GAP)).isFalse();
    }

    @Test
    @DisplayName("Of claims racing for one person, exactly one wins, for a first offer and for a later one")
    void racingClaims() throws Exception {
      assertThat(race(8, i -> () -> store.autodetect().claimOffer("slack", "U1", T0, GAP)))
          .containsOnlyOnce(true);
      Instant later = T0.plus(GAP).plusSeconds(1);
      assertThat(race(8, i -> () -> store.autodetect().claimOffer("slack", "U1", later, GAP)))
          .containsOnlyOnce(true);
    }
  }

  @Nested
  @DisplayName("Post ledger")
  class Ledger {
    @Test
    @DisplayName("The first claim wins; a second claim of the same item in the channel is refused")
    void claimOnce() {
      assertThat(store.ledger().claim(SLACK_OPS, "incident/abc", "abc", T0)).isTrue();
      assertThat(store.ledger().claim(SLACK_OPS, "incident/abc", "abc", T0.plusSeconds(1)))
          .isFalse();

      assertThat(store.ledger().find(SLACK_OPS, "incident/abc"))
          .contains(
              new LedgerEntry(
                  SLACK_OPS, "incident/abc", "abc", Optional.empty(), T0, Optional.empty()));
      assertThat(store.ledger().isEmpty()).isFalse();
    }

    @Test
    @DisplayName("The same item is claimed separately in each channel")
    void claimPerChannel() {
      assertThat(store.ledger().claim(SLACK_OPS, "incident/abc", "abc", T0)).isTrue();
      assertThat(store.ledger().claim(DISCORD_OPS, "incident/abc", "abc", T0)).isTrue();
      assertThat(store.ledger().find(new ChannelRef("slack", "C0OTHER"), "incident/abc")).isEmpty();
    }

    @Test
    @DisplayName("Confirming records the message id and when; the item stays claimed")
    void confirm() {
      store.ledger().claim(SLACK_OPS, "incident/abc", "abc", T0);

      store.ledger().confirm(SLACK_OPS, "incident/abc", "1719000000.000100", T0.plusSeconds(2));

      LedgerEntry entry = store.ledger().find(SLACK_OPS, "incident/abc").orElseThrow();
      assertThat(entry.isPosted()).isTrue();
      assertThat(entry.messageId()).contains("1719000000.000100");
      assertThat(entry.postedAt()).contains(T0.plusSeconds(2));
      assertThat(entry.claimedAt()).isEqualTo(T0);
      assertThat(store.ledger().claim(SLACK_OPS, "incident/abc", "abc", T0.plusSeconds(3)))
          .isFalse();
    }

    @Test
    @DisplayName("Confirming an item nobody claimed is a programming error")
    void confirmUnclaimed() {
      assertThatThrownBy(() -> store.ledger().confirm(SLACK_OPS, "incident/zzz", "m1", T0))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("incident/zzz");
      assertThat(store.ledger().isEmpty()).isTrue();
    }

    @Test
    @DisplayName("Unconfirmed claims come oldest first; confirmed ones are left out")
    void unconfirmedOldestFirst() {
      store.ledger().claim(SLACK_OPS, "update/3", "abc", T0.plusSeconds(30));
      store.ledger().claim(SLACK_OPS, "update/1", "abc", T0.plusSeconds(10));
      store.ledger().claim(DISCORD_OPS, "update/2", "def", T0.plusSeconds(20));
      store.ledger().claim(DISCORD_OPS, "update/0", "def", T0);
      store.ledger().confirm(DISCORD_OPS, "update/0", "m0", T0.plusSeconds(1));

      assertThat(store.ledger().unconfirmed())
          .extracting(LedgerEntry::itemKey)
          .containsExactly("update/1", "update/2", "update/3");
    }

    @Test
    @DisplayName("An incident's entries are listed across channels, and only its own")
    void forIncident() {
      store.ledger().claim(SLACK_OPS, "incident/abc", "abc", T0);
      store.ledger().claim(DISCORD_OPS, "incident/abc", "abc", T0.plusSeconds(1));
      store.ledger().claim(SLACK_OPS, "update/u1", "abc", T0.plusSeconds(2));
      store.ledger().claim(SLACK_OPS, "incident/def", "def", T0);
      store.ledger().confirm(SLACK_OPS, "incident/abc", "m1", T0.plusSeconds(3));

      assertThat(store.ledger().forIncident("abc"))
          .extracting(e -> e.channel() + " " + e.itemKey())
          .containsExactly(
              "slack:C0OPS incident/abc", "discord:112233 incident/abc", "slack:C0OPS update/u1");
      assertThat(store.ledger().forIncident("nope")).isEmpty();
    }

    @Test
    @DisplayName("A failed item is settled: left out of the unconfirmed, never claimed again")
    void fail() {
      store.ledger().claim(SLACK_OPS, "update/u1", "abc", T0);
      store.ledger().claim(SLACK_OPS, "update/u2", "abc", T0.plusSeconds(1));

      store.ledger().fail(SLACK_OPS, "update/u1", "channel_not_found", T0.plusSeconds(2));

      LedgerEntry failed = store.ledger().find(SLACK_OPS, "update/u1").orElseThrow();
      assertThat(failed.failure()).contains("channel_not_found");
      assertThat(failed.isFailed()).isTrue();
      assertThat(failed.isSettled()).isTrue();
      assertThat(failed.isPosted()).isFalse();
      assertThat(store.ledger().unconfirmed()).extracting(LedgerEntry::itemKey).containsExactly("update/u2");
      assertThat(store.ledger().claim(SLACK_OPS, "update/u1", "abc", T0.plusSeconds(3))).isFalse();
      assertThat(store.ledger().forIncident("abc")).hasSize(2);
    }

    @Test
    @DisplayName("Failing an unclaimed item is a programming error; failing a posted one does nothing")
    void failUnclaimedOrPosted() {
      assertThatThrownBy(() -> store.ledger().fail(SLACK_OPS, "update/zzz", "gone", T0))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("update/zzz");
      store.ledger().claim(SLACK_OPS, "update/u1", "abc", T0);
      store.ledger().confirm(SLACK_OPS, "update/u1", "m1", T0.plusSeconds(1));

      store.ledger().fail(SLACK_OPS, "update/u1", "late", T0.plusSeconds(2));

      LedgerEntry posted = store.ledger().find(SLACK_OPS, "update/u1").orElseThrow();
      assertThat(posted.failure()).isEmpty();
      assertThat(posted.messageId()).contains("m1");
    }

    @Test
    @DisplayName("Of many threads claiming one item at once, exactly one gets it")
    void concurrentClaims() throws Exception {
      List<Boolean> claims =
          race(
              16,
              i ->
                  () -> store.ledger().claim(SLACK_OPS, "incident/race", "race", T0.plusMillis(i)));

      assertThat(claims).containsOnlyOnce(true);
      assertThat(store.ledger().unconfirmed()).hasSize(1);
    }

    @Test
    @DisplayName("Purging deletes settled entries claimed before the cutoff, never an unsettled one")
    void purgeSettled() {
      store.ledger().claim(SLACK_OPS, "incident/a", "a", T0);
      store.ledger().confirm(SLACK_OPS, "incident/a", "m1", T0.plusSeconds(1));
      store.ledger().claim(SLACK_OPS, "update/a1", "a", T0);
      store.ledger().fail(SLACK_OPS, "update/a1", "gone", T0.plusSeconds(1));
      store.ledger().claim(SLACK_OPS, "update/a2", "a", T0);
      store.ledger().claim(DISCORD_OPS, "incident/a", "a", T0.plusSeconds(60));
      store.ledger().confirm(DISCORD_OPS, "incident/a", "m2", T0.plusSeconds(61));

      assertThat(store.ledger().purgeSettledBefore(T0.plusSeconds(30), Set.of(), 100)).isEqualTo(2);

      assertThat(store.ledger().forIncident("a"))
          .extracting(e -> e.channel() + " " + e.itemKey())
          .containsExactly("slack:C0OPS update/a2", "discord:112233 incident/a");
      assertThat(store.ledger().claim(SLACK_OPS, "update/a2", "a", T0.plusSeconds(90)))
          .as("the unsettled claim is still held").isFalse();
    }

    @Test
    @DisplayName("Purging leaves every entry of the incidents to keep, and goes in batches")
    void purgeKeepsIncidentsAndBatches() {
      for (String incident : List.of("a", "b", "c")) {
        for (int i = 0; i < 3; i++) {
          store.ledger().claim(SLACK_OPS, "update/" + incident + i, incident, T0.plusSeconds(i));
          store.ledger().confirm(SLACK_OPS, "update/" + incident + i, "m", T0.plusSeconds(i));
        }
      }
      Instant cutoff = T0.plusSeconds(60);

      assertThat(store.ledger().purgeSettledBefore(cutoff, Set.of("b", "c"), 2)).isEqualTo(2);
      assertThat(store.ledger().purgeSettledBefore(cutoff, Set.of("b", "c"), 2)).isEqualTo(1);
      assertThat(store.ledger().purgeSettledBefore(cutoff, Set.of("b", "c"), 2)).isZero();
      assertThat(store.ledger().forIncident("a")).isEmpty();
      assertThat(store.ledger().forIncident("b")).hasSize(3);
      assertThat(store.ledger().purgeSettledBefore(cutoff, Set.of("b"), 0)).isZero();
      assertThat(store.ledger().purgeSettledBefore(cutoff, Set.of("b"), 10)).isEqualTo(3);
      assertThat(store.ledger().forIncident("b")).hasSize(3);
      assertThat(store.ledger().forIncident("c")).isEmpty();
      assertThatThrownBy(() -> store.ledger().purgeSettledBefore(cutoff, Set.of(), -1))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  @DisplayName("Leases")
  class LeaseTests {
    static final String WATCHER = "incident-watcher";
    static final Duration TTL = Duration.ofSeconds(45);

    @Test
    @DisplayName("A free lease is taken; its holder renews it; nobody else gets it while it runs")
    void takeRenewRefuse() {
      assertThat(store.leases().find(WATCHER)).isEmpty();
      assertThat(store.leases().acquire(WATCHER, "a", T0, TTL)).isTrue();
      assertThat(store.leases().find(WATCHER)).contains(new Lease(WATCHER, "a", T0.plus(TTL)));

      assertThat(store.leases().acquire(WATCHER, "b", T0.plusSeconds(44), TTL)).isFalse();
      assertThat(store.leases().acquire(WATCHER, "a", T0.plusSeconds(30), TTL)).isTrue();
      assertThat(store.leases().acquire(WATCHER, "b", T0.plusSeconds(74), TTL)).isFalse();

      assertThat(store.leases().find(WATCHER).orElseThrow().expiresAt()).isEqualTo(T0.plusSeconds(75));
      assertThat(store.leases().acquire("other", "b", T0, TTL)).isTrue();
    }

    @Test
    @DisplayName("A lapsed lease goes to whoever asks first; the old holder then loses it")
    void takeOverLapsed() {
      store.leases().acquire(WATCHER, "a", T0, TTL);

      assertThat(store.leases().acquire(WATCHER, "b", T0.plus(TTL), TTL)).isTrue();

      assertThat(store.leases().acquire(WATCHER, "a", T0.plus(TTL).plusSeconds(1), TTL)).isFalse();
      assertThat(store.leases().find(WATCHER).orElseThrow().holder()).isEqualTo("b");
    }

    @Test
    @DisplayName("A released lease is free at once; only its holder can release it")
    void release() {
      store.leases().acquire(WATCHER, "a", T0, TTL);

      assertThat(store.leases().release(WATCHER, "b")).isFalse();
      assertThat(store.leases().release(WATCHER, "a")).isTrue();

      assertThat(store.leases().find(WATCHER)).isEmpty();
      assertThat(store.leases().acquire(WATCHER, "b", T0.plusSeconds(1), TTL)).isTrue();
      assertThat(store.leases().release(WATCHER, "a")).isFalse();
    }

    @Test
    @DisplayName("A duration must be positive")
    void durationChecked() {
      assertThatThrownBy(() -> store.leases().acquire(WATCHER, "a", T0, Duration.ZERO))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("duration");
    }

    @Test
    @DisplayName("Of many replicas taking one lapsed lease at once, exactly one gets it")
    void concurrentTakers() throws Exception {
      store.leases().acquire(WATCHER, "old", T0, TTL);
      Instant later = T0.plus(TTL).plusSeconds(1);

      List<Boolean> taken = race(12, i -> () -> store.leases().acquire(WATCHER, "r" + i, later, TTL));

      assertThat(taken).containsOnlyOnce(true);
      String holder = store.leases().find(WATCHER).orElseThrow().holder();
      assertThat(taken.get(Integer.parseInt(holder.substring(1)))).isTrue();
    }

    @Test
    @DisplayName("Of many replicas taking one new lease at once, exactly one gets it")
    void concurrentFirstTakers() throws Exception {
      List<Boolean> taken = race(12, i -> () -> store.leases().acquire("fresh", "r" + i, T0, TTL));

      assertThat(taken).containsOnlyOnce(true);
    }
  }

  @Nested
  @DisplayName("Watcher state")
  class State {
    @Test
    @DisplayName("A value is stored, replaced, and kept by putIfAbsent")
    void putAndGet() {
      assertThat(store.watcherState().get("baseline")).isEmpty();

      assertThat(store.watcherState().putIfAbsent("baseline", "t0", T0)).isEqualTo("t0");
      assertThat(store.watcherState().putIfAbsent("baseline", "t1", T0)).isEqualTo("t0");
      store.watcherState().put("maintenances", "{}", T0);
      store.watcherState().put("maintenances", "{\"m1\":\"DB\"}", T0.plusSeconds(1));

      assertThat(store.watcherState().get("baseline")).contains("t0");
      assertThat(store.watcherState().get("maintenances")).contains("{\"m1\":\"DB\"}");
    }

    @Test
    @DisplayName("Of many first writers at once, one value wins and every one of them is told it")
    void concurrentPutIfAbsent() throws Exception {
      List<String> answers = race(12, i -> () -> store.watcherState().putIfAbsent("baseline", "v" + i, T0));

      assertThat(answers).containsOnly(store.watcherState().get("baseline").orElseThrow());
    }

    @Test
    @DisplayName("Many writers of one value at once all succeed and one value remains")
    void concurrentPut() throws Exception {
      race(8, i -> () -> {
        store.watcherState().put("k", "v" + i, T0);
        return null;
      });

      assertThat(store.watcherState().get("k").orElseThrow()).matches("v[0-7]");
    }
  }

  @Nested
  @DisplayName("Incident hits")
  class Hits {
    final HitScope acme = new HitScope("inc1", "slack", "T0ACME");
    final HitScope other = new HitScope("inc1", "slack", "T0OTHER");

    @Test
    @DisplayName("A click counts a person once; a second click takes it back")
    void toggle() {
      assertThat(store.incidentHits().toggleClick(acme, "U1", T0)).isTrue();
      assertThat(store.incidentHits().toggleClick(acme, "U2", T0)).isTrue();
      assertThat(store.incidentHits().count(acme)).isEqualTo(2);
      assertThat(store.incidentHits().count(other)).as("another workspace counts its own").isZero();

      assertThat(store.incidentHits().toggleClick(acme, "U1", T0.plusSeconds(1))).isFalse();
      assertThat(store.incidentHits().count(acme)).isEqualTo(1);
      assertThat(store.incidentHits().toggleClick(acme, "U1", T0.plusSeconds(2))).isTrue();
      assertThat(store.incidentHits().count(acme)).isEqualTo(2);
    }

    @Test
    @DisplayName("A person with a waiting triage and a click is counted once; the triage's mark outlives the click")
    void triageAndClick() {
      store.incidentHits().triageWaits(acme, "U1", thread("1.1"), T0);
      store.incidentHits().triageWaits(acme, "U1", thread("1.1"), T0.plusSeconds(1));
      store.incidentHits().triageWaits(acme, "U1", thread("2.2"), T0);
      store.incidentHits().toggleClick(acme, "U1", T0);
      assertThat(store.incidentHits().count(acme)).isEqualTo(1);
      assertThat(store.incidentHits().countedByTriage(acme, "U1")).isTrue();

      store.incidentHits().toggleClick(acme, "U1", T0);
      assertThat(store.incidentHits().count(acme)).as("still waiting in two threads").isEqualTo(1);
      assertThat(store.incidentHits().forgetTriage(thread("1.1"))).containsExactly(acme);
      assertThat(store.incidentHits().forgetTriage(thread("1.1"))).isEmpty();
      assertThat(store.incidentHits().count(acme)).isEqualTo(1);
      store.incidentHits().forgetTriage(thread("2.2"));
      assertThat(store.incidentHits().count(acme)).isZero();
      assertThat(store.incidentHits().countedByTriage(acme, "U1")).isFalse();
    }

    @Test
    @DisplayName("People per incident add up every workspace, each person of each once")
    void peoplePerIncident() {
      store.incidentHits().toggleClick(acme, "U1", T0);
      store.incidentHits().triageWaits(acme, "U1", thread("1.1"), T0);
      store.incidentHits().toggleClick(other, "U1", T0);
      store.incidentHits().toggleClick(new HitScope("inc2", "discord", "G1"), "U9", T0);

      assertThat(store.incidentHits().people(List.of("inc1", "inc2", "inc3")))
          .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("inc1", 2, "inc2", 1));
      assertThat(store.incidentHits().people(List.of())).isEmpty();
    }

    @Test
    @DisplayName("Of many clicks of different people at once, every one is counted")
    void concurrentClicks() throws Exception {
      List<Boolean> set = race(12, i -> () -> store.incidentHits().toggleClick(acme, "U" + i, T0));
      assertThat(set).containsOnly(true);
      assertThat(store.incidentHits().count(acme)).isEqualTo(12);
    }

    @Test
    @DisplayName("Purging forgets marks made before the cutoff, at most the limit")
    void purge() {
      store.incidentHits().toggleClick(acme, "U1", T0.minusSeconds(10));
      store.incidentHits().toggleClick(acme, "U2", T0.minusSeconds(5));
      store.incidentHits().toggleClick(acme, "U3", T0.plusSeconds(5));

      assertThat(store.incidentHits().purgeBefore(T0, 1)).isEqualTo(1);
      assertThat(store.incidentHits().purgeBefore(T0, 10)).isEqualTo(1);
      assertThat(store.incidentHits().count(acme)).isEqualTo(1);
      assertThatThrownBy(() -> store.incidentHits().purgeBefore(T0, -1)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  @DisplayName("Waiting triages")
  class Waiting {
    @Test
    @DisplayName("A registered triage is found, re-registering replaces it, and removing forgets it")
    void registerFindRemove() {
      ConversationKey t1 = thread("1.001");
      store.waitingTriages().register(t1, Optional.of("inc1"), T0);
      store.waitingTriages().register(t1, Optional.of("inc2"), T0.plusSeconds(5));

      assertThat(store.waitingTriages().find(t1))
          .contains(new WaitingTriage(t1, Optional.of("inc2"), T0.plusSeconds(5)));
      assertThat(store.waitingTriages().remove(t1)).isTrue();
      assertThat(store.waitingTriages().remove(t1)).isFalse();
      assertThat(store.waitingTriages().find(t1)).isEmpty();
    }

    @Test
    @DisplayName("A triage may wait on no incident in particular (a green page)")
    void noIncident() {
      store.waitingTriages().register(thread("1.002"), Optional.empty(), T0);

      assertThat(store.waitingTriages().find(thread("1.002")).orElseThrow().incidentId()).isEmpty();
      assertThatThrownBy(() -> store.waitingTriages().register(thread("1.003"), Optional.of(" "), T0))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("All come longest waiting first, ties by thread")
    void allInOrder() {
      store.waitingTriages().register(thread("3"), Optional.of("a"), T0.plusSeconds(10));
      store.waitingTriages().register(thread("2"), Optional.of("a"), T0);
      store.waitingTriages().register(new ConversationKey("discord", "9", "1"), Optional.empty(), T0);

      assertThat(store.waitingTriages().all())
          .extracting(w -> w.key().toString())
          .containsExactly("discord:9:1", "slack:C0OPS:2", "slack:C0OPS:3");
    }

    @Test
    @DisplayName("Many registrations of one thread at once leave one record")
    void concurrentRegistrations() throws Exception {
      race(8, i -> () -> {
        store.waitingTriages().register(thread("race"), Optional.of("inc" + i), T0);
        return null;
      });

      assertThat(store.waitingTriages().all()).hasSize(1);
    }
  }

  @Nested
  @DisplayName("Seen deliveries")
  class Deliveries {
    @Test
    @DisplayName("A delivery is first seen once; every repeat is reported as such")
    void firstSeenOnce() {
      assertThat(store.seenDeliveries().firstSeen("Ev01", T0)).isTrue();
      assertThat(store.seenDeliveries().firstSeen("Ev01", T0.plusSeconds(1))).isFalse();
      assertThat(store.seenDeliveries().firstSeen("Ev01", T0.plusSeconds(2))).isFalse();
      assertThat(store.seenDeliveries().firstSeen("Ev02", T0)).isTrue();
    }

    @Test
    @DisplayName("Purging forgets deliveries seen before the cutoff, and counts them")
    void purge() {
      store.seenDeliveries().firstSeen("old", T0);
      store.seenDeliveries().firstSeen("older", T0.minus(Duration.ofHours(1)));
      store.seenDeliveries().firstSeen("new", T0.plusSeconds(60));

      assertThat(store.seenDeliveries().purgeBefore(T0.plusSeconds(1), 100)).isEqualTo(2);

      assertThat(store.seenDeliveries().firstSeen("old", T0.plusSeconds(61))).isTrue();
      assertThat(store.seenDeliveries().firstSeen("new", T0.plusSeconds(61))).isFalse();
      assertThat(store.seenDeliveries().purgeBefore(T0, 100)).isZero();
    }

    @Test
    @DisplayName("Purging forgets at most the limit, oldest first")
    void purgeInBatches() {
      for (int i = 0; i < 5; i++) {
        store.seenDeliveries().firstSeen("Ev" + i, T0.plusSeconds(i));
      }

      assertThat(store.seenDeliveries().purgeBefore(T0.plusSeconds(60), 3)).isEqualTo(3);
      assertThat(store.seenDeliveries().firstSeen("Ev2", T0.plusSeconds(61))).as("forgotten").isTrue();
      assertThat(store.seenDeliveries().firstSeen("Ev3", T0.plusSeconds(61))).as("kept").isFalse();
      assertThat(store.seenDeliveries().purgeBefore(T0.plusSeconds(60), 0)).isZero();
      assertThatThrownBy(() -> store.seenDeliveries().purgeBefore(T0, -1))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("Of many threads seeing one delivery at once, exactly one sees it first")
    void concurrentFirstSeen() throws Exception {
      for (int round = 0; round < 5; round++) {
        String id = "Ev-race-" + round;
        List<Boolean> firsts = race(12, i -> () -> store.seenDeliveries().firstSeen(id, T0));
        assertThat(firsts).as(id).containsOnlyOnce(true);
      }
    }
  }

  @Nested
  @DisplayName("Triage records")
  class TriageRecordsTests {
    private TriageRecord record(String thread, String workspace, String by, Instant startedAt, long version,
        Optional<TriageOutcome> outcome) {
      Optional<Instant> ended = outcome.map(o -> startedAt.plusSeconds(600));
      return new TriageRecord(workspace, thread(thread), by, startedAt, version, Optional.of("live-incident"),
          Optional.of("red"), outcome, Optional.of(startedAt.plusSeconds(60)), ended,
          outcome.equals(Optional.of(TriageOutcome.ESCALATED)), Optional.of("inc-1"));
    }

    @Test
    @DisplayName("A record reads back as saved, and a later version replaces it while an earlier one does not")
    void saveAndReplace() {
      TriageRecord first = record("1.1", "T1", "U1", T0, 0, Optional.empty());
      store.triageRecords().save(first);
      assertThat(store.triageRecords().startedBetween("T1", T0, T0.plusSeconds(1))).containsExactly(first);

      TriageRecord ended = record("1.1", "T1", "U1", T0, 3, Optional.of(TriageOutcome.ESCALATED));
      store.triageRecords().save(ended);
      store.triageRecords().save(record("1.1", "T1", "U1", T0, 2, Optional.empty()));
      store.triageRecords().save(record("1.1", "T1", "U1", T0, 3, Optional.empty()));

      assertThat(store.triageRecords().startedBetween("T1", T0, T0.plusSeconds(1))).containsExactly(ended);
      assertThat(ended.escalated()).isTrue();
      assertThat(ended.open()).isFalse();
    }

    @Test
    @DisplayName("A record without the optional parts reads back without them")
    void bareRecord() {
      TriageRecord bare = new TriageRecord("T1", thread("2.2"), "U1", T0, 0, Optional.empty(), Optional.empty(),
          Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty());
      store.triageRecords().save(bare);
      assertThat(store.triageRecords().startedBetween("T1", T0.minusSeconds(1), T0.plusSeconds(1)))
          .containsExactly(bare);
    }

    @Test
    @DisplayName("A window lists one workspace's triages started in it, start included and end excluded, oldest first")
    void window() {
      store.triageRecords().save(record("3", "T1", "U1", T0.plusSeconds(20), 0, Optional.empty()));
      store.triageRecords().save(record("1", "T1", "U1", T0, 0, Optional.empty()));
      store.triageRecords().save(record("2", "T1", "U1", T0.plusSeconds(10), 0, Optional.empty()));
      store.triageRecords().save(record("4", "T2", "U1", T0.plusSeconds(10), 0, Optional.empty()));

      assertThat(store.triageRecords().startedBetween("T1", T0, T0.plusSeconds(20)))
          .extracting(r -> r.key().thread()).containsExactly("1", "2");
      assertThat(store.triageRecords().startedBetween("T3", T0, T0.plusSeconds(60))).isEmpty();
      assertThatThrownBy(() -> store.triageRecords().startedBetween("T1", T0, T0.minusSeconds(1)))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("A person's open triages come newest first, ended ones and other people's left out")
    void openBy() {
      store.triageRecords().save(record("1", "T1", "U1", T0, 0, Optional.empty()));
      store.triageRecords().save(record("2", "T1", "U1", T0.plusSeconds(5), 0, Optional.empty()));
      store.triageRecords().save(record("3", "T1", "U1", T0.plusSeconds(9), 1, Optional.of(TriageOutcome.RESOLVED)));
      store.triageRecords().save(record("4", "T1", "U2", T0, 0, Optional.empty()));
      store.triageRecords().save(record("5", "T2", "U1", T0, 0, Optional.empty()));

      assertThat(store.triageRecords().openBy("T1", "U1", 10)).extracting(r -> r.key().thread())
          .containsExactly("2", "1");
      assertThat(store.triageRecords().openBy("T1", "U1", 1)).extracting(r -> r.key().thread())
          .containsExactly("2");
    }

    @Test
    @DisplayName("Purging deletes at most the limit of records started before the cutoff, oldest first")
    void purge() {
      for (int i = 0; i < 5; i++) {
        store.triageRecords().save(record("t" + i, "T1", "U1", T0.plusSeconds(i), 0, Optional.empty()));
      }
      assertThat(store.triageRecords().purgeStartedBefore(T0.plusSeconds(4), 3)).isEqualTo(3);
      assertThat(store.triageRecords().purgeStartedBefore(T0.plusSeconds(4), 0)).isZero();
      assertThat(store.triageRecords().startedBetween("T1", T0, T0.plusSeconds(10)))
          .extracting(r -> r.key().thread()).containsExactly("t3", "t4");
      assertThatThrownBy(() -> store.triageRecords().purgeStartedBefore(T0, -1))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("A save that cannot name the workspace keeps the one known, and lists it nowhere else")
    void unknownWorkspaceKeepsTheKnownOne() {
      String unknown = TriageRecord.WORKSPACE_UNKNOWN;
      store.triageRecords().save(record("1.1", "G1", "U1", T0, 0, Optional.empty()));
      store.triageRecords().save(record("1.1", unknown, "U1", T0, 1, Optional.of(TriageOutcome.ABANDONED)));

      assertThat(store.triageRecords().startedBetween("G1", T0, T0.plusSeconds(1)))
          .containsExactly(record("1.1", "G1", "U1", T0, 1, Optional.of(TriageOutcome.ABANDONED)));
      assertThat(store.triageRecords().startedBetween(unknown, T0, T0.plusSeconds(1))).isEmpty();
      assertThat(store.triageRecords().startedBetween("discord", T0, T0.plusSeconds(1))).isEmpty();
    }

    @Test
    @DisplayName("A record saved without its workspace is in no list until a save of the same triage names it")
    void unknownWorkspaceIsNamedLater() {
      String unknown = TriageRecord.WORKSPACE_UNKNOWN;
      store.triageRecords().save(record("1.1", unknown, "U1", T0, 2, Optional.empty()));
      assertThat(store.triageRecords().startedBetween(unknown, T0, T0.plusSeconds(1))).isEmpty();
      assertThat(store.triageRecords().openBy(unknown, "U1", 10)).isEmpty();

      store.triageRecords().save(record("1.1", "G1", "U1", T0, 1, Optional.empty()));
      assertThat(store.triageRecords().startedBetween("G1", T0, T0.plusSeconds(1)))
          .containsExactly(record("1.1", "G1", "U1", T0, 2, Optional.empty()));
      store.triageRecords().save(record("1.1", "G2", "U1", T0, 1, Optional.empty()));
      assertThat(store.triageRecords().startedBetween("G2", T0, T0.plusSeconds(1))).as("named once only").isEmpty();
    }

    @Test
    @DisplayName("A later triage on the thread replaces its record from version 0; a late save of the earlier one does not")
    void laterTriageOnTheThread() {
      store.triageRecords().save(record("1.1", "T1", "U1", T0, 7, Optional.of(TriageOutcome.RESOLVED)));
      TriageRecord again = record("1.1", TriageRecord.WORKSPACE_UNKNOWN, "U2", T0.plusSeconds(3600), 0,
          Optional.empty());
      store.triageRecords().save(again);
      store.triageRecords().save(record("1.1", "T1", "U1", T0, 8, Optional.of(TriageOutcome.RESOLVED)));

      assertThat(store.triageRecords().startedBetween("T1", T0, T0.plusSeconds(7200)))
          .containsExactly(record("1.1", "T1", "U2", T0.plusSeconds(3600), 0, Optional.empty()));
    }

    @Test
    @DisplayName("Of many replicas saving one thread's records at once, the latest version stays")
    void concurrentSaves() throws Exception {
      race(8, i -> () -> {
        store.triageRecords().save(record("r", "T1", "U1", T0, i, Optional.empty()));
        return null;
      });
      assertThat(store.triageRecords().startedBetween("T1", T0, T0.plusSeconds(1)))
          .extracting(TriageRecord::version).containsExactly(7L);
    }
  }
}
