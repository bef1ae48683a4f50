package dev.claude500.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ChatDeliveryException;
import dev.claude500.chat.Reply;
import dev.claude500.incidents.PostLedger;
import dev.claude500.store.InMemoryStore;
import dev.claude500.testing.InMemoryOutboxStore;
import dev.claude500.testing.ManualScheduler;
import dev.claude500.testing.MutableClock;
import dev.claude500.testing.RecordingChatPort;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Outbox rate limits: a Retry-After parks its channel, or its workspace when it says so; the rest go on")
class OutboxRateLimitsTest {
  private static final ChannelRef A1 = new ChannelRef("slack", "C-A1");
  private static final ChannelRef A2 = new ChannelRef("slack", "C-A2");
  private static final ChannelRef B1 = new ChannelRef("slack", "C-B1");
  private static final Map<ChannelRef, String> TEAMS = Map.of(A1, "T-A", A2, "T-A", B1, "T-B");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final PostLedger ledger = new InMemoryStore().ledger();
  private final RecordingChatPort slack = new RecordingChatPort("slack").inWorkspaces(TEAMS::get);
  private final Outbox outbox = new Outbox(new InMemoryOutboxStore(), ledger, clock, scheduler);

  OutboxRateLimitsTest() {
    outbox.register(slack);
  }

  private static Outgoing post(ChannelRef channel, String key) {
    return new Outgoing.Top(key, channel, Reply.Message.of("news " + key), "incident-1", List.of());
  }

  /** Refuses the first call in {@code channel} with a 429 of {@code scope}, asking to wait 10 s. */
  private void limitFirstCallIn(ChannelRef channel, ChatDeliveryException.Scope scope) {
    AtomicInteger calls = new AtomicInteger();
    slack.failWhen(c -> c.channel().equals(channel) && calls.getAndIncrement() == 0
        ? Optional.of(ChatDeliveryException.rateLimited("429", Optional.of(Duration.ofSeconds(10)), scope, null))
        : Optional.empty());
  }

  private List<String> texts(ChannelRef channel) {
    return slack.posts(channel).stream().map(RecordingChatPort.Post::text).toList();
  }

  @Test
  @DisplayName("A 429 on one channel does not delay the others, not even in its workspace; it is sent after its wait, in order")
  void oneChannelWaitsAlone() {
    limitFirstCallIn(A1, ChatDeliveryException.Scope.CHANNEL);
    outbox.queue(List.of(post(A1, "incident/1"), post(A2, "incident/1"), post(B1, "incident/1")));
    outbox.queue(List.of(post(A1, "incident/2")));
    scheduler.runDue();

    assertThat(texts(A2)).containsExactly("news incident/1");
    assertThat(texts(B1)).containsExactly("news incident/1");
    assertThat(texts(A1)).as("parked").isEmpty();

    outbox.queue(List.of(post(A2, "incident/2")));
    scheduler.runDue();
    assertThat(texts(A2)).as("the channel beside it goes on at once").hasSize(2);

    clock.advance(Duration.ofSeconds(9));
    scheduler.runDue();
    assertThat(texts(A1)).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    scheduler.runDue();
    assertThat(texts(A1)).as("after its Retry-After, in order, once each").containsExactly("news incident/1",
        "news incident/2");
    assertThat(outbox.waiting()).isZero();
  }

  @Test
  @DisplayName("A workspace-wide limit parks every channel of that workspace and no other")
  void workspaceWaitsAlone() {
    outbox.queue(List.of(post(A2, "warm-up")));
    scheduler.runDue();
    limitFirstCallIn(A1, ChatDeliveryException.Scope.WORKSPACE);
    outbox.queue(List.of(post(A1, "incident/1")));
    scheduler.runDue();
    outbox.queue(List.of(post(A2, "incident/1"), post(B1, "incident/1")));
    scheduler.runDue();

    assertThat(texts(B1)).as("another workspace goes on").containsExactly("news incident/1");
    assertThat(texts(A1)).isEmpty();
    assertThat(texts(A2)).as("the same workspace waits").containsExactly("news warm-up");

    clock.advance(Duration.ofSeconds(10));
    scheduler.runDue();
    assertThat(texts(A1)).containsExactly("news incident/1");
    assertThat(texts(A2)).containsExactly("news warm-up", "news incident/1");
  }

  @Test
  @DisplayName("A message filed under a subject settles what it shows, under its message id, with its own entry")
  void settlesWhatItShows() {
    outbox.queue(List.of(new Outgoing.Top("incident/9", B1, Reply.Message.of("top"), "9", List.of("update/u1")),
        new Outgoing.UnderRoot("update/u2", B1, "incident/9", Reply.Message.of("later"), false, "9", List.of())));
    scheduler.runDue();

    String root = slack.topLevel(B1).get(0).messageId();
    assertThat(ledger.find(B1, "update/u1")).get().satisfies(e -> {
      assertThat(e.messageId()).contains(root);
      assertThat(e.incidentId()).isEqualTo("9");
    });
    assertThat(slack.thread(B1, root)).singleElement().extracting(RecordingChatPort.Post::text).isEqualTo("later");
    assertThat(ledger.forIncident("9")).hasSize(3);
  }
}
