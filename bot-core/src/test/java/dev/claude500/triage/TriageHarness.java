package dev.claude500.triage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.chat.Actor;
import dev.claude500.chat.Choice;
import dev.claude500.chat.ConversationKey;
import dev.claude500.chat.PlainTextRenderer;
import dev.claude500.chat.Reply;
import dev.claude500.metrics.BotMetrics;
import dev.claude500.playbook.PlaybookLoader;
import dev.claude500.status.StatusSnapshot;
import dev.claude500.store.InMemoryStore;
import dev.claude500.testing.FixedStatusSource;
import dev.claude500.testing.MutableClock;
import dev.claude500.testing.TriageEngines;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/** Drives one engine on an in-memory store, keeping the last question asked. */
final class TriageHarness {
  static final Actor ALICE = new Actor("U1", "alice");
  static final Actor BOB = new Actor("U2", "bob");
  private static final AtomicInteger THREADS = new AtomicInteger();

  final MutableClock clock;
  final FixedStatusSource status;
  final InMemoryStore store = new InMemoryStore();
  final TriageEngine engine;
  final ConversationKey key;
  Reply pending;
  TriageResult last;

  TriageHarness(StatusSnapshot snapshot, Instant now) {
    this.clock = new MutableClock(now);
    this.status = new FixedStatusSource(snapshot);
    this.engine = engineWith(TriageEngines.NO_END_LISTENER, TriageEngines.NO_START_NOTES, BotMetrics.none());
    this.key = new ConversationKey("test", "C1", "t" + THREADS.incrementAndGet());
  }

  /** Returns an engine like {@link #engine}, on the same store, status and clock, that tells {@code listener}. */
  TriageEngine engineWith(TriageEngine.EndListener listener) {
    return engineWith(listener, TriageEngines.NO_START_NOTES, BotMetrics.none());
  }

  /** Returns an engine like {@link #engine}, on the same store, status and clock, that adds {@code notes}. */
  TriageEngine engineWith(TriageEngine.StartNotes notes) {
    return engineWith(TriageEngines.NO_END_LISTENER, notes, BotMetrics.none());
  }

  /** Returns an engine like {@link #engine}, on the same store, status and clock, that records on {@code metrics}. */
  TriageEngine engineWith(BotMetrics metrics) {
    return engineWith(TriageEngines.NO_END_LISTENER, TriageEngines.NO_START_NOTES, metrics);
  }

  private TriageEngine engineWith(TriageEngine.EndListener listener, TriageEngine.StartNotes notes,
      BotMetrics metrics) {
    var playbook = PlaybookLoader.builtIn();
    return new TriageEngine(Map.of(playbook.id(), playbook), playbook.id(), store.conversations(), status, clock,
        Duration.ofMinutes(30), listener, notes, metrics, GreenFailures.NONE,
        new TriageLog(store.triageRecords(), c -> "T1"));
  }

  TriageResult start(String pasted) {
    return track(engine.start(key, ALICE, pasted));
  }

  /** Starts a triage that ALICE began of a message {@code hit} posted. */
  TriageResult startFor(Actor hit, String pasted) {
    return track(engine.start(key, ALICE, pasted, engine.defaultPlaybook().id(), hit));
  }

  /** Clicks the choice whose value is {@code value} on the pending question or text request. */
  TriageResult click(String value) {
    return click(ALICE, value);
  }

  TriageResult click(Actor actor, String value) {
    return track(engine.answer(key, actor, token(), value));
  }

  /** Takes the replies of a triage resumed from outside (a follow-up) as the last input. */
  TriageResult resumed(TriageResult r) {
    return track(r);
  }

  TriageResult say(String text) {
    return track(engine.reply(key, BOB, text));
  }

  String token() {
    if (pending instanceof Reply.Question q) {
      return q.token();
    }
    return ((Reply.TextRequest) pending).token();
  }

  List<String> choiceValues() {
    List<Choice> choices = pending instanceof Reply.Question q ? q.choices() : ((Reply.TextRequest) pending).alternatives();
    return choices.stream().map(Choice::value).toList();
  }

  String pendingText() {
    return PlainTextRenderer.render(pending);
  }

  String transcript() {
    return last.replies().stream().map(PlainTextRenderer::render).collect(Collectors.joining("\n---\n"));
  }

  Optional<Reply.Report> report() {
    return last.replies().stream().filter(r -> r instanceof Reply.Report).map(r -> (Reply.Report) r).findFirst();
  }

  TriageView view() {
    return engine.find(key).orElseThrow();
  }

  private TriageResult track(TriageResult r) {
    last = r;
    for (Reply reply : r.replies()) {
      if (reply instanceof Reply.Question || reply instanceof Reply.TextRequest) {
        pending = reply;
      }
    }
    if (r.ended().isPresent()) {
      pending = null;
    }
    assertThat(r.replies().stream().filter(x -> x instanceof Reply.Question || x instanceof Reply.TextRequest))
        .as("at most one question per input").hasSizeLessThanOrEqualTo(1);
    return r;
  }
}
