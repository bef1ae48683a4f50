package dev.claude500.discord;

import static dev.claude500.testing.FakeDiscord.ALICE;
import static dev.claude500.testing.FakeDiscord.OTHER_INCIDENTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.MessageRef;
import dev.claude500.chat.Reply;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** One replica holding both shards of a bot split in two: one connection per shard, both servers in its cache. */
@DisplayName("A replica holding two shards")
class DiscordTwoShardsTest {
  private static LoopbackDiscord d;

  @BeforeAll
  static void connect() throws Exception {
    d = new LoopbackDiscord(Optional.of(DiscordShards.parse("0-1/2")));
  }

  @AfterAll
  static void close() {
    d.close();
  }

  @Test
  @DisplayName("logs in each shard, takes the interactions of both servers, and posts in both from its cache")
  void bothShards() throws Exception {
    assertThat(d.discord.identifiedShards()).containsExactly("0/2", "1/2");
    assertThat(d.adapter.isReady()).isTrue();

    int before = d.discord.calls("POST", "/webhooks/.*").size();
    d.discord.slash(OTHER_INCIDENTS, ALICE, "subscribe", Map.of());
    d.discord.await(c -> c.is("POST", "/webhooks/.*"), before + 1, LoopbackDiscord.WAIT);
    ChannelRef other = new ChannelRef("discord", OTHER_INCIDENTS);
    assertThat(d.store.subscriptions().find(other)).isPresent();

    MessageRef posted = d.adapter.chatPort().post(other, Reply.Message.of("Elevated errors"));
    assertThat(d.discord.message(posted.messageId())).isPresent();
    assertThat(d.adapter.chatPort().permalink(posted)).contains("https://discord.com/channels/"
        + dev.claude500.testing.FakeDiscord.OTHER_GUILD_ID + "/" + OTHER_INCIDENTS + "/" + posted.messageId());
    assertThat(d.discord.calls("GET", "/channels/" + OTHER_INCIDENTS)).as("known from the cache, not asked").isEmpty();
    assertThat(d.adapter.chatPort().workspace(other)).as("the server the channel is in")
        .isEqualTo(dev.claude500.testing.FakeDiscord.OTHER_GUILD_ID);
  }
}
