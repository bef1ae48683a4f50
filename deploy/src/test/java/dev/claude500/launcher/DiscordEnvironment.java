package dev.claude500.launcher;

import dev.claude500.testing.FakeDiscord;
import dev.claude500.testing.FakeStatusPage;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The settings of a bot on the loopback Discord and status page, as the launcher reads them. */
final class DiscordEnvironment {
  private DiscordEnvironment() {}

  /**
   * Returns the settings of a Discord bot on {@code discord} in its first server, reading {@code page},
   * with a fresh in-memory H2 store named after {@code store}; the map may be changed.
   */
  static Map<String, String> of(String store, FakeDiscord discord, FakeStatusPage page) {
    Map<String, String> env = new HashMap<>();
    env.put("CLAUDE500_DB_URL", "jdbc:h2:mem:" + store + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    env.put("CLAUDE500_STATUS_URL", page.baseUrl().toString());
    env.put("CLAUDE500_HTTP_PORT", "0");
    env.put("DISCORD_BOT_TOKEN", "launcher-test-token");
    env.put("DISCORD_API_URL", discord.apiUrl());
    env.put("DISCORD_GATEWAY_URL", discord.gatewayUrl());
    env.put("DISCORD_GUILD_IDS", FakeDiscord.GUILD_ID);
    return env;
  }
}
