package dev.claude500.incidents;

import static dev.claude500.incidents.Harness.ALL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.chat.Actor;
import dev.claude500.chat.ChatDeliveryException;
import dev.claude500.chat.ConversationKey;
import dev.claude500.chat.Reply;
import dev.claude500.chat.Text;
import dev.claude500.status.StatusSnapshot;
import dev.claude500.store.InMemoryStore;
import dev.claude500.testing.RecordingChatPort.Post;
import dev.claude500.testing.StatusFixtures;
import dev.claude500.triage.Disposition;
import dev.claude500.triage.TriageEngine;
import dev.claude500.triage.TriageOutcome;
import dev.claude500.triage.TriageResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A triage that ends waiting for an incident is told, once, when to retry: through the real engine. */
class FollowUpTest {
  static final String ERROR_500 =
      "API Error: 500 {\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"Internal server error\"},"
          + "\"request_id\":\"req_011CXmPAT8xd3GWgKxdq8TRC\"}";
  static final Instant RESOLVED_AT = Instant.parse("2026-04-15T17:42:57.229Z");
  static final Actor ALICE = new Actor("U1", "alice");
  static final ConversationKey TRIAGE = new ConversationKey("slack", "C-ALL", "T1");

  final HistoryPage history = new HistoryPage(StatusFixtures.RED_AT);
  final Harness h = new Harness(new InMemoryStore(), StatusFixtures.RED_AT, history);

  FollowUpTest() {
    h.status.set(StatusFixtures.redSnapshot());
    h.subscribe(ALL);
  }

  /** Starts a triage on the red page with the pasted 500 and answers "still waiting for the fix". */
  TriageResult waitForRecovery() {
    TriageResult started = h.engine.start(TRIAGE, ALICE, ERROR_500);
    Reply.Question check = lastQuestion(started.replies());
    TriageResult waiting = h.engine.answer(TRIAGE, ALICE, check.token(), "waiting");
    assertThat(waiting.ended()).get().satisfies(v -> assertThat(v.outcome()).contains(TriageOutcome.WAITING));
    return started;
  }

  static Reply.Question lastQuestion(List<Reply> replies) {
    return replies.stream().filter(r -> r instanceof Reply.Question).map(r -> (Reply.Question) r)
        .reduce((a, b) -> b).orElseThrow();
  }

  List<Post> triageThread() {
    return h.slack.thread(ALL, TRIAGE.thread());
  }

  @Test
  @DisplayName("Waiting on the red page, resolved later: told once in the thread, and still failing ends in the report")
  void endToEnd() {
    h.tick();
    Post incidentPost = h.slack.topLevel(ALL).get(0);
    assertThat(incidentPost.text()).contains("Elevated errors on Claude.ai, API, Claude Code");

    TriageResult started = waitForRecovery();

    assertThat(started.replies()).extracting(r -> dev.claude500.chat.PlainTextRenderer.render(r))
        .anySatisfy(t -> assertThat(t).contains("https://chat.test/C-ALL/" + incidentPost.messageId()));
    assertThat(h.store.waitingTriages().find(TRIAGE)).map(WaitingTriage::incidentId)
        .contains(Optional.of(StatusFixtures.RED_INCIDENT_ID));

    history.at(StatusFixtures.RED_AT.plus(Duration.ofHours(1)));
    h.runFor(Duration.ofMinutes(10));
    assertThat(triageThread()).as("the incident is still open").isEmpty();

    h.clock.set(RESOLVED_AT.plusSeconds(5));
    history.at(RESOLVED_AT.plusSeconds(5));
    h.runFor(Duration.ofMinutes(10));

    assertThat(triageThread()).hasSize(2);
    assertThat(triageThread().get(0).text())
        .isEqualTo("The incident Elevated errors on Claude.ai, API, Claude Code (https://status.claude.com/incidents/"
            + StatusFixtures.RED_INCIDENT_ID + ") is resolved: time to retry the same failing path.");
    Reply.Question retry = (Reply.Question) triageThread().get(1).reply();
    assertThat(retry.choices()).extracting(c -> c.value()).containsExactly("works", "still-failing");
    assertThat(h.store.waitingTriages().find(TRIAGE)).isEmpty();
    assertThat(h.store.ledger().find(TRIAGE.channelRef(), "followup/slack/C-ALL/T1")).map(LedgerEntry::isPosted)
        .contains(true);
    h.restart();
    h.runFor(Duration.ofMinutes(10));
    assertThat(triageThread()).as("told once, also across a restart").hasSize(2);

    h.status.set(StatusSnapshot.fresh(StatusFixtures.greenSummary(), RESOLVED_AT));
    TriageResult failing = h.engine.answer(TRIAGE, ALICE, retry.token(), "still-failing");
    TriageResult next = failing;
    while (next.ended().isEmpty()) {
      Reply.TextRequest ask = next.replies().stream().filter(r -> r instanceof Reply.TextRequest)
          .map(r -> (Reply.TextRequest) r).findFirst().orElseThrow();
      next = h.engine.answer(TRIAGE, ALICE, ask.token(), TriageEngine.SKIP);
    }
    assertThat(next.ended().get().outcome()).contains(TriageOutcome.ESCALATED);
    assertThat(next.replies()).anySatisfy(r -> assertThat(r).isInstanceOf(Reply.Report.class));
  }

