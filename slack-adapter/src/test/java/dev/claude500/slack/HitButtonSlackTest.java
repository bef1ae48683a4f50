package dev.claude500.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.incidents.HitScope;
import dev.claude500.incidents.IncidentWatcher;
import dev.claude500.hits.HitEdits;
import dev.claude500.testing.FakeSlackApi;
import dev.claude500.testing.ManualScheduler;
import dev.claude500.testing.MutableClock;
import dev.claude500.testing.SlackRequests;
import dev.claude500.testing.StatusPageHistory;
import dev.claude500.testing.WatcherRig;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * "I'm hit too" end to end on the loopback Slack: the real watcher posts an incident into a
 * subscribed channel with the button, signed clicks on it come in through Bolt, the person who
 * clicked is answered through the click's {@code response_url}, and the post is edited to the count
 * once the clock passes the slot's end.
 */
@DisplayName("I'm hit too, in Slack")
class HitButtonSlackTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-07-21T12:00:00Z"));
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private SlackHarness h;
  private WatcherRig rig;

  @BeforeEach
  void start() throws Exception {
    h = new SlackHarness(SlackHarness.tuning(2, 64), clock, scheduler).started();
    rig = new WatcherRig();
  }

  @AfterEach
  void stop() {
    rig.close();
    h.close();
  }

  HttpResponse<String> click(FakeSlackApi.Call post, SlackRequests.Button button, String user, String trigger) {
    return h.signed(SlackRequests.click(post, button, user, user.toLowerCase(), trigger, h.slack.responseUrl(trigger)),
        SlackRequests.FORM, Map.of());
  }

  @Test
  @DisplayName("The post carries the button; a click is answered privately and edits the post; a second click takes it back")
  void clickAndTakeBack() {
    h.command("U0ALICE", "alice", "subscribe");
    h.slack.await("response_url", c -> c.blockText().contains("Subscribed"), SlackHarness.WAIT);
    IncidentWatcher watcher = rig.watcher(h.store, h.adapter.chatPort());
    rig.roundAt(watcher, rig.opened());
    h.status.recordRecent(StatusPageHistory.anthropic().at(rig.opened()).incidents().incidents());

    FakeSlackApi.Call post = h.slack.accepted("chat.postMessage").stream()
        .filter(c -> c.param("thread_ts").isEmpty()).findFirst().orElseThrow();
    assertThat(post.blockText()).contains("0 people here are hit");
    SlackRequests.Button button = SlackRequests.button(post,
        b -> b.element().path("action_id").asText().equals(HitButtonListener.ACTION)).orElseThrow();
    assertThat(button.element().path("value").asText()).isEqualTo(rig.incident().id());
    String root = post.ts();

    assertThat(click(post, button, "U0BOB", "trig-bob-1").statusCode()).isEqualTo(200);
    FakeSlackApi.Call answer = h.slack.await("response_url", c -> c.body().contains("You are counted"),
        SlackHarness.WAIT);
    assertThat(answer.body()).contains("1 person here is hit now").contains("\"response_type\":\"ephemeral\"");
    assertThat(click(post, button, "U0BOB", "trig-bob-1").statusCode()).as("Slack's retry").isEqualTo(200);
    assertThat(click(post, button, "U0CAROL", "trig-carol-1").statusCode()).isEqualTo(200);
    h.slack.await("response_url", c -> c.body().contains("2 people here are hit now"), SlackHarness.WAIT);

    clock.advance(HitEdits.EVERY);
    scheduler.runDue();
    List<FakeSlackApi.Call> edits = h.slack.calls("chat.update").stream().filter(c -> c.param("ts").equals(root)).toList();
    assertThat(edits).hasSize(1);
    assertThat(edits.get(0).blockText()).contains("2 people here are hit");
    SlackRequests.Button still = SlackRequests.button(edits.get(0),
        b -> b.element().path("action_id").asText().equals(HitButtonListener.ACTION)).orElseThrow();
    assertThat(still.element().path("value").asText()).isEqualTo(rig.incident().id());

    assertThat(click(post, button, "U0BOB", "trig-bob-2").statusCode()).isEqualTo(200);
    assertThat(h.slack.await("response_url", c -> c.body().contains("Taken back"), SlackHarness.WAIT).body())
        .contains("1 person here is hit now");
    clock.advance(HitEdits.EVERY);
    scheduler.runDue();
    edits = h.slack.calls("chat.update").stream().filter(c -> c.param("ts").equals(root)).toList();
    assertThat(edits).hasSize(2);
    assertThat(edits.get(1).blockText()).contains("1 person here is hit");
    assertThat(h.store.incidentHits().count(new HitScope(rig.incident().id(), "slack", FakeSlackApi.TEAM_ID)))
        .as("the number shown is the store's, counted in the bot token's workspace").isEqualTo(1);
    assertThat(h.slack.calls("response_url")).as("one answer per click, none for the retry")
        .filteredOn(c -> c.body().contains("counted") || c.body().contains("Taken back")).hasSize(3);
  }
}
