package dev.claude500.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.testing.FastReplay;
import dev.claude500.testing.StatusPageHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A busy day of the archive, lived through again in seconds on today's clock. */
class FastReplayTest {
  private static final Instant WALL = Instant.parse("2027-01-10T12:00:00Z");
  private static final FastReplay DAY = FastReplay.of(StatusPageHistory.anthropic(),
      Instant.parse("2026-07-21T07:00:00Z"), Instant.parse("2026-07-21T18:30:00Z"), WALL, Duration.ofMillis(500));

  @Test
  void everyUpdateShownThatDayIsAStepAndItsIncidentsAreTheDays() {
    assertThat(DAY.steps()).isEqualTo(27);
    assertThat(DAY.incidents()).extracting(Incident::id).containsExactlyInAnyOrder(
        "v35b71rthzhp", "y65gwqbztbsp", "lw0sb1srtznh", "j0y67nj6w93z", "vcynh9cf33xp", "4qsb0fp16tpb");
    assertThat(DAY.wallTime(26)).isEqualTo(WALL.plusMillis(500 * 27));
  }

  @Test
  void eachStepShowsWhatThePageShowedThenWithItsTimesMovedToTheStepsWallTime() {
    for (int k = 0; k < DAY.steps(); k++) {
      StatusPageHistory.PageState real = StatusPageHistory.anthropic().at(DAY.moment(k));
      StatusPageHistory.PageState replayed = DAY.step(k);
      assertThat(ids(replayed.incidents())).isEqualTo(ids(real.incidents()));
      assertThat(replayed.incidents().incidents()).extracting(Incident::status)
          .isEqualTo(real.incidents().incidents().stream().map(Incident::status).toList());
      Instant due = DAY.wallTime(k);
      assertThat(times(replayed.incidents())).allSatisfy(t -> assertThat(t).isBeforeOrEqualTo(due));
    }
    StatusPageHistory.PageState before = DAY.before();
    assertThat(before.unresolved().incidents()).as("nothing open as the day starts").isEmpty();
    assertThat(times(before.incidents())).allSatisfy(t -> assertThat(t).isBefore(WALL.minus(FastReplay.BEFORE)));
  }

  @Test
  void theTimeMapKeepsOrder() {
    Instant t = Instant.parse("2026-07-19T00:00:00Z");
    Instant previous = DAY.toWall(t);
    while (t.isBefore(Instant.parse("2026-07-23T00:00:00Z"))) {
      t = t.plus(Duration.ofMinutes(7));
      Instant next = DAY.toWall(t);
      assertThat(next).isAfterOrEqualTo(previous);
      previous = next;
    }
  }

  private static List<String> ids(IncidentList list) {
    return list.incidents().stream().map(Incident::id).toList();
  }

  private static List<Instant> times(IncidentList list) {
    return list.incidents().stream()
        .flatMap(i -> Stream.concat(Stream.of(i.createdAt(), i.updatedAt(), i.resolvedAt()),
            i.incidentUpdates().stream().map(IncidentUpdate::shownAt)))
        .filter(x -> x != null)
        .toList();
  }
}