  @Test
  @DisplayName("A rate-limited follow-up is posted later, each reply once")
  void rateLimitedFollowUp() {
    h.tick();
    waitForRecovery();
    int[] refusals = {0};
    h.slack.failWhen(c -> c.channel().equals(ALL) && c.itemKey().orElse("").endsWith("#1") && refusals[0]++ < 2
        ? Optional.of(ChatDeliveryException.retryable("429", Optional.of(Duration.ofSeconds(3))))
        : Optional.empty());
    h.clock.set(RESOLVED_AT.plusSeconds(5));
    history.at(RESOLVED_AT.plusSeconds(5));

    h.runFor(Duration.ofMinutes(5));

    assertThat(refusals[0]).isGreaterThanOrEqualTo(2);
    assertThat(triageThread()).extracting(Post::reply)
        .satisfiesExactly(r -> assertThat(r).isInstanceOf(Reply.Message.class),
            r -> assertThat(r).isInstanceOf(Reply.Question.class));
  }

  @Test
  @DisplayName("A restart after the first reply went out: that reply is found on the platform, only the rest is posted")
  void firstReplyOutBeforeACrash() {
    h.tick();
    waitForRecovery();
    h.slack.canFindPosts(true).failWhen(c -> c.itemKey().orElse("").endsWith("#1")
        ? Optional.of(ChatDeliveryException.retryable("503", Optional.empty())) : Optional.empty());
    h.clock.set(RESOLVED_AT.plusSeconds(5));
    history.at(RESOLVED_AT.plusSeconds(5));
    h.runFor(Duration.ofMinutes(1));
    assertThat(triageThread()).hasSize(1);
    h.watcher.close();
    h.restart();
    h.slack.failWhen(c -> Optional.empty());

    h.runFor(Duration.ofMinutes(10));

    assertThat(triageThread()).extracting(Post::reply)
        .satisfiesExactly(r -> assertThat(r).isInstanceOf(Reply.Message.class),
            r -> assertThat(r).isInstanceOf(Reply.Question.class));
    assertThat(h.store.ledger().find(ALL, "followup/slack/C-ALL/T1")).map(LedgerEntry::isPosted).contains(true);
  }

  @Test
  @DisplayName("A restart after the triage was resumed but before its replies went out posts them from the engine")
  void resumedBeforeACrash() {
    h.tick();
    waitForRecovery();
    h.clock.set(RESOLVED_AT.plusSeconds(5));
    history.at(RESOLVED_AT.plusSeconds(5));
    h.store.ledger().claim(ALL, "followup/slack/C-ALL/T1", StatusFixtures.RED_INCIDENT_ID, h.clock.instant());
    assertThat(h.engine.resume(TRIAGE, Text.plain("The incident is resolved.")).disposition())
        .isEqualTo(Disposition.APPLIED);
    h.watcher.close();
    h.restart();

    h.runFor(Duration.ofMinutes(5));

    assertThat(triageThread()).hasSize(2);
    assertThat(triageThread().get(1).reply()).isInstanceOf(Reply.Question.class);
  }

  @Test
  @DisplayName("A triage told by a person that the page was red waits for it to turn green")
  void waitsForAGreenPage() {
    h.status.set(StatusSnapshot.unknown("connection refused"));
    h.tick();
    TriageResult started = h.engine.start(TRIAGE, ALICE, ERROR_500);
    Reply.Question askStatus = lastQuestion(started.replies());
    Reply.Question check = lastQuestion(h.engine.answer(TRIAGE, ALICE, askStatus.token(), "red").replies());
    h.engine.answer(TRIAGE, ALICE, check.token(), "waiting");
    assertThat(h.store.waitingTriages().find(TRIAGE)).map(WaitingTriage::incidentId).contains(Optional.empty());

    h.runFor(Duration.ofMinutes(5));
    assertThat(triageThread()).as("the page is still red for Claude Code").isEmpty();
    h.clock.set(RESOLVED_AT.plusSeconds(5));
    history.at(RESOLVED_AT.plusSeconds(5));
    h.runFor(Duration.ofMinutes(5));

    assertThat(triageThread()).hasSize(2);
    assertThat(triageThread().get(0).text()).startsWith("The status page shows no open incident for Claude Code");
  }
}
