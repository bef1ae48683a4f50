package dev.claude500.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.testing.TriageEngines;
import dev.claude500.chat.Actor;
import dev.claude500.chat.ConversationKey;
import dev.claude500.playbook.PlaybookLoader;
import dev.claude500.store.InMemoryStore;
import dev.claude500.testing.FixedStatusSource;
import dev.claude500.testing.InMemoryOutboxStore;
import dev.claude500.testing.ManualScheduler;
import dev.claude500.testing.MutableClock;
import dev.claude500.testing.RecordingChatPort;
import dev.claude500.testing.StatusFixtures;
import dev.claude500.triage.TriageEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdleSummariesTest {
  private static final Actor ALICE = new Actor("U1", "alice");

  private final MutableClock clock = new MutableClock(StatusFixtures.GREEN_AT);
  private final InMemoryStore store = new InMemoryStore();
  private final TriageEngine engine;
  private final Outbox outbox = new Outbox(new InMemoryOutboxStore(), store.ledger(), clock, new ManualScheduler(clock));
  private final RecordingChatPort slack = new RecordingChatPort("slack");

  IdleSummariesTest() {
    var playbook = PlaybookLoader.builtIn();
    engine = TriageEngines.of(Map.of(playbook.id(), playbook), playbook.id(), store.conversations(),
        new FixedStatusSource(StatusFixtures.greenSnapshot()), clock, Duration.ofMinutes(30));
    outbox.register(slack);
  }

  @Test
  void anIdleTriageIsClosedWithItsSummaryInItsThreadAndOneOfAnotherPlatformWithoutOne() {
    ConversationKey slackTriage = new ConversationKey("slack", "C1", "100.1");
    ConversationKey elsewhere = new ConversationKey("discord", "D1", "200");
    engine.start(slackTriage, ALICE, "");
    engine.start(elsewhere, ALICE, "");
    List<ConversationKey> heard = new ArrayList<>();
    IdleSummaries summaries = new IdleSummaries(engine, outbox, e -> heard.add(e.key()));

    summaries.run();
    assertThat(slack.posts()).isEmpty();

    clock.advance(Duration.ofMinutes(31));
    summaries.run();

    assertThat(slack.thread(slackTriage.channelRef(), slackTriage.thread())).singleElement()
        .satisfies(p -> assertThat(p.text()).contains("Triage closed"))
        .satisfies(p -> assertThat(p.itemKey()).get().asString().startsWith("triage/" + slackTriage + "/"));
    assertThat(heard).containsExactly(slackTriage);
    assertThat(engine.find(elsewhere).orElseThrow().outcome()).as("closed all the same").isPresent();
  }
}
