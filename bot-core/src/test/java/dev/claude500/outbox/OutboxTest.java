package dev.claude500.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ChatDeliveryException;
import dev.claude500.chat.ConversationKey;
import dev.claude500.chat.MessageRef;
import dev.claude500.chat.Reply;
import dev.claude500.store.InMemoryStore;
import dev.claude500.incidents.PostLedger;
import dev.claude500.testing.InMemoryOutboxStore;
import dev.claude500.testing.ManualScheduler;
import dev.claude500.testing.MutableClock;
import dev.claude500.testing.RecordingChatPort;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Outbox: order per thread, Retry-After per channel, backoff, refusals, exactly once")
class OutboxTest {
  private static final ChannelRef GENERAL = new ChannelRef("slack", "C0GENERAL");
  private static final ChannelRef OPS = new ChannelRef("slack", "C0OPS");
  private static final ConversationKey ONE = new ConversationKey("slack", GENERAL.channelId(), "100.1");
  private static final ConversationKey TWO = new ConversationKey("slack", GENERAL.channelId(), "200.2");
  private static final ConversationKey ELSEWHERE = new ConversationKey("slack", OPS.channelId(), "300.3");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final InMemoryOutboxStore store = new InMemoryOutboxStore();
  private final PostLedger ledger = new InMemoryStore().ledger();
  private final RecordingChatPort slack = new RecordingChatPort("slack");

  private Outbox outbox() {
    Outbox outbox = new Outbox(store, ledger, clock, scheduler);
    outbox.register(slack);
    return outbox;
  }

  private static List<Reply> replies(String... texts) {
    return java.util.Arrays.stream(texts).<Reply>map(t -> Reply.Message.of(t)).toList();
  }

  private List<String> thread(ConversationKey key) {
    return slack.thread(key.channelRef(), key.thread()).stream().map(RecordingChatPort.Post::text).toList();
  }

  private static Optional<ChatDeliveryException> unavailable() {
    return Optional.of(ChatDeliveryException.retryable("503 service unavailable", Optional.empty()));
  }

  @Test
  void sendsInOrderOnTheCallingThreadAndForgetsWhatWasSent() {
    Outbox outbox = outbox();

    outbox.send(Outgoing.triageReplies(ONE, replies("first", "second", "third")));

    assertThat(thread(ONE)).containsExactly("first", "second", "third");
    assertThat(slack.posts()).allSatisfy(p -> assertThat(p.itemKey()).get().asString().startsWith("triage/" + ONE + "/"));
    assertThat(store.pending()).isEmpty();
    assertThat(outbox.waiting()).isZero();
  }

  @Test
  @DisplayName("a failing reply holds back the rest of its thread, and later replies queue behind it: order is kept")
  void orderPerThreadUnderFailures() {
    Outbox outbox = outbox();
    AtomicInteger failures = new AtomicInteger(2);
    slack.failWhen(c -> c.itemKey().filter(k -> k.endsWith("/1")).isPresent() && failures.getAndDecrement() > 0
        ? unavailable() : Optional.empty());

    outbox.send(Outgoing.triageReplies(ONE, replies("a", "b", "c")));
    outbox.send(Outgoing.triageReplies(ONE, replies("d")));
    assertThat(thread(ONE)).containsExactly("a");
    assertThat(store.pending()).hasSize(3);

    clock.advance(Outbox.FIRST_BACKOFF);
    scheduler.runDue();
    assertThat(thread(ONE)).as("second failure: backoff doubled").containsExactly("a");
    clock.advance(Outbox.FIRST_BACKOFF);
    scheduler.runDue();
    assertThat(thread(ONE)).as("not yet: 2 s since the second failure").containsExactly("a");
    clock.advance(Outbox.FIRST_BACKOFF);
    scheduler.runDue();

    assertThat(thread(ONE)).containsExactly("a", "b", "c", "d");
    assertThat(store.pending()).isEmpty();
  }

