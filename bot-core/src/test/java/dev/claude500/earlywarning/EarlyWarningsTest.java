package dev.claude500.earlywarning;

import static dev.claude500.earlywarning.WarningRig.A;
import static dev.claude500.earlywarning.WarningRig.A_DEV;
import static dev.claude500.earlywarning.WarningRig.A_OPS;
import static dev.claude500.earlywarning.WarningRig.B_OPS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.chat.Actor;
import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ChatDeliveryException;
import dev.claude500.chat.ConversationKey;
import dev.claude500.chat.MessageRef;
import dev.claude500.metrics.BotMetrics;
import dev.claude500.metrics.MeterNames;
import dev.claude500.outbox.OutboxStore;
import dev.claude500.outbox.Queued;
import dev.claude500.status.Incident;
import dev.claude500.status.StatusLinks;
import dev.claude500.store.InMemoryEarlyWarnings;
import dev.claude500.store.InMemoryStore;
import dev.claude500.testing.InMemoryOutboxStore;
import dev.claude500.testing.MutableClock;
import dev.claude500.testing.RecordingChatPort;
import dev.claude500.testing.StatusFixtures;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Early warning: triages failing on a green page, on the loopback fakes with an injected clock")
class EarlyWarningsTest {
  private final MutableClock clock = new MutableClock(WarningRig.START);
  private final RecordingChatPort slack = WarningRig.port();
  private final InMemoryStore shared = new InMemoryStore();
  private final InMemoryEarlyWarnings store = new InMemoryEarlyWarnings();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  private WarningRig rig(EarlyWarningSetting setting) {
    return rig(setting, slack);
  }

  private WarningRig rig(EarlyWarningSetting setting, RecordingChatPort port) {
    return rig(setting, port, new InMemoryOutboxStore());
  }

  private WarningRig rig(EarlyWarningSetting setting, RecordingChatPort port, OutboxStore outboxStore) {
    shared.subscriptions().save(WarningRig.subscription(A_OPS));
    shared.subscriptions().save(WarningRig.subscription(A_DEV));
    shared.subscriptions().save(WarningRig.subscription(B_OPS));
    return new WarningRig(setting, clock, port, store, shared.conversations(), shared.subscriptions(),
        shared.ledger(), outboxStore, new BotMetrics(registry));
  }

  private double openGauge() {
    return registry.get(MeterNames.EARLY_WARNINGS_OPEN).gauge().value();
  }

  private MessageRef warningIn(RecordingChatPort.Post post) {
    return new MessageRef(post.channel(), post.messageId());
  }

  @Test
  @DisplayName("three triages failing on a green page give one warning per subscribed channel; a fourth edits it;"
      + " an incident opening closes it with a link")
  void threeWarnFourthEditsIncidentCloses() {
    WarningRig rig = rig(EarlyWarningSetting.DEFAULT);
    rig.failOnGreen(A_OPS, "1.1");
    clock.advance(Duration.ofMinutes(2));
    rig.failOnGreen(A_DEV, "2.2");
    clock.advance(Duration.ofMinutes(2));
    assertThat(slack.posts().stream().filter(RecordingChatPort.Post::isTopLevel)).as("two are not a cluster").isEmpty();

    ConversationKey third = rig.failOnGreen(A_OPS, "3.3");

    assertThat(slack.topLevel(A_OPS)).hasSize(1);
    assertThat(slack.topLevel(A_DEV)).hasSize(1);
    assertThat(slack.topLevel(B_OPS)).as("another workspace").isEmpty();
    String text = slack.topLevel(A_OPS).get(0).text();
    assertThat(text).contains("Early warning", "3 triages", "3 still failing on the same path",
        "Branches: API key / proxy / provider route × 3", "does not show this yet", "2026-04-16 12:00 UTC", "2026-04-16 12:04 UTC",
        "https://chat.test/A0OPS/1.1", "https://chat.test/A0DEV/2.2",
        "https://chat.test/" + third.channel() + "/" + third.thread());
    assertThat(openGauge()).isEqualTo(1.0);

    clock.advance(Duration.ofMinutes(3));
    rig.failOnGreen(A_DEV, "4.4");
    rig.pollGreen(); // a status round changes nothing more

    MessageRef ops = warningIn(slack.topLevel(A_OPS).get(0));
    assertThat(slack.topLevel(A_OPS)).as("edited, not posted again").hasSize(1);
    assertThat(slack.edits(ops)).hasSize(1);
    assertThat(slack.edits(ops).get(0).text()).contains("4 triages", "https://chat.test/A0DEV/4.4");
    assertThat(slack.edits(warningIn(slack.topLevel(A_DEV).get(0)))).hasSize(1);

    clock.advance(Duration.ofMinutes(1));
    Incident incident = rig.pollWithNewIncident();
    rig.pollWithNewIncident(); // a second round closes nothing twice

    String link = incident.link(StatusLinks.PUBLIC_PAGE);
    assertThat(slack.edits(ops)).hasSize(2);
    assertThat(slack.edits(ops).get(1).text()).contains("closed", incident.name(), link, "4 triages");
    assertThat(slack.thread(A_OPS, ops.messageId())).singleElement()
        .satisfies(note -> assertThat(note.text()).contains("Closed", link));
    assertThat(slack.thread(A_DEV, slack.topLevel(A_DEV).get(0).messageId())).hasSize(1);
    assertThat(openGauge()).isEqualTo(0.0);
    assertThat(slack.posts(B_OPS)).isEmpty();
  }

