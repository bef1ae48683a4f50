package dev.claude500.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ChatDeliveryException;
import dev.claude500.store.InMemoryStore;
import dev.claude500.testing.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The server of a Discord channel, for the team's views")
class DiscordWorkspaceTest {
  private final DiscordChatPort port = new DiscordChatPort(List::of, new DiscordMessages(new CustomIds(CustomIds.MAX)),
      new PermissionProblems(Optional::empty, new InMemoryStore(), new MutableClock(Instant.parse("2026-03-31T12:00:00Z"))));

  @Test
  @DisplayName("While no shard is connected, a channel's server is told only when an interaction in it named it")
  void knownFromAnInteraction() {
    ChannelRef channel = new ChannelRef(DiscordAdapter.PLATFORM, "100");
    assertThatThrownBy(() -> port.workspace(channel)).isInstanceOf(ChatDeliveryException.class);

    port.knowGuild("100", "G0SERVER");

    assertThat(port.workspace(channel)).isEqualTo("G0SERVER");
    assertThatThrownBy(() -> port.workspace(new ChannelRef(DiscordAdapter.PLATFORM, "200")))
        .isInstanceOf(ChatDeliveryException.class);
  }
}
