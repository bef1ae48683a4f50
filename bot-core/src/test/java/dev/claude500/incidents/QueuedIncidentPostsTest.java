package dev.claude500.incidents;

import static dev.claude500.incidents.Harness.ALL;
import static dev.claude500.incidents.Harness.CODE_ONLY;
import static dev.claude500.incidents.Harness.POLL;
import static dev.claude500.incidents.IncidentWatcherTest.B1;
import static dev.claude500.incidents.IncidentWatcherTest.B2;
import static dev.claude500.incidents.IncidentWatcherTest.B3;
import static dev.claude500.incidents.IncidentWatcherTest.b;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ChatDeliveryException;
import dev.claude500.outbox.Queued;
import dev.claude500.store.JdbcStore;
import dev.claude500.testing.InlineScheduler;
import dev.claude500.testing.JdbcStores;
import dev.claude500.testing.RecordingChatPort.Post;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Incident posts queued in the outbox: threaded under a post still queued, and each once, in order, across a restart")
class QueuedIncidentPostsTest {
  private static final Optional<ChatDeliveryException> LIMITED =
      Optional.of(ChatDeliveryException.retryable("429", Optional.of(Duration.ofMinutes(4))));

  private static List<String> queuedKeys(JdbcStore store, ChannelRef channel) {
    return store.outbox().pending().stream().map(Queued::message).filter(m -> m.channel().equals(channel))
        .map(m -> m.itemKey()).toList();
  }

  @Test
  @DisplayName("Posts held back by a rate limit survive a SIGKILL; after the restart each goes out once, in order, updates under their post")
  void queuedPostsSurviveARestart() {
    try (JdbcStore store = JdbcStores.open("jdbc:h2:mem:queued-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null,
        null)) {
      Harness h = new Harness(store, Pages.T0).subscribe(ALL).subscribe(CODE_ONLY, Pages.CODE);
      h.tick();
      h.slack.failWhen(c -> LIMITED);
      h.page.show(b(B1));
      h.tickAfter(POLL);
      h.page.show(b(B1, B2));
      h.tickAfter(POLL);

      assertThat(h.slack.posts()).isEmpty();
      assertThat(h.discord.posts()).as("the other platform's channel went on").hasSize(2);
      assertThat(queuedKeys(store, ALL)).as("the update waits behind its post, the edit behind it")
          .containsExactly("incident/B", "update/b2", "edit/B/b2");

      // SIGKILL: the process and its outbox are gone, the store keeps what was queued
      h.slack.failWhen(c -> Optional.empty());
      h.restart();
      h.page.show(b(B1, B2, B3));
      h.runFor(Duration.ofMinutes(3));

      List<Post> top = h.slack.topLevel(ALL);
      assertThat(top).hasSize(1);
      assertThat(top.get(0).text()).as("the post as it was queued").contains("investigating");
      assertThat(h.slack.thread(ALL, top.get(0).messageId())).extracting(Post::text)
          .as("each later update once, in order, in its thread").hasSize(2)
          .satisfies(t -> assertThat(t.get(0)).containsIgnoringCase("identified"))
          .satisfies(t -> assertThat(t.get(1)).containsIgnoringCase("monitoring"));
      assertThat(h.slack.posts()).hasSize(3);
      assertThat(queuedKeys(store, ALL)).isEmpty();
      assertThat(store.ledger().unconfirmed()).isEmpty();
    }
  }

  @Test
  @DisplayName("What a replica queued before it lost the lease is not sent by it any more: the new holder sends it, once")
  void lostLeaseSendsNothing() {
    try (JdbcStore store = JdbcStores.open("jdbc:h2:mem:lost-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null,
        null)) {
      Harness h = new Harness(store, Pages.T0).subscribe(ALL);
      InlineScheduler aTime = h.outboxTime;
      h.tick();
      AtomicInteger calls = new AtomicInteger();
      h.slack.failWhen(c -> calls.getAndIncrement() < 2 ? LIMITED : Optional.empty());
      h.page.show(b(B1));
      h.tickAfter(POLL);
      assertThat(queuedKeys(store, ALL)).containsExactly("incident/B");

      // replica a stalls past its lease; b takes over, finds the post queued, and is rate-limited too
      IncidentWatcher b = h.newWatcher("replica-b");
      InlineScheduler bTime = h.outboxTime;
      h.clock.advance(POLL.multipliedBy(2));
      b.tick();
      assertThat(b.holdsLease()).isTrue();
      assertThat(calls.get()).isEqualTo(2);

      h.clock.advance(Duration.ofMinutes(5));
      aTime.runDue();
      assertThat(h.slack.posts()).as("a's wake-up after the Retry-After sends nothing").isEmpty();
      b.tick();
      bTime.runDue();

      assertThat(h.slack.topLevel(ALL)).as("sent by the holder only").hasSize(1);
      assertThat(calls.get()).isEqualTo(3);
      assertThat(queuedKeys(store, ALL)).isEmpty();
    }
  }
}
