package dev.claude500.triage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.chat.Text;
import dev.claude500.testing.StatusFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Every triage keeps a record of its start, first move and end")
class TriageRecordsTest {
  private static List<TriageRecord> records(TriageHarness h) {
    return h.store.triageRecords().startedBetween("T1", Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
  }

  private static TriageRecord record(TriageHarness h) {
    List<TriageRecord> all = records(h);
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  @Test
  @DisplayName("A start records who, when and where; the first move and the resolution are stamped when reached")
  void startFirstMoveResolution() {
    TriageHarness h = TriageEngineTest.red();
    Instant started = h.clock.instant();
    h.start("");
    TriageRecord atStart = record(h);
    assertThat(atStart.key()).isEqualTo(h.key);
    assertThat(atStart.workspace()).isEqualTo("T1");
    assertThat(atStart.startedBy()).isEqualTo(TriageHarness.ALICE.id());
    assertThat(atStart.startedAt()).isEqualTo(started);
    assertThat(atStart.firstMoveAt()).isEmpty();
    assertThat(atStart.open()).isTrue();

    h.clock.advance(Duration.ofSeconds(40));
    h.click("500");
    TriageRecord moved = record(h);
    assertThat(moved.branch()).contains("live incident");
    assertThat(moved.verdict()).contains("red");
    assertThat(moved.incidentId()).contains(StatusFixtures.RED_INCIDENT_ID);
    assertThat(moved.firstMoveAt()).contains(started.plusSeconds(40));
    assertThat(moved.version()).isGreaterThan(atStart.version());

    h.clock.advance(Duration.ofMinutes(5));
    h.click("works");
    TriageRecord ended = record(h);
    assertThat(ended.outcome()).contains(TriageOutcome.RESOLVED);
    assertThat(ended.endedAt()).contains(started.plusSeconds(340));
    assertThat(ended.firstMoveAt()).as("kept from its first move").contains(started.plusSeconds(40));
    assertThat(ended.escalated()).isFalse();
  }

  @Test
  @DisplayName("An escalation is recorded as escalated")
  void escalation() {
    TriageHarness h = TriageEngineTest.red();
    h.start(TriageEngineTest.ERROR_500);
    h.click("still-failing");
    h.say("Login method: Claude Max account");
    h.say("1. claude -p hello\n2. " + TriageEngineTest.ERROR_500);
    TriageRecord r = record(h);
    assertThat(r.outcome()).contains(TriageOutcome.ESCALATED);
    assertThat(r.escalated()).isTrue();
    assertThat(r.endedAt()).isPresent();
  }

  @Test
  @DisplayName("A waiting triage ends; resumed, it is open again until it ends for good")
  void waitingAndResumed() {
    TriageHarness h = TriageEngineTest.red();
    h.start(TriageEngineTest.ERROR_500);
    h.click("waiting");
    assertThat(record(h).outcome()).contains(TriageOutcome.WAITING);
    assertThat(record(h).endedAt()).isPresent();

    h.clock.advance(Duration.ofHours(1));
    h.resumed(h.engine.resume(h.key, Text.plain("The incident is resolved.")));
    assertThat(record(h).open()).isTrue();
    h.click("works");
    assertThat(record(h).outcome()).contains(TriageOutcome.RESOLVED);
    assertThat(record(h).endedAt()).contains(h.clock.instant());
  }

  @Test
  @DisplayName("An engine without a log keeps no record")
  void noRecordWithoutALog() {
    TriageHarness h = TriageEngineTest.green();
    TriageEngine quiet = dev.claude500.testing.TriageEngines.of(java.util.Map.of(
        h.engine.defaultPlaybook().id(), h.engine.defaultPlaybook()), h.engine.defaultPlaybook().id(),
        h.store.conversations(), h.status, h.clock, Duration.ofMinutes(30));
    quiet.start(h.key, TriageHarness.ALICE, "");
    assertThat(records(h)).as("TriageLog.none() keeps nothing").isEmpty();
    assertThat(h.engine.find(h.key)).map(TriageView::open).isEqualTo(Optional.of(true));
  }
}