  @Test
  @DisplayName("the window passing with no new failing triage closes the warning with a note")
  void quietWindowCloses() {
    WarningRig rig = rig(EarlyWarningSetting.DEFAULT);
    rig.failOnGreen(A_OPS, "1.1");
    rig.failOnGreen(A_OPS, "2.2");
    rig.failOnGreen(A_OPS, "3.3");
    MessageRef ops = warningIn(slack.topLevel(A_OPS).get(0));

    clock.advance(Duration.ofMinutes(14));
    rig.pollGreen();
    assertThat(slack.edits(ops)).as("the window has not passed").isEmpty();

    clock.advance(Duration.ofMinutes(1));
    rig.pollGreen();
    rig.pollGreen();

    assertThat(slack.edits(ops)).singleElement()
        .satisfies(e -> assertThat(e.text()).contains("closed", "no new failing triage for 15 min"));
    assertThat(slack.thread(A_OPS, ops.messageId())).singleElement()
        .satisfies(n -> assertThat(n.text()).contains("15 min passed"));
    assertThat(store.openIn(A)).isEmpty();
    assertThat(rig.warnings.openWarnings()).isZero();

    clock.advance(Duration.ofDays(2));
    rig.pollGreen();
    assertThat(store.active(java.time.Instant.EPOCH)).as("kept two days").hasSize(1);
    clock.advance(Duration.ofHours(1));
    rig.pollGreen();
    assertThat(store.active(java.time.Instant.EPOCH)).as("purged after two days, at the next hourly purge").isEmpty();
    assertThat(store.signals(A, java.time.Instant.EPOCH)).isEmpty();
  }

  @Test
  @DisplayName("triages in another workspace do not count, nor do those older than the window")
  void otherWorkspacesAndOldTriagesDoNotCount() {
    WarningRig rig = rig(EarlyWarningSetting.DEFAULT);
    rig.failOnGreen(A_OPS, "1.1");
    clock.advance(Duration.ofMinutes(16));
    rig.failOnGreen(A_OPS, "2.2");
    rig.failOnGreen(B_OPS, "3.3");
    rig.failOnGreen(B_OPS, "4.4");

    assertThat(slack.posts().stream().filter(RecordingChatPort.Post::isTopLevel)).isEmpty();

    rig.failOnGreen(A_DEV, "5.5");
    assertThat(slack.topLevel(A_OPS)).as("two in the window in T1").isEmpty();

    rig.failOnGreen(A_DEV, "6.6");
    assertThat(slack.topLevel(A_OPS)).as("a third in T1").hasSize(1);
    assertThat(slack.topLevel(A_OPS).get(0).text()).contains("3 triages", "3 still failing")
        .doesNotContain("1.1");
  }

  @Test
  @DisplayName("three triages reporting the same error kind with no open incident give one warning")
  void sameErrorKind() {
    WarningRig rig = rig(EarlyWarningSetting.DEFAULT);
    rig.paste500(A_OPS, "1.1");
    rig.paste500(A_OPS, "2.2");
    assertThat(slack.topLevel(A_OPS)).isEmpty();

    rig.paste500(A_DEV, "3.3");

    assertThat(slack.topLevel(A_OPS)).singleElement().satisfies(p -> assertThat(p.text())
        .contains("3 triages", "500 api_error × 3", "0 still failing"));
  }

  @Test
  @DisplayName("off posts nothing and keeps nothing")
  void offPostsNothing() {
    WarningRig rig = rig(EarlyWarningSetting.parse("off"));
    for (int i = 1; i <= 5; i++) {
      rig.failOnGreen(A_OPS, i + ".0");
    }
    rig.pollGreen();

    assertThat(slack.posts()).allSatisfy(p -> assertThat(p.text()).doesNotContain("Early warning"));
    assertThat(slack.edits()).isEmpty();
    assertThat(store.signals(A, WarningRig.START.minusSeconds(1))).isEmpty();
    assertThat(openGauge()).isZero();
  }

  @Test
  @DisplayName("a triage counts once however far it goes, and one that found the page red does not count")
  void countsEachTriageOnce() {
    WarningRig rig = rig(EarlyWarningSetting.parse("2/15m"));
    ConversationKey one = rig.paste500(A_OPS, "1.1");
    assertThat(store.signals(A, WarningRig.START)).singleElement().satisfies(s -> assertThat(s.samePathFails()).isFalse());
    rig.answer(one, "every");
    rig.answer(one, "still-failing");
    assertThat(store.signals(A, WarningRig.START)).singleElement().satisfies(s -> {
      assertThat(s.samePathFails()).isTrue();
      assertThat(s.branch()).contains("API key / proxy / provider route");
    });

    rig.status.set(StatusFixtures.redSnapshot());
    clock.set(StatusFixtures.RED_AT.plusSeconds(1));
    rig.engine.start(new ConversationKey("slack", "A0OPS", "9.9"), new Actor("U2", "Bo"),
        "API Error: 500 {\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"x\"}}");

    assertThat(store.signals(A, java.time.Instant.EPOCH)).extracting(s -> s.key().thread()).containsExactly("1.1");
    assertThat(slack.posts().stream().filter(RecordingChatPort.Post::isTopLevel)).isEmpty();
  }

