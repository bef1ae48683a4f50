package dev.claude500.triage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.chat.Actor;
import dev.claude500.chat.ConversationKey;
import dev.claude500.chat.Reply;
import dev.claude500.errors.ErrorKind;
import dev.claude500.playbook.PlaybookLoader;
import dev.claude500.status.StatusSnapshot;
import dev.claude500.store.InMemoryStore;
import dev.claude500.testing.FixedStatusSource;
import dev.claude500.testing.MutableClock;
import dev.claude500.testing.StatusFixtures;
import dev.claude500.testing.TriageEngines;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The engine tells its green-page observer when a triage fails further on a green page, once a step")
class GreenFailuresTest {
  private static final Actor ANN = new Actor("U1", "Ann");
  private static final String PASTE = "API Error: 500 {\"type\":\"error\",\"error\":{\"type\":\"api_error\","
      + "\"message\":\"Internal server error\"}}";
  private final MutableClock clock = new MutableClock(StatusFixtures.GREEN_AT);
  private final FixedStatusSource status = new FixedStatusSource(StatusFixtures.greenSnapshot());
  private final List<GreenFailure> told = new CopyOnWriteArrayList<>();
  private final TriageEngine engine = TriageEngines.of(PlaybookLoader.builtInAnd(null), "claude-code-500",
      new InMemoryStore().conversations(), status, clock, Duration.ofHours(1), told::add);
  private final ConversationKey key = new ConversationKey("slack", "C1", "1.1");

  private void answer(String value) {
    Reply.Question q = (Reply.Question) engine.pending(key).orElseThrow();
    engine.answer(key, ANN, q.token(), value);
  }

  @Test
  @DisplayName("a pasted 500 on a green page is told at start; the same path still failing is told once more;"
      + " the evidence steps and the escalation after it are not told again")
  void toldOnceAStep() {
    engine.start(key, ANN, PASTE);
    assertThat(told).singleElement().satisfies(f -> {
      assertThat(f.kind()).contains(ErrorKind.INTERNAL);
      assertThat(f.samePathFails()).isFalse();
      assertThat(f.at()).isEqualTo(StatusFixtures.GREEN_AT);
    });

    answer("every");
    assertThat(told).as("a branch's advice is not a failure").hasSize(1);
    clock.advance(Duration.ofMinutes(1));
    answer("still-failing");
    assertThat(told).hasSize(2);
    assertThat(told.get(1).samePathFails()).isTrue();
    assertThat(told.get(1).branch()).isPresent();

    for (int i = 0; i < 3; i++) {
      engine.reply(key, ANN, "skip");
    }
    assertThat(engine.find(key).orElseThrow().outcome()).contains(TriageOutcome.ESCALATED);
    assertThat(told).as("escalating adds nothing").hasSize(2);
  }

  @Test
  @DisplayName("a triage whose path works again after the first move is not told beyond its error; one on a red page"
      + " is not told at all")
  void worksAgainOrRedIsNotAFailure() {
    engine.start(key, ANN, PASTE);
    answer("every");
    answer("works");
    assertThat(told).hasSize(1);

    status.set(StatusFixtures.redSnapshot());
    clock.set(StatusFixtures.RED_AT);
    engine.start(new ConversationKey("slack", "C1", "2.2"), ANN, PASTE);
    assertThat(told).hasSize(1);
  }

  @Test
  @DisplayName("a triage started without a paste on a green page is told only when the same path still fails")
  void noPasteToldAtTheCheck() {
    status.set(StatusSnapshot.fresh(StatusFixtures.greenSummary(), clock.instant()));
    engine.start(key, ANN, "");
    answer("500");
    answer("every");
    assertThat(told).isEmpty();
    answer("still-failing");
    assertThat(told).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEmpty();
      assertThat(f.samePathFails()).isTrue();
    });
  }
}
