package dev.claude500.discord;

import static dev.claude500.testing.FakeDiscord.ALICE;
import static dev.claude500.testing.FakeDiscord.BOB;
import static dev.claude500.testing.FakeDiscord.TRIAGE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claude500.commands.Apology;
import dev.claude500.testing.FakeDiscord.Call;
import dev.claude500.testing.ProxiedDatabase;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The database behind the store goes away for a moment while the Discord adapter runs (a TCP proxy
 * in front of an H2 server is cut, then restored): a click and a subscription meanwhile are
 * acknowledged and answered with the shared apology, only to the person; the question keeps its
 * buttons, and the same click works once the database is back.
 */
@DisplayName("Discord with its store unreachable for a moment: an apology, nothing half-applied, then recovery")
class DiscordStoreOutageTest {
  private ProxiedDatabase db;
  private LoopbackDiscord d;

  @AfterEach
  void stop() throws Exception {
    if (d != null) {
      d.close();
    }
    if (db != null) {
      db.close();
    }
  }

  @Test
  void aClickAndASubscriptionDuringTheOutageGetAnApologyAndTheClickWorksAfterIt() throws Exception {
    db = ProxiedDatabase.h2();
    d = new LoopbackDiscord(db.openStore());
    d.discord.slash(TRIAGE, ALICE, "triage", Map.of());
    String thread = d.discord.await("POST", "/channels/" + TRIAGE + "/messages/\\d+/threads", LoopbackDiscord.WAIT)
        .path().split("/")[4];
    String label = "API Error: 500 (internal server error)";
    ObjectNode first = d.awaitButton(thread, label);
    String button = LoopbackDiscord.buttonId(first, label).orElseThrow();
    long shown = shownToAll(thread);

    db.cut();
    String click = d.discord.click(first.get("id").asText(), button, BOB);
    Call sorry = d.discord.await(c -> c.is("POST", "/webhooks/.*/itoken-" + click), 1, LoopbackDiscord.WAIT);
    assertThat(sorry.body().path("content").asText()).isEqualTo(Apology.STORE_UNREACHABLE);
    assertThat(sorry.body().path("flags").asInt() & 64).as("only the person sees it").isEqualTo(64);
    String subscribe = d.discord.slash(TRIAGE, ALICE, "subscribe", Map.of());
    Call sorryToo = d.discord.await(c -> c.is("POST", "/webhooks/.*/itoken-" + subscribe), 1, LoopbackDiscord.WAIT);
    assertThat(sorryToo.body().path("content").asText()).isEqualTo(Apology.STORE_UNREACHABLE);
    assertThat(LoopbackDiscord.buttons(d.discord.message(first.get("id").asText()).orElseThrow()))
        .as("the question keeps its buttons").noneSatisfy(b -> assertThat(b.path("disabled").asBoolean()).isTrue());
    assertThat(shownToAll(thread)).as("no next question").isEqualTo(shown);

    db.restore(d.store);
    d.discord.click(first.get("id").asText(), button, BOB);
    d.awaitButton(thread, "While signing in (/login, OAuth)");
    assertThat(LoopbackDiscord.buttons(d.discord.message(first.get("id").asText()).orElseThrow()))
        .allSatisfy(b -> assertThat(b.path("disabled").asBoolean()).isTrue());
  }

  private long shownToAll(String channel) {
    return d.discord.messagesIn(channel).stream().filter(m -> (m.path("flags").asInt() & 64) == 0).count();
  }
}