  @Test
  @DisplayName("triages a closed warning counted open no second one when they go further; new ones do")
  void closedWarningsTriagesDoNotCountAgain() {
    WarningRig rig = rig(EarlyWarningSetting.DEFAULT);
    List<ConversationKey> first = List.of(rig.paste500(A_OPS, "1.1"), rig.paste500(A_OPS, "2.2"),
        rig.paste500(A_DEV, "3.3"));
    clock.advance(Duration.ofMinutes(15));
    rig.pollGreen();
    assertThat(store.openIn(A)).as("closed quietly").isEmpty();

    clock.advance(Duration.ofMinutes(1));
    for (ConversationKey k : first) {
      rig.answer(k, "every");
      rig.answer(k, "still-failing");
    }
    assertThat(store.openIn(A)).isEmpty();
    assertThat(slack.topLevel(A_OPS)).hasSize(1);

    rig.failOnGreen(A_OPS, "4.4");
    rig.failOnGreen(A_OPS, "5.5");
    rig.failOnGreen(A_DEV, "6.6");
    assertThat(slack.topLevel(A_OPS)).hasSize(2);
    assertThat(slack.topLevel(A_OPS).get(1).text()).contains("3 triages").doesNotContain("1.1", "2.2", "3.3");
  }

  @Test
  @DisplayName("no warning opens while the page as last read shows an open incident; one does once it is gone")
  void noWarningWhileAnIncidentIsOpen() {
    WarningRig rig = rig(EarlyWarningSetting.DEFAULT);
    rig.pollWithNewIncident();
    rig.failOnGreen(A_OPS, "1.1");
    rig.failOnGreen(A_OPS, "2.2");
    rig.failOnGreen(A_DEV, "3.3");
    assertThat(store.openIn(A)).isEmpty();
    assertThat(slack.topLevel(A_OPS)).isEmpty();

    rig.pollGreen();
    rig.failOnGreen(A_DEV, "4.4");
    assertThat(slack.topLevel(A_OPS)).singleElement().satisfies(p -> assertThat(p.text()).contains("4 triages"));
  }

  @Test
  @DisplayName("a subscribed channel whose workspace cannot be told (deleted) is left out; the others get the warning")
  void channelOfNoKnownWorkspaceIsLeftOut() {
    ChannelRef gone = new ChannelRef("slack", "A0GONE");
    RecordingChatPort port = new RecordingChatPort("slack").inWorkspaces(c -> {
      if (c.equals(gone)) {
        throw ChatDeliveryException.retryable("channel_not_found", Optional.empty());
      }
      return c.channelId().startsWith("A") ? "T1" : "T2";
    });
    WarningRig rig = rig(EarlyWarningSetting.DEFAULT, port);
    shared.subscriptions().save(WarningRig.subscription(gone));
    rig.failOnGreen(A_OPS, "1.1");
    rig.failOnGreen(A_OPS, "2.2");
    rig.failOnGreen(A_DEV, "3.3");
    rig.pollGreen();

    assertThat(store.openIn(A)).isPresent();
    assertThat(port.topLevel(A_OPS)).hasSize(1);
    assertThat(port.topLevel(A_DEV)).hasSize(1);
    assertThat(port.posts(gone)).isEmpty();
  }

  @Test
  @DisplayName("a warning post claimed but not queued (the outbox's store failed) is queued at the next round")
  void postNotQueuedIsQueuedLater() {
    InMemoryOutboxStore kept = new InMemoryOutboxStore();
    AtomicBoolean failNext = new AtomicBoolean(true);
    OutboxStore failingOnce = new OutboxStore() {
      @Override
      public void add(List<Queued> messages) {
        if (failNext.getAndSet(false)) {
          throw new IllegalStateException("the outbox table is not reachable");
        }
        kept.add(messages);
      }

      @Override
      public List<Queued> pending() {
        return kept.pending();
      }

      @Override
      public void remove(ChannelRef channel, String itemKey) {
        kept.remove(channel, itemKey);
      }
    };
    WarningRig rig = rig(EarlyWarningSetting.DEFAULT, slack, failingOnce);
    rig.failOnGreen(A_OPS, "1.1");
    rig.failOnGreen(A_OPS, "2.2");
    rig.failOnGreen(A_DEV, "3.3");
    assertThat(store.openIn(A)).isPresent();
    assertThat(slack.topLevel(A_OPS)).isEmpty();

    rig.pollGreen();
    rig.pollGreen();

    assertThat(slack.topLevel(A_OPS)).singleElement().satisfies(p -> assertThat(p.text()).contains("3 triages"));
    assertThat(slack.topLevel(A_DEV)).hasSize(1);
  }
}
