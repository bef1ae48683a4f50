package dev.claude500.launcher;

import dev.claude500.discord.DiscordSettings;
import dev.claude500.discord.DiscordShards;
import dev.claude500.slack.SlackSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the chat platforms' settings into the adapters' own records, {@link SlackSettings} and
 * {@link DiscordSettings}: a platform whose token is unset is not configured; one set in part, or
 * with a bad value, fails with a {@link SettingsException} that names the setting.
 */
final class PlatformSettings {
  private PlatformSettings() {}

  /** Returns Slack's settings when {@code SLACK_BOT_TOKEN} is set. */
  static Optional<SlackSettings> slack(SettingsReader r) {
    Optional<String> bot = r.optional(Setting.SLACK_BOT_TOKEN);
    Optional<String> secret = r.optional(Setting.SLACK_SIGNING_SECRET);
    Optional<String> app = r.optional(Setting.SLACK_APP_TOKEN);
    if (bot.isEmpty()) {
      if (secret.isPresent() || app.isPresent()) {
        throw new SettingsException(Setting.SLACK_BOT_TOKEN, "is required when SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is set");
      }
      return Optional.empty();
    }
    if (app.isEmpty() && secret.isEmpty()) {
      throw new SettingsException(Setting.SLACK_SIGNING_SECRET,
          "is required for HTTP mode when SLACK_BOT_TOKEN is set (or set SLACK_APP_TOKEN for Socket Mode)");
    }
    if (app.isPresent() && !app.get().startsWith("xapp-")) {
      throw new SettingsException(Setting.SLACK_APP_TOKEN, "must be an app-level token starting with xapp-");
    }
    String api = r.httpUrl(Setting.SLACK_API_URL, r.value(Setting.SLACK_API_URL)).toString();
    return Optional.of(new SlackSettings(bot.get(), secret, app, api));
  }

  /** Returns Discord's settings when {@code DISCORD_BOT_TOKEN} is set. */
  static Optional<DiscordSettings> discord(SettingsReader r) {
    Optional<String> bot = r.optional(Setting.DISCORD_BOT_TOKEN);
    if (bot.isEmpty()) {
      if (r.optional(Setting.DISCORD_SHARDS).isPresent()) {
        throw new SettingsException(Setting.DISCORD_BOT_TOKEN, "is required when DISCORD_SHARDS is set");
      }
      return Optional.empty();
    }
    Optional<String> api = r.optional(Setting.DISCORD_API_URL).map(u -> r.httpUrl(Setting.DISCORD_API_URL, u).toString());
    Optional<String> gateway = r.optional(Setting.DISCORD_GATEWAY_URL);
    gateway.ifPresent(g -> {
      if (!g.startsWith("ws://") && !g.startsWith("wss://")) {
        throw new SettingsException(Setting.DISCORD_GATEWAY_URL, "must be a ws:// or wss:// URL, got '" + g + "'");
      }
    });
    List<String> guilds = new ArrayList<>();
    for (String g : r.value(Setting.DISCORD_GUILD_IDS).split(",")) {
      if (!g.isBlank()) {
        if (!g.strip().matches("\\d{1,20}")) {
          throw new SettingsException(Setting.DISCORD_GUILD_IDS,
              "must be numeric guild ids separated by commas, got '" + g.strip() + "'");
        }
        guilds.add(g.strip());
      }
    }
    Optional<DiscordShards> shards = r.optional(Setting.DISCORD_SHARDS).map(text -> {
      try {
        return DiscordShards.parse(text);
      } catch (IllegalArgumentException e) {
        throw new SettingsException(Setting.DISCORD_SHARDS, e.getMessage());
      }
    });
    return Optional.of(new DiscordSettings(bot.get(), api, gateway, guilds, DiscordSettings.DEFAULT_READY_TIMEOUT, shards));
  }
}
