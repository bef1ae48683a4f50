package dev.claude500.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.testing.JdbcStores;
import dev.claude500.chat.ChatDeliveryException;
import dev.claude500.chat.ConversationKey;
import dev.claude500.chat.Reply;
import dev.claude500.store.JdbcStore;
import dev.claude500.testing.ManualScheduler;
import dev.claude500.testing.MutableClock;
import dev.claude500.testing.RecordingChatPort;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Outbox over an H2 file: what is queued survives a restart and is sent once")
class OutboxRestartTest {
  private static final ConversationKey KEY = new ConversationKey("slack", "C0GENERAL", "100.1");

  @TempDir
  Path dir;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));

  private JdbcStore open() {
    return JdbcStores.open("jdbc:h2:file:" + dir.resolve("claude500"), null, null);
  }

  private static List<Reply> replies(String... texts) {
    return java.util.Arrays.stream(texts).<Reply>map(t -> Reply.Message.of(t)).toList();
  }

  private static List<String> texts(RecordingChatPort port) {
    return port.thread(KEY.channelRef(), KEY.thread()).stream().map(RecordingChatPort.Post::text).toList();
  }

  @Test
  @DisplayName("replies held back by a rate limit when the process stops are sent once, in order, by the next process")
  void queuedRepliesAreSentOnceAfterARestart() {
    RecordingChatPort before = new RecordingChatPort("slack")
        .failWhen(c -> Optional.of(ChatDeliveryException.retryable("429", Optional.of(Duration.ofMinutes(1)))));
    try (JdbcStore store = open(); Outbox outbox = new Outbox(store.outbox(), store.ledger(), clock,
        new ManualScheduler(clock))) {
      outbox.register(before);
      outbox.send(Outgoing.triageReplies(KEY, replies("first", "second")));
      assertThat(outbox.waiting()).isEqualTo(2);
    }

    clock.advance(Duration.ofMinutes(2));
    RecordingChatPort after = new RecordingChatPort("slack");
    ManualScheduler scheduler = new ManualScheduler(clock);
    try (JdbcStore store = open(); Outbox outbox = new Outbox(store.outbox(), store.ledger(), clock, scheduler)) {
      outbox.register(after);
      outbox.resume();
      outbox.send(Outgoing.triageReplies(KEY, replies("third")));
      scheduler.runDue();

      assertThat(texts(after)).as("a new reply goes after those the earlier run left").containsExactly("first", "second",
          "third");
      assertThat(store.outbox().pending()).isEmpty();
    }

    RecordingChatPort third = new RecordingChatPort("slack");
    try (JdbcStore store = open(); Outbox outbox = new Outbox(store.outbox(), store.ledger(), clock,
        new ManualScheduler(clock))) {
      outbox.register(third);
      outbox.resume();
      assertThat(outbox.waiting()).isZero();
    }
    assertThat(third.posts()).isEmpty();
  }

  @Test
  @DisplayName("a reply posted just before the process died, its confirmation lost, is found after the restart, not posted twice")
  void aPostMadeBeforeACrashIsFoundNotRepeated() {
    RecordingChatPort chat = new RecordingChatPort("slack").canFindPosts(true);
    AtomicBoolean lose = new AtomicBoolean(true);
    chat.loseAnswerWhen(c -> lose.getAndSet(false));
    try (JdbcStore store = open(); Outbox outbox = new Outbox(store.outbox(), store.ledger(), clock,
        new ManualScheduler(clock))) {
      outbox.register(chat);
      outbox.send(Outgoing.triageReplies(KEY, replies("maybe posted", "next")));
    }

    ManualScheduler scheduler = new ManualScheduler(clock);
    try (JdbcStore store = open(); Outbox outbox = new Outbox(store.outbox(), store.ledger(), clock, scheduler)) {
      outbox.register(chat);
      outbox.resume();
      scheduler.runDue();
      assertThat(store.ledger().unconfirmed()).isEmpty();
    }

    assertThat(texts(chat)).containsExactly("maybe posted", "next");
  }
}