  @Test
  @DisplayName("a Retry-After parks only its channel until the clock passes it; another channel goes on")
  void retryAfterParksOnlyItsChannel() {
    Outbox outbox = outbox();
    AtomicBoolean limited = new AtomicBoolean(true);
    slack.failWhen(c -> c.channel().equals(GENERAL) && limited.getAndSet(false)
        ? Optional.of(ChatDeliveryException.retryable("429 ratelimited", Optional.of(Duration.ofSeconds(30))))
        : Optional.empty());

    outbox.send(Outgoing.triageReplies(ONE, replies("one-a", "one-b")));
    outbox.send(Outgoing.triageReplies(TWO, replies("two-a")));
    outbox.send(Outgoing.triageReplies(ELSEWHERE, replies("ops-a")));

    assertThat(thread(ONE)).isEmpty();
    assertThat(thread(TWO)).as("the other thread of the parked channel waits too").isEmpty();
    assertThat(thread(ELSEWHERE)).containsExactly("ops-a");

    clock.advance(Duration.ofSeconds(29));
    scheduler.runDue();
    assertThat(thread(ONE)).isEmpty();

    clock.advance(Duration.ofSeconds(1));
    scheduler.runDue();
    assertThat(thread(ONE)).containsExactly("one-a", "one-b");
    assertThat(thread(TWO)).containsExactly("two-a");
  }

  @Test
  @DisplayName("the backoff doubles up to its cap, and a reply still failing an hour after it was queued is given up")
  void backoffIsCappedAndAStuckLaneIsGivenUp() {
    Outbox outbox = outbox();
    slack.failWhen(c -> c.channel().equals(GENERAL) ? unavailable() : Optional.empty());
    outbox.send(Outgoing.triageReplies(ONE, replies("never", "nor this")));

    Instant start = clock.instant();
    Duration previous = Duration.ZERO;
    while (scheduler.waiting() > 0) {
      Instant due = scheduler.nextDueAt().orElseThrow();
      Duration wait = Duration.between(clock.instant(), due);
      assertThat(wait).isLessThanOrEqualTo(Outbox.LONGEST_BACKOFF);
      assertThat(wait).isGreaterThanOrEqualTo(previous.compareTo(Outbox.LONGEST_BACKOFF) >= 0 ? Outbox.LONGEST_BACKOFF
          : previous);
      previous = wait;
      clock.set(due);
      scheduler.runDue();
    }

    assertThat(previous).isEqualTo(Outbox.LONGEST_BACKOFF);
    assertThat(Duration.between(start, clock.instant())).isGreaterThanOrEqualTo(Outbox.GIVE_UP_AFTER)
        .isLessThan(Outbox.GIVE_UP_AFTER.plus(Outbox.LONGEST_BACKOFF).plusSeconds(1));
    assertThat(slack.posts()).isEmpty();
    assertThat(store.pending()).isEmpty();
    assertThat(outbox.waiting()).isZero();
  }

  @Test
  @DisplayName("a refusal for good drops that channel's queued replies, not another channel's")
  void refusalForGoodDropsTheChannel() {
    Outbox outbox = outbox();
    AtomicBoolean limited = new AtomicBoolean(true);
    slack.failWhen(c -> c.channel().equals(GENERAL) ? Optional.of(ChatDeliveryException.permanent("not_in_channel"))
        : limited.getAndSet(false) ? Optional.of(ChatDeliveryException.retryable("429", Optional.of(Duration.ofSeconds(5))))
        : Optional.empty());
    List<Outgoing> refused = Outgoing.triageReplies(ONE, replies("a", "b"));

    outbox.send(Outgoing.triageReplies(ELSEWHERE, replies("ops-a")));
    outbox.send(refused);

    assertThat(slack.posts()).isEmpty();
    assertThat(store.pending()).extracting(q -> q.message().channel()).containsOnly(OPS);
    assertThat(ledger.find(GENERAL, refused.get(0).itemKey()).orElseThrow().isFailed()).isTrue();
    assertThat(ledger.find(GENERAL, refused.get(1).itemKey())).as("dropped without a try").isEmpty();
    clock.advance(Duration.ofSeconds(5));
    scheduler.runDue();
    assertThat(thread(ELSEWHERE)).containsExactly("ops-a");
    assertThat(outbox.waiting()).isZero();
  }

