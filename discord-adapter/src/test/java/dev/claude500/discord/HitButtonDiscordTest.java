package dev.claude500.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claude500.chat.ChannelRef;
import dev.claude500.commands.Filters;
import dev.claude500.commands.Subscription;
import dev.claude500.hits.HitEdits;
import dev.claude500.incidents.HitScope;
import dev.claude500.incidents.IncidentWatcher;
import dev.claude500.incidents.LedgerEntry;
import dev.claude500.testing.FakeDiscord;
import dev.claude500.testing.ManualScheduler;
import dev.claude500.testing.MutableClock;
import dev.claude500.testing.StatusPageHistory;
import dev.claude500.testing.WatcherRig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * "I'm hit too" end to end on the loopback Discord: the real watcher posts an incident into a
 * subscribed channel with the button, clicks come in through the gateway, the person who clicked
 * gets an ephemeral reply, a replayed interaction counts once, and the post is edited to the count
 * once the clock passes the slot's end.
 */
@DisplayName("I'm hit too, in Discord")
class HitButtonDiscordTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private final MutableClock clock = new MutableClock(Instant.parse("2026-07-21T12:00:00Z"));
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private LoopbackDiscord d;
  private WatcherRig rig;

  @BeforeEach
  void start() throws Exception {
    d = new LoopbackDiscord(clock, scheduler);
    rig = new WatcherRig();
  }

  @AfterEach
  void stop() {
    rig.close();
    d.close();
  }

  /** Returns the ephemeral answer to an interaction, waiting for it. */
  JsonNode answer(String interactionId) throws InterruptedException {
    d.discord.await(c -> c.is("POST", "/webhooks/" + FakeDiscord.APP_ID + "/itoken-" + interactionId), 1, WAIT);
    List<FakeDiscord.Call> followUps = d.discord.followUps(interactionId);
    assertThat(followUps).hasSize(1);
    return followUps.get(0).body();
  }

  List<FakeDiscord.Call> edits(String root) {
    return d.discord.calls("PATCH", "/channels/" + FakeDiscord.INCIDENTS + "/messages/" + root);
  }

  @Test
  @DisplayName("The post carries the button; a click is answered privately and edits the post; a replay counts once; a second click takes back")
  void clickReplayAndTakeBack() throws Exception {
    ChannelRef channel = new ChannelRef("discord", FakeDiscord.INCIDENTS);
    d.store.subscriptions().save(new Subscription(channel, Set.of(), FakeDiscord.ALICE, clock.instant(), Filters.DEFAULT));
    IncidentWatcher watcher = rig.watcher(d.store, d.adapter.chatPort());
    rig.roundAt(watcher, rig.opened());
    d.status.recordRecent(StatusPageHistory.anthropic().at(rig.opened()).incidents().incidents());

    String root = d.store.ledger().find(channel, "incident/" + rig.incident().id())
        .flatMap(LedgerEntry::messageId).orElseThrow();
    ObjectNode post = d.discord.message(root).orElseThrow();
    assertThat(post.path("embeds").path(0).toString()).contains("0 people here are hit");
    JsonNode button = post.path("components").path(0).path("components").path(0);
    assertThat(button.path("label").asText()).isEqualTo(DiscordMessages.HIT_LABEL);
    String customId = button.path("custom_id").asText();
    assertThat(customId).contains(rig.incident().id());

    String first = d.discord.click(root, customId, FakeDiscord.BOB);
    JsonNode said = answer(first);
    assertThat(said.path("content").asText()).contains("You are counted").contains("1 person here is hit");
    assertThat(said.path("flags").asInt() & 64).as("ephemeral").isEqualTo(64);

    d.discord.replay(first);
    String alice = d.discord.click(root, customId, FakeDiscord.ALICE);
    assertThat(answer(alice).path("content").asText()).as("the replay counted nobody")
        .contains("2 people here are hit");

    clock.advance(HitEdits.EVERY);
    scheduler.runDue();
    assertThat(edits(root)).hasSize(1);
    assertThat(d.discord.message(root).orElseThrow().path("embeds").path(0).toString())
        .contains("2 people here are hit");
    assertThat(d.discord.message(root).orElseThrow().path("components").path(0).path("components").path(0)
        .path("custom_id").asText()).as("the button stays").isEqualTo(customId);

    String again = d.discord.click(root, customId, FakeDiscord.BOB);
    assertThat(answer(again).path("content").asText()).contains("Taken back").contains("1 person here is hit");
    clock.advance(HitEdits.EVERY);
    scheduler.runDue();
    assertThat(edits(root)).hasSize(2);
    assertThat(d.discord.message(root).orElseThrow().path("embeds").path(0).toString())
        .contains("1 person here is hit");
    assertThat(d.store.incidentHits().count(new HitScope(rig.incident().id(), "discord", FakeDiscord.GUILD_ID)))
        .as("the number shown is the store's, counted in the channel's server").isEqualTo(1);
    assertThat(d.discord.followUps(first)).as("no second answer for the replay").hasSize(1);
  }
}
