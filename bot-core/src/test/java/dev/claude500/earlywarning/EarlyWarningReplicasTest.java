package dev.claude500.earlywarning;

import static dev.claude500.earlywarning.WarningRig.A_DEV;
import static dev.claude500.earlywarning.WarningRig.A_OPS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.MessageRef;
import dev.claude500.metrics.BotMetrics;
import dev.claude500.store.JdbcStore;
import dev.claude500.testing.JdbcStores;
import dev.claude500.testing.MutableClock;
import dev.claude500.testing.Postgres;
import dev.claude500.testing.RecordingChatPort;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Early warning on two replicas sharing PostgreSQL")
class EarlyWarningReplicasTest {
  private final MutableClock clock = new MutableClock(WarningRig.START);
  private final RecordingChatPort slack = WarningRig.port();

  private WarningRig replica(JdbcStore store) {
    return new WarningRig(EarlyWarningSetting.DEFAULT, clock, slack, store.earlyWarnings(), store.conversations(),
        store.subscriptions(), store.ledger(), store.outbox(), BotMetrics.none());
  }

  @Test
  @DisplayName("two replicas hearing the third and fourth failing triage at once give one warning, closed once")
  void oneWarningNotTwo() throws Exception {
    try (Postgres postgres = Postgres.requireOrSkip();
        JdbcStore one = JdbcStores.open(postgres.url(), postgres.user(), postgres.password());
        JdbcStore two = JdbcStores.open(postgres.url(), postgres.user(), postgres.password())) {
      one.subscriptions().save(WarningRig.subscription(A_OPS));
      one.subscriptions().save(WarningRig.subscription(A_DEV));
      WarningRig a = replica(one);
      WarningRig b = replica(two);
      a.failOnGreen(A_OPS, "1.1");
      b.failOnGreen(A_DEV, "2.2");

      together(() -> a.failOnGreen(A_OPS, "3.3"), () -> b.failOnGreen(A_DEV, "4.4"));
      together(a::pollGreen, b::pollGreen);

      for (ChannelRef channel : List.of(A_OPS, A_DEV)) {
        assertThat(slack.topLevel(channel)).as("one warning in " + channel).hasSize(1);
      }
      MessageRef ops = new MessageRef(A_OPS, slack.topLevel(A_OPS).get(0).messageId());
      assertThat(slack.topLevel(A_OPS).get(0).text() + lastEdit(ops)).contains("4 triages");

      clock.advance(Duration.ofMinutes(2));
      together(a::pollWithNewIncident, b::pollWithNewIncident);

      for (ChannelRef channel : List.of(A_OPS, A_DEV)) {
        MessageRef warning = new MessageRef(channel, slack.topLevel(channel).get(0).messageId());
        assertThat(slack.edits(warning).stream().filter(e -> e.text().contains("closed"))).as("closed once")
            .hasSize(1);
        assertThat(slack.thread(channel, warning.messageId())).as("one note").hasSize(1);
      }
      assertThat(one.earlyWarnings().openIn(WarningRig.A)).isEmpty();
    }
  }

  private String lastEdit(MessageRef message) {
    List<RecordingChatPort.Edit> edits = slack.edits(message);
    return edits.isEmpty() ? "" : edits.get(edits.size() - 1).text();
  }

  /** Runs both at the same instant on two threads and waits for both. */
  private static void together(Runnable first, Runnable second) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> done = List.of(pool.submit(() -> awaitThen(go, first)), pool.submit(() -> awaitThen(go, second)));
      go.countDown();
      for (Future<?> f : done) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void awaitThen(CountDownLatch go, Runnable work) {
    try {
      go.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    work.run();
  }
}
