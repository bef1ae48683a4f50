package dev.claude500.discord;

import static dev.claude500.testing.FakeDiscord.ALICE;
import static dev.claude500.testing.FakeDiscord.INCIDENTS;
import static dev.claude500.testing.FakeDiscord.OTHER_GUILD_ID;
import static dev.claude500.testing.FakeDiscord.OTHER_INCIDENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ChatDeliveryException;
import dev.claude500.chat.ChatPort;
import dev.claude500.chat.MessageRef;
import dev.claude500.chat.Reply;
import dev.claude500.incidents.IncidentWatcher;
import dev.claude500.incidents.LedgerEntry;
import dev.claude500.store.Store;
import dev.claude500.testing.FakeDiscord;
import dev.claude500.testing.WatcherRig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * One bot sharded over two replicas, on a loopback Discord with two servers, one on each of two
 * shards: replica A holds shard 0 ({@link FakeDiscord#GUILD_ID}), replica B shard 1 ({@link
 * FakeDiscord#OTHER_GUILD_ID}). Each replica has its own store here, so what reached which shows.
 */
@DisplayName("A bot sharded over two replicas")
class DiscordShardsEndToEndTest {
  private static LoopbackDiscord d;
  private static Store storeB;
  private static DiscordAdapter b;

  @BeforeAll
  static void connect() throws Exception {
    d = new LoopbackDiscord(Optional.of(DiscordShards.parse("0/2")));
    storeB = LoopbackDiscord.newStore();
    b = d.connect(Optional.of(DiscordShards.parse("1/2")), d.services(storeB));
  }

  @AfterAll
  static void close() {
    b.close();
    storeB.close();
    d.close();
  }

  @Test
  @DisplayName("each replica identifies with its shard and takes the interactions of its server only")
  void interactionsGoToTheShardsHolder() throws Exception {
    assertThat(d.discord.identifiedShards()).containsExactlyInAnyOrder("0/2", "1/2");
    assertThat(d.adapter.isReady()).isTrue();
    assertThat(b.isReady()).isTrue();

    subscribe(OTHER_INCIDENTS);
    subscribe(INCIDENTS);

    ChannelRef other = new ChannelRef("discord", OTHER_INCIDENTS);
    ChannelRef main = new ChannelRef("discord", INCIDENTS);
    assertThat(storeB.subscriptions().find(other)).isPresent();
    assertThat(d.store.subscriptions().find(other)).isEmpty();
    assertThat(d.store.subscriptions().find(main)).isPresent();
    assertThat(storeB.subscriptions().find(main)).isEmpty();
  }

  @Test
  @DisplayName("the incident watcher on replica A posts, threads and edits in a server on B's shard, and finds its posts there again")
  void watcherPostsIntoAServerItsShardsDoNotHold() {
    try (WatcherRig rig = new WatcherRig()) {
      ChannelRef channel = new ChannelRef("discord", OTHER_INCIDENTS);
      ChatPort port = d.adapter.chatPort();
      rig.subscribe(channel);
      IncidentWatcher watcher = rig.watcher(rig.store(), port);
      rig.roundAt(watcher, rig.before());
      rig.roundAt(watcher, rig.opened());
      rig.roundAt(watcher, rig.updated());

      String rootKey = "incident/" + rig.incident().id();
      String root = rig.store().ledger().find(channel, rootKey).flatMap(LedgerEntry::messageId).orElseThrow();
      List<ObjectNode> posts = d.discord.messagesIn(OTHER_INCIDENTS).stream()
          .filter(m -> m.path("embeds").path(0).path("url").asText().contains(rig.incident().id())).toList();
      assertThat(posts).singleElement().satisfies(m -> {
        assertThat(m.path("id").asText()).isEqualTo(root);
        assertThat(m.path("guild_id").asText()).isEqualTo(OTHER_GUILD_ID);
        assertThat(m.path("embeds").path(0).path("url").asText()).contains(rig.incident().id());
        assertThat(m.path("edited_timestamp").isNull()).as("edited to the new state").isFalse();
      });
      assertThat(d.discord.thread(root)).hasValueSatisfying(t -> assertThat(t.path("guild_id").asText())
          .isEqualTo(OTHER_GUILD_ID));
      assertThat(d.discord.messagesIn(root)).as("the second update, in the incident's thread").hasSize(1);
      assertThat(rig.store().ledger().unconfirmed()).isEmpty();

      // (the incident's post, edited since, shows no reference any more: it is recorded)
      MessageRef keyed = port.post(channel, Reply.Message.of("Elevated errors"), "incident/sharded");
      assertThat(port.findPosted(channel, Optional.empty(), "incident/sharded")).contains(keyed);
      MessageRef resolved = port.postInThread(channel, root, Reply.Message.of("**Resolved**: all good."), true,
          "resolved/sharded");
      String link = "https://discord.com/channels/" + OTHER_GUILD_ID + "/" + root + "/" + resolved.messageId();
      assertThat(d.discord.messagesIn(OTHER_INCIDENTS)).as("the resolution's notice in the channel, linking to it")
          .filteredOn(m -> m.path("content").asText().contains(link)).hasSize(1);
      assertThat(port.findPosted(channel, Optional.of(root), "resolved/sharded")).isPresent();
      assertThat(port.permalink(new MessageRef(channel, root)))
          .contains("https://discord.com/channels/" + OTHER_GUILD_ID + "/" + OTHER_INCIDENTS + "/" + root);
    }
  }

  @Test
  @DisplayName("a channel in no server of the bot fails for good, whichever shards are held")
  void unknownChannel() {
    ChannelRef gone = new ChannelRef("discord", "929999999999999999");
    assertThatThrownBy(() -> d.adapter.chatPort().post(gone, Reply.Message.of("hello")))
        .isInstanceOfSatisfying(ChatDeliveryException.class, e -> {
          assertThat(e.retryable()).isFalse();
          assertThat(e.getMessage()).contains("10003");
        });
  }

  private static void subscribe(String channel) throws InterruptedException {
    int before = d.discord.calls("POST", "/webhooks/.*").size();
    d.discord.slash(channel, ALICE, "subscribe", Map.of());
    d.discord.await(c -> c.is("POST", "/webhooks/.*"), before + 1, LoopbackDiscord.WAIT);
  }
}
