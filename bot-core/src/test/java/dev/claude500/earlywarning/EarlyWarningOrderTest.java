package dev.claude500.earlywarning;

import static dev.claude500.earlywarning.WarningRig.A_OPS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ConversationKey;
import dev.claude500.chat.MessageRef;
import dev.claude500.metrics.BotMetrics;
import dev.claude500.outbox.Outbox;
import dev.claude500.status.PageRead;
import dev.claude500.status.PollRound;
import dev.claude500.store.InMemoryEarlyWarnings;
import dev.claude500.store.InMemoryStore;
import dev.claude500.testing.InMemoryOutboxStore;
import dev.claude500.testing.ManualScheduler;
import dev.claude500.testing.MutableClock;
import dev.claude500.testing.PortSets;
import dev.claude500.testing.RecordingChatPort;
import dev.claude500.triage.GreenFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Early warning: a failing triage and a status round, one at a time in a process")
class EarlyWarningOrderTest {
  private static final long WAIT_SECONDS = 30;

  private final MutableClock clock = new MutableClock(WarningRig.START);
  private final RecordingChatPort slack = WarningRig.port();
  private final InMemoryStore shared = new InMemoryStore();
  private final ExecutorService thread = Executors.newSingleThreadExecutor();
  /** Entered by the triage's claim of the edit to four triages; it waits for {@link #go} there. */
  private final CountDownLatch atEdit = new CountDownLatch(1);
  private final CountDownLatch go = new CountDownLatch(1);

  @AfterEach
  void stop() {
    go.countDown();
    thread.shutdownNow();
  }

  @Test
  @DisplayName("a round that closes the warning while a triage is editing it comes after that edit: the post ends closed")
  void roundWaitsForTheTriage() throws Exception {
    shared.subscriptions().save(WarningRig.subscription(A_OPS));
    Outbox outbox = new Outbox(new InMemoryOutboxStore(), shared.ledger(), clock, new ManualScheduler(clock));
    outbox.register(slack);
    EarlyWarnings warnings = new EarlyWarnings(EarlyWarningSetting.DEFAULT, pausingAtFourthEdit(),
        shared.subscriptions(), shared.ledger(), outbox, PortSets.of(slack), clock, thread, BotMetrics.none());
    for (int i = 1; i <= 3; i++) {
      warnings.failing(failing(i));
    }
    drained();
    MessageRef post = new MessageRef(A_OPS, slack.topLevel(A_OPS).get(0).messageId());

    warnings.failing(failing(4));
    assertThat(atEdit.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("the fourth triage is editing").isTrue();
    clock.advance(Duration.ofMinutes(1));
    PageRead red = WarningRig.newIncidentPage(clock.instant());
    warnings.polled(new PollRound(red.readAt(), Optional.of(red), true));
    go.countDown();
    drained();

    List<RecordingChatPort.Edit> edits = slack.edits(post);
    assertThat(edits).hasSize(2);
    assertThat(edits.get(0).text()).contains("4 triages").doesNotContain("closed");
    assertThat(edits.get(1).text()).as("the last edit").contains("closed");
  }

  private GreenFailure failing(int n) {
    return new GreenFailure(new ConversationKey("slack", A_OPS.channelId(), n + ".0"), Optional.empty(),
        Optional.of("API key / proxy / provider route"), true, clock.instant());
  }

  /** Waits until the executor ran everything handed to it so far. */
  private void drained() throws Exception {
    thread.submit(() -> { }).get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  /** Returns a store in memory whose claim of the edit to four triages waits for {@link #go}. */
  private EarlyWarningStore pausingAtFourthEdit() {
    InMemoryEarlyWarnings store = new InMemoryEarlyWarnings();
    return new EarlyWarningStore() {
      @Override
      public void record(Signal signal) {
        store.record(signal);
      }

      @Override
      public List<Signal> signals(String workspace, Instant since) {
        return store.signals(workspace, since);
      }

      @Override
      public boolean open(Warning warning) {
        return store.open(warning);
      }

      @Override
      public Optional<Warning> openIn(String workspace) {
        return store.openIn(workspace);
      }

      @Override
      public List<Warning> active(Instant closedSince) {
        return store.active(closedSince);
      }

      @Override
      public boolean close(String id, Warning.Closing closing) {
        return store.close(id, closing);
      }

      @Override
      public boolean claimItem(String warningId, ChannelRef channel, String itemKey, Instant now) {
        if (itemKey.endsWith("/n4")) {
          atEdit.countDown();
          try {
            go.await(WAIT_SECONDS, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        return store.claimItem(warningId, channel, itemKey, now);
      }

      @Override
      public int purgeBefore(Instant cutoff, int limit) {
        return store.purgeBefore(cutoff, limit);
      }
    };
  }
}
