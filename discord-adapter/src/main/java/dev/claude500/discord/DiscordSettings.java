package dev.claude500.discord;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the Discord adapter needs to connect.
 *
 * @param botToken the bot token
 * @param apiUrl Discord's REST base URL, when not Discord's own (tests, proxies)
 * @param gatewayUrl the gateway's URL, when not Discord's own; gateway compression is then off
 * @param guildIds servers to register {@code /claude500} in (instantly) instead of globally
 * @param readyTimeout how long start-up waits for the gateway to be ready (and five seconds more for
 *     each shard held after the first, as they log in one after another)
 * @param shards the shards to connect, when the bot is sharded; else JDA's one unsharded connection
 */
public record DiscordSettings(String botToken, Optional<String> apiUrl, Optional<String> gatewayUrl,
    List<String> guildIds, Duration readyTimeout, Optional<DiscordShards> shards) {
  /** The default wait for the gateway. */
  public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(60);

  /** Validates and copies. */
  public DiscordSettings {
    Objects.requireNonNull(botToken, "botToken");
    if (botToken.isBlank()) {
      throw new IllegalArgumentException("botToken must not be blank");
    }
    Objects.requireNonNull(apiUrl, "apiUrl");
    Objects.requireNonNull(gatewayUrl, "gatewayUrl");
    guildIds = List.copyOf(guildIds);
    for (String g : guildIds) {
      if (!g.matches("\\d{1,20}")) {
        throw new IllegalArgumentException("guildIds must be numeric, got '" + g + "'");
      }
    }
    if (readyTimeout == null || readyTimeout.isNegative() || readyTimeout.isZero()) {
      throw new IllegalArgumentException("readyTimeout must be positive");
    }
    Objects.requireNonNull(shards, "shards");
  }

  /** Returns a configuration of an unsharded bot. */
  public DiscordSettings(String botToken, Optional<String> apiUrl, Optional<String> gatewayUrl, List<String> guildIds,
      Duration readyTimeout) {
    this(botToken, apiUrl, gatewayUrl, guildIds, readyTimeout, Optional.empty());
  }

  /** Returns a configuration with Discord's own addresses, global commands and the default wait. */
  public static DiscordSettings of(String botToken) {
    return new DiscordSettings(botToken, Optional.empty(), Optional.empty(), List.of(), DEFAULT_READY_TIMEOUT);
  }

  @Override
  public String toString() {
    return "DiscordSettings[apiUrl=" + apiUrl + ", gatewayUrl=" + gatewayUrl + ", guildIds=" + guildIds
        + ", readyTimeout=" + readyTimeout + ", shards=" + shards + "]";
  }
}
