package dev.claude500.triage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.chat.Actor;
import dev.claude500.chat.ConversationKey;
import dev.claude500.chat.Reply;
import dev.claude500.playbook.Playbook;
import dev.claude500.playbook.PlaybookLoader;
import dev.claude500.store.JdbcStore;
import dev.claude500.testing.FixedStatusSource;
import dev.claude500.testing.JdbcStores;
import dev.claude500.testing.MutableClock;
import dev.claude500.testing.Postgres;
import dev.claude500.testing.StatusFixtures;
import dev.claude500.testing.TriageEngines;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two replicas' engines, each on its own connection pool to one PostgreSQL schema, take the inputs
 * of one triage: whichever replica an input reaches, it applies to the same conversation, and an
 * input delivered to both at once applies once.
 */
@DisplayName("Two engines on one PostgreSQL store")
class TriageEngineReplicasTest {
  private static final Actor ALICE = new Actor("U1", "alice");
  private static final Actor BOB = new Actor("U2", "bob");
  private static final int RACERS_PER_REPLICA = 4;
  /** Both replicas' time: just after the green snapshot was read, so the engines trust it. */
  private static final Clock CLOCK = new MutableClock(StatusFixtures.GREEN_AT.plusSeconds(20));

  private Postgres postgres;
  private JdbcStore storeA;
  private JdbcStore storeB;
  private TriageEngine a;
  private TriageEngine b;
  private ExecutorService pool;

  @BeforeEach
  void twoReplicas() {
    postgres = Postgres.requireOrSkip();
    storeA = JdbcStores.open(postgres.url(), postgres.user(), postgres.password());
    storeB = JdbcStores.open(postgres.url(), postgres.user(), postgres.password());
    a = engine(storeA);
    b = engine(storeB);
    pool = Executors.newFixedThreadPool(2 * RACERS_PER_REPLICA);
  }

  @AfterEach
  void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
    if (storeA != null) {
      storeA.close();
    }
    if (storeB != null) {
      storeB.close();
    }
    if (postgres != null) {
      postgres.dropSchema();
    }
  }

  private static TriageEngine engine(JdbcStore store) {
    Playbook playbook = PlaybookLoader.builtIn();
    return TriageEngines.of(Map.of(playbook.id(), playbook), playbook.id(), store.conversations(),
        new FixedStatusSource(StatusFixtures.greenSnapshot()), CLOCK, Duration.ofHours(1));
  }

  @Test
  @DisplayName("Steps sent alternately to each replica walk one triage; each input raced on both applies once")
  void alternatingStepsApplyOnceEach() throws Exception {
    ConversationKey key = new ConversationKey("slack", "C0OPS", "1700000000.000100");

    Reply asked = lastPrompt(onlyApplied(race(engine -> engine.start(key, ALICE, ""))));
    assertThat(b.find(key).orElseThrow().questions()).isEqualTo(1);

    // The same click delivered to both replicas at once (a retried delivery, two people clicking):
    // it applies on one, and both replicas then wait on the next question.
    for (String value : List.of("500", "every", "still-failing", TriageEngine.SKIP)) {
      String token = token(asked);
      int before = a.find(key).orElseThrow().questions();
      asked = lastPrompt(onlyApplied(race(engine -> engine.answer(key, BOB, token, value))));
      assertThat(a.find(key).orElseThrow().questions()).isEqualTo(before + 1);
      assertThat(b.find(key).orElseThrow().pendingToken()).contains(token(asked)).isNotEqualTo(Optional.of(token));
    }

    // A text step answered on one replica, then the last one answered by two different replies at
    // once: one ends the triage with the report, the other finds no open triage.
    assertThat(asked).isInstanceOf(Reply.TextRequest.class);
    TriageResult debug = b.reply(key, ALICE, "claude --debug: POST /v1/messages -> 500 api_error");
    assertThat(debug.disposition()).isEqualTo(Disposition.APPLIED);
    assertThat(a.find(key).orElseThrow().pendingToken()).contains(token(lastPrompt(debug)));

    List<TriageResult> last = race(engine -> engine.reply(key, engine == a ? ALICE : BOB,
        engine == a ? "repro: claude -p hi" : "repro: a new session fails too"));
    TriageResult ended = onlyApplied(last);
    assertThat(ended.replies()).filteredOn(r -> r instanceof Reply.Report).hasSize(1);
    assertThat(last).filteredOn(r -> r.disposition() != Disposition.APPLIED)
        .extracting(TriageResult::disposition).containsOnly(Disposition.NO_TRIAGE);
    TriageView view = a.find(key).orElseThrow();
    assertThat(view.open()).isFalse();
    assertThat(view.outcome()).contains(TriageOutcome.ESCALATED);
  }

  @Test
  @DisplayName("Two different answers to one question, at two replicas at once: exactly one is recorded")
  void conflictingAnswersApplyOnce() throws Exception {
    ConversationKey key = new ConversationKey("slack", "C0OPS", "1700000000.000200");
    TriageResult started = a.start(key, ALICE, "");
    String token = token(lastPrompt(started));

    List<TriageResult> results = race(engine -> engine == a
        ? engine.answer(key, ALICE, token, "500")
        : engine.answer(key, BOB, token, "other"));
    TriageResult applied = onlyApplied(results);

    // the store holds what the applied answer made of the triage, and nothing of the other
    TriageView view = b.find(key).orElseThrow();
    if (applied.ended().isPresent()) {
      assertThat(view.open()).isFalse();
      assertThat(view.branch()).isEqualTo(applied.ended().get().branch()).contains("not a 500");
    } else {
      assertThat(view.questions()).isEqualTo(2);
      assertThat(view.pendingToken()).contains(token(lastPrompt(applied)));
    }
  }

  /** Runs {@code input} on both engines from several threads each, all released at one instant. */
  private List<TriageResult> race(Function<TriageEngine, TriageResult> input) throws Exception {
    CyclicBarrier go = new CyclicBarrier(2 * RACERS_PER_REPLICA);
    List<Future<TriageResult>> futures = new ArrayList<>();
    for (int i = 0; i < 2 * RACERS_PER_REPLICA; i++) {
      TriageEngine engine = i % 2 == 0 ? a : b;
      Callable<TriageResult> task = () -> {
        go.await(10, TimeUnit.SECONDS);
        return input.apply(engine);
      };
      futures.add(pool.submit(task));
    }
    List<TriageResult> out = new ArrayList<>();
    for (Future<TriageResult> f : futures) {
      out.add(f.get(20, TimeUnit.SECONDS));
    }
    return out;
  }

  private static TriageResult onlyApplied(List<TriageResult> results) {
    List<TriageResult> applied = results.stream().filter(r -> r.disposition() == Disposition.APPLIED).toList();
    assertThat(applied).as("inputs applied out of %s", results.size()).hasSize(1);
    assertThat(results).filteredOn(r -> r.disposition() != Disposition.APPLIED)
        .allSatisfy(r -> assertThat(r.replies()).isEmpty());
    return applied.get(0);
  }

  private static Reply lastPrompt(TriageResult result) {
    return result.replies().stream()
        .filter(r -> r instanceof Reply.Question || r instanceof Reply.TextRequest)
        .reduce((first, second) -> second)
        .orElseThrow(() -> new AssertionError("no question in " + result.replies()));
  }

  private static String token(Reply prompt) {
    return prompt instanceof Reply.Question q ? q.token() : ((Reply.TextRequest) prompt).token();
  }
}
