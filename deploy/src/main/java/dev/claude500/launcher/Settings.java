package dev.claude500.launcher;

import dev.claude500.discord.DiscordSettings;
import dev.claude500.earlywarning.EarlyWarningSetting;
import dev.claude500.slack.SlackSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The launcher's configuration, read once from the environment and validated: a bad value stops
 * start-up with a {@link SettingsException} that names the setting. The chat platforms' settings
 * are the adapters' own records, handed to them as they are.
 *
 * @param statusUrls the Statuspage base URLs, in the order tried
 * @param dbUrl the store's JDBC URL
 * @param dbUser the database user, if any
 * @param dbPassword the database password, if any
 * @param pollInterval time between status polls
 * @param httpPort the HTTP port
 * @param playbookDir a directory of extra playbooks, if any
 * @param triageTimeout how long a triage waits for an answer
 * @param retention how long ended triages, seen deliveries and settled incident posts are kept
 * @param webhookToken the status-page webhook's path word, when the webhook is on
 * @param earlyWarning when several triages failing on a green page post an early warning, or off
 * @param logFormat {@code text} or {@code json}
 * @param logLevel the level of claude500's own loggers
 * @param slack Slack's settings, when Slack is configured
 * @param discord Discord's settings, when Discord is configured
 */
public record Settings(
    List<URI> statusUrls,
    String dbUrl,
    Optional<String> dbUser,
    Optional<String> dbPassword,
    Duration pollInterval,
    int httpPort,
    Optional<Path> playbookDir,
    Duration triageTimeout,
    Duration retention,
    Optional<String> webhookToken,
    EarlyWarningSetting earlyWarning,
    String logFormat,
    String logLevel,
    Optional<SlackSettings> slack,
    Optional<DiscordSettings> discord) {

  private static final Pattern INLINE_PASSWORD = Pattern.compile("password=([^&;]+)");

  /** Copies the lists. */
  public Settings {
    statusUrls = List.copyOf(statusUrls);
  }

  /** Returns every secret value configured, for masking in logs. */
  public List<String> secrets() {
    List<String> out = new ArrayList<>();
    dbPassword.ifPresent(out::add);
    webhookToken.ifPresent(out::add);
    slack.ifPresent(s -> {
      out.add(s.botToken());
      s.signingSecret().ifPresent(out::add);
      s.appToken().ifPresent(out::add);
    });
    discord.ifPresent(d -> out.add(d.botToken()));
    Matcher inline = INLINE_PASSWORD.matcher(dbUrl);
    while (inline.find()) {
      out.add(inline.group(1));
    }
    return out;
  }

  /** Returns true when no chat platform is configured (console mode). */
  public boolean noPlatform() {
    return slack.isEmpty() && discord.isEmpty();
  }

  @Override
  public String toString() {
    return "Settings[statusUrls=" + statusUrls + ", dbUrl=" + dbUrl.replaceAll("password=[^&;]*", "password=***")
        + ", pollInterval=" + pollInterval + ", httpPort=" + httpPort + ", playbookDir=" + playbookDir
        + ", triageTimeout=" + triageTimeout + ", retention=" + retention
        + ", webhook=" + (webhookToken.isPresent() ? "on" : "off") + ", earlyWarning=" + earlyWarning
        + ", logFormat=" + logFormat + ", slack=" + slack
        + ", discord=" + discord + "]";
  }

  /** Reads and validates settings from an environment. */
  public static Settings fromEnvironment(Map<String, String> env) {
    SettingsReader r = new SettingsReader(env);
    return new Settings(
        r.urls(Setting.CLAUDE500_STATUS_URL),
        r.jdbcUrl(Setting.CLAUDE500_DB_URL),
        r.optional(Setting.CLAUDE500_DB_USER),
        r.optional(Setting.CLAUDE500_DB_PASSWORD),
        Duration.ofSeconds(r.integer(Setting.CLAUDE500_POLL_INTERVAL, 1, 3600)),
        r.integer(Setting.CLAUDE500_HTTP_PORT, 0, 65535),
        r.directory(Setting.CLAUDE500_PLAYBOOK_DIR),
        r.duration(Setting.CLAUDE500_TRIAGE_TIMEOUT),
        r.retention(Setting.CLAUDE500_RETENTION),
        r.token(Setting.CLAUDE500_WEBHOOK_TOKEN),
        r.earlyWarning(Setting.CLAUDE500_EARLY_WARNING),
        r.oneOf(Setting.CLAUDE500_LOG_FORMAT, List.of("text", "json")),
        r.oneOf(Setting.CLAUDE500_LOG_LEVEL, List.of("error", "warn", "info", "debug", "trace")).toUpperCase(Locale.ROOT),
        PlatformSettings.slack(r),
        PlatformSettings.discord(r));
  }
}