  @Test
  @DisplayName("a post whose answer was lost is looked for before it is sent again, and is not posted twice")
  void unknownOutcomeIsLookedForBeforePostingAgain() {
    Outbox outbox = outbox();
    AtomicBoolean lose = new AtomicBoolean(true);
    slack.canFindPosts(true).loseAnswerWhen(c -> lose.getAndSet(false));

    outbox.send(Outgoing.triageReplies(ONE, replies("lost answer", "after it")));
    assertThat(thread(ONE)).containsExactly("lost answer");

    clock.advance(Outbox.FIRST_BACKOFF);
    scheduler.runDue();

    assertThat(thread(ONE)).containsExactly("lost answer", "after it");
    assertThat(slack.posts()).extracting(RecordingChatPort.Post::itemKey).doesNotHaveDuplicates();
    assertThat(ledger.unconfirmed()).isEmpty();
  }

  @Test
  @DisplayName("a post that certainly failed is sent again without a lookup; an item already delivered is not sent again")
  void exactlyOncePerItemKey() {
    Outbox outbox = outbox();
    AtomicBoolean fail = new AtomicBoolean(true);
    slack.failWhen(c -> fail.getAndSet(false) ? unavailable() : Optional.empty());
    Outgoing.Post post = new Outgoing.Post("summary/1", GENERAL, Reply.Message.of("hello"));

    outbox.send(List.of(post));
    clock.advance(Outbox.FIRST_BACKOFF);
    scheduler.runDue();
    outbox.send(List.of(post));

    assertThat(slack.topLevel(GENERAL)).extracting(RecordingChatPort.Post::text).containsExactly("hello");
    assertThat(ledger.find(GENERAL, "summary/1").orElseThrow().isPosted()).isTrue();
  }

  @Test
  @DisplayName("an edit goes to the message it changes, in its thread's order")
  void editsKeepTheirThreadsOrder() {
    Outbox outbox = outbox();
    outbox.send(Outgoing.triageReplies(ONE, replies("question")));
    MessageRef asked = new MessageRef(GENERAL, slack.posts().get(0).messageId());

    outbox.send(List.of(new Outgoing.Edit("edit/1", asked, Optional.of(ONE.thread()), Reply.Message.of("answered"))));

    assertThat(slack.edits(asked)).extracting(RecordingChatPort.Edit::text).containsExactly("answered");
  }

  @Test
  @DisplayName("messages for a platform with no connection wait for one")
  void waitsForItsPlatform() {
    Outbox outbox = new Outbox(store, ledger, clock, scheduler);
    outbox.send(Outgoing.triageReplies(ONE, replies("early")));
    assertThat(store.pending()).hasSize(1);

    outbox.register(slack);
    clock.advance(Outbox.FIRST_BACKOFF);
    scheduler.runDue();

    assertThat(thread(ONE)).containsExactly("early");
  }

  @Test
  @DisplayName("a wake-up that comes before its time (another clock than the scheduler's) is scheduled again")
  void anEarlyWakeUpIsScheduledAgain() {
    List<Runnable> wakeUps = new java.util.ArrayList<>();
    Outbox outbox = new Outbox(store, ledger, clock, (delay, task) -> wakeUps.add(task));
    outbox.register(slack);
    AtomicBoolean fail = new AtomicBoolean(true);
    slack.failWhen(c -> fail.getAndSet(false) ? unavailable() : Optional.empty());
    outbox.send(Outgoing.triageReplies(ONE, replies("late")));
    assertThat(wakeUps).hasSize(1);

    wakeUps.remove(0).run();
    assertThat(thread(ONE)).isEmpty();
    assertThat(wakeUps).as("scheduled again").hasSize(1);

    clock.advance(Outbox.FIRST_BACKOFF);
    wakeUps.remove(0).run();
    assertThat(thread(ONE)).containsExactly("late");
  }
}
