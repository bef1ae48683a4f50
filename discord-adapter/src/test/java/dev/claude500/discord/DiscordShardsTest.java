package dev.claude500.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claude500.testing.FakeDiscord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiscordShardsTest {
  @Test
  @DisplayName("ids and ranges of a total, in any order, held once each")
  void parses() {
    assertThat(DiscordShards.parse("0-1/4")).isEqualTo(new DiscordShards(java.util.List.of(0, 1), 4));
    assertThat(DiscordShards.parse(" 3, 2 /4").ids()).containsExactly(2, 3);
    assertThat(DiscordShards.parse("0/1")).isEqualTo(new DiscordShards(java.util.List.of(0), 1));
    assertThat(DiscordShards.parse("0-2,1/3").ids()).containsExactly(0, 1, 2);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "''|must look like 0-1/4",
      "4|must look like 0-1/4",
      "0-1|must look like 0-1/4",
      "a/4|must look like 0-1/4",
      "4/4|shard 4 is not one of 0 to 3",
      "2-1/4|runs backwards",
      "0/0|the total must be between 1 and 65536",
      "0,,1/4|'' is not a shard",
      "0/99999999|must look like 0-1/4"})
  @DisplayName("anything else is refused, saying what is wrong")
  void refuses(String text, String message) {
    assertThatThrownBy(() -> DiscordShards.parse(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  @DisplayName("a server is on shard (id >> 22) % total, as Discord places it")
  void serversOnShards() {
    DiscordShards first = DiscordShards.parse("0/2");
    assertThat(first.holds(Long.parseLong(FakeDiscord.GUILD_ID))).isTrue();
    assertThat(first.holds(Long.parseLong(FakeDiscord.OTHER_GUILD_ID))).isFalse();
    assertThat(DiscordShards.shardOf(Long.parseLong(FakeDiscord.OTHER_GUILD_ID), 2))
        .isEqualTo(FakeDiscord.shardOf(FakeDiscord.OTHER_GUILD_ID, 2)).isEqualTo(1);
    assertThat(DiscordShards.parse("1/2")).hasToString("[1] of 2");
  }
}
