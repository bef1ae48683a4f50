package dev.claude500.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.testing.FakeSlackApi;
import dev.claude500.testing.FakeStatusPage;
import dev.claude500.testing.StatusFixtures;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A triage's first post in the channel")
class TriageFirstPostTest {
  private SlackHarness h;

  @AfterEach
  void stop() {
    if (h != null) {
      h.close();
    }
  }

  @Test
  @DisplayName("its notification text mentions the person as Slack mentions people, not as escaped markup")
  void notificationTextMentionsThePerson() throws Exception {
    h = new SlackHarness().started();
    h.status.current();

    h.command("U0ALICE", "alice", "");

    FakeSlackApi.Call root = h.posted("started a Claude Code 500 triage");
    assertThat(root.param("text")).startsWith("<@U0ALICE> started a Claude Code 500 triage · status page 🟢 green")
        .doesNotContain("&lt;@");
    assertThat(root.blockText()).contains("<@U0ALICE> started a Claude Code 500 triage");
  }

  @Test
  @DisplayName("posted before the status page was read (a cold start), it is edited to show the page once read")
  void aColdStartsUnknownPageIsEditedOnceThePageIsRead() throws Exception {
    h = new SlackHarness();
    h.page.serveSummary(FakeStatusPage.Response.json(StatusFixtures.greenSummaryJson()).withDelay(Duration.ofMillis(300)));
    h.started();

    h.command("U0ALICE", "alice", "");

    FakeSlackApi.Call root = h.posted("started a Claude Code 500 triage");
    assertThat(root.blockText()).as("the page had not answered yet").contains("status page ⚪ unknown");
    FakeSlackApi.Call edited = h.slack.await("chat.update", c -> c.param("ts").equals(root.ts()), SlackHarness.WAIT);
    assertThat(edited.blockText()).contains("<@U0ALICE> started a Claude Code 500 triage · status page 🟢 green")
        .doesNotContain("unknown").doesNotContain("I have not read it yet");
    assertThat(edited.param("text")).contains("status page 🟢 green");
  }

  @Test
  @DisplayName("posted when the page was already read, it is left as it is")
  void aKnownPageIsNotEditedAgain() throws Exception {
    h = new SlackHarness().started();
    h.status.current();

    h.command("U0ALICE", "alice", "");

    FakeSlackApi.Call root = h.posted("started a Claude Code 500 triage");
    h.posted("Which error did Claude Code print?");
    SlackHarness.quiet(Duration.ofMillis(300));
    assertThat(h.slack.calls("chat.update")).noneMatch(c -> c.param("ts").equals(root.ts()));
  }
}
