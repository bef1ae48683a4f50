package dev.claude500.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.chat.ChannelRef;
import dev.claude500.commands.Filters;
import dev.claude500.commands.Subscription;
import dev.claude500.store.JdbcStore;
import dev.claude500.testing.FakeSlackApi;
import dev.claude500.testing.FakeStatusPage;
import dev.claude500.testing.SlackRequests;
import dev.claude500.testing.StatusFixtures;
import dev.claude500.testing.StatusPageHistory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Early warning end to end through Slack, on the fake Web API and a fake status page")
class SlackEarlyWarningTest {
  private static final String SECRET = "launcher-test-signing-secret";
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String PASTE = "API Error: 500 {\"type\":\"error\",\"error\":{\"type\":\"api_error\","
      + "\"message\":\"Internal server error\"}}";

  @AutoClose
  private final SlackService running = SlackService.start(Map.of("SLACK_SIGNING_SECRET", SECRET,
      "CLAUDE500_POLL_INTERVAL", "1"), api -> {});
  private final FakeSlackApi slack = running.slack;
  private final SlackEvents events = new SlackEvents(SECRET, running.service::httpPort);

  private void triage(String user, String trigger) throws Exception {
    String command = SlackRequests.command("C0OPS", user, user.toLowerCase(), PASTE, trigger, slack.responseUrl(trigger));
    assertThat(events.post(command, SlackRequests.FORM, true).statusCode()).isEqualTo(200);
  }

  private boolean warningIn(FakeSlackApi.Call c) {
    return c.param("channel").equals("C0WATCH") && c.param("text").contains("Early warning");
  }

  @Test
  @DisplayName("three pasted 500s on a green page warn the subscribed channel once, a fourth edits the warning,"
      + " and an incident on the page closes it with a link and a note")
  void warnsEditsAndCloses() throws Exception {
    running.core.store.subscriptions().save(new Subscription(new ChannelRef("slack", "C0WATCH"), Set.of(), "U0OWNER",
        Instant.now(), Filters.DEFAULT));
    triage("U0ANN", "t1");
    triage("U0BOB", "t2");
    awaitSignals(2);
    assertThat(slack.calls("chat.postMessage").stream().filter(this::warningIn)).as("two are not a cluster").isEmpty();

    triage("U0CAT", "t3");
    FakeSlackApi.Call warning = slack.await("chat.postMessage", this::warningIn, WAIT);
    assertThat(warning.param("text")).contains("3 triages", "500 api_error × 3", "does not show this yet",
        "https://fake.slack.test/archives/C0OPS/p");

    triage("U0DAN", "t4");
    FakeSlackApi.Call grown = slack.await("chat.update",
        c -> c.param("ts").equals(warning.ts()) && c.param("text").contains("4 triages"), WAIT);
    assertThat(grown.param("channel")).isEqualTo("C0WATCH");

    byte[] incidents = createdNow(StatusFixtures.redIncidentsJson());
    running.page.serveIncidents(FakeStatusPage.Response.json(incidents));
    running.page.serveSummary(FakeStatusPage.Response.json(StatusPageHistory.summaryFor(incidents)));

    slack.await("chat.update", c -> c.param("ts").equals(warning.ts()) && c.param("text").contains("closed")
        && c.param("text").contains("https://status.claude.com/incidents/" + StatusFixtures.RED_INCIDENT_ID), WAIT);
    slack.await("chat.postMessage", c -> warning.ts().equals(c.param("thread_ts"))
        && c.param("text").contains("Closed"), WAIT);
    assertThat(slack.calls("chat.postMessage").stream().filter(this::warningIn)).as("one warning").hasSize(1);
  }

  /** Waits until the store holds this many triages failing on a green page in the fake workspace. */
  private void awaitSignals(int count) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (signals() < count && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(signals()).as("triages failing on a green page").isEqualTo(count);
  }

  private int signals() {
    return ((JdbcStore) running.core.store).earlyWarnings().signals("slack:" + FakeSlackApi.TEAM_ID, Instant.EPOCH).size();
  }

  /** Returns the incident list with every incident opened just now: an incident that appeared after the cluster. */
  private static byte[] createdNow(byte[] json) {
    String now = Instant.now().toString();
    return new String(json, StandardCharsets.UTF_8).replaceAll("\"created_at\":\"[^\"]*\"", "\"created_at\":\"" + now + "\"")
        .getBytes(StandardCharsets.UTF_8);
  }
}
