package dev.claude500.discord;

import static dev.claude500.testing.FakeDiscord.ALICE;
import static dev.claude500.testing.FakeDiscord.APP_ID;
import static dev.claude500.testing.FakeDiscord.TRIAGE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.testing.FakeDiscord.Call;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DiscordColdStartTest {
  @Test
  @DisplayName("a triage's opening made before the status page was read is edited to show the page once read")
  void anOpeningThatSaidUnknownShowsThePageOnceRead() throws Exception {
    try (LoopbackDiscord d = LoopbackDiscord.coldStart(Duration.ofMillis(300))) {
      d.discord.slash(TRIAGE, ALICE, "triage", Map.of());

      Call reply = d.discord.await("POST", "/interactions/\\d+/[^/]+/callback", LoopbackDiscord.WAIT);
      assertThat(reply.body().path("data").path("content").asText()).as("the page had not answered yet")
          .contains("<@" + ALICE + "> started a Claude Code 500 triage · status page ⚪ unknown");
      Call edit = d.discord.await("PATCH", "/webhooks/" + APP_ID + "/[^/]+/messages/@original", LoopbackDiscord.WAIT);
      assertThat(edit.body().path("content").asText())
          .contains("<@" + ALICE + "> started a Claude Code 500 triage · status page 🟢 green");
      assertThat(edit.body().path("allowed_mentions").path("parse")).isEmpty();
    }
  }
}
