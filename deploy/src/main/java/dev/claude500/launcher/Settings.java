package dev.claude500.launcher;

import dev.claude500.discord.DiscordShards;
import dev.claude500.incidents.IncidentWatcher;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
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
 * start-up with a {@link SettingsException} that names the setting.
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
    String logFormat,
    String logLevel,
    Optional<Slack> slack,
    Optional<Discord> discord) {

  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(s|m|h)?");
  private static final Pattern HOURS_OR_DAYS = Pattern.compile("(\\d{1,9})\\s*(h|d)");
  /** The longest retention: ten years. */
  static final Duration MAX_RETENTION = Duration.ofDays(3650);

  /**
   * Slack's settings.
   *
   * @param botToken the bot token
   * @param signingSecret the signing secret (HTTP mode)
   * @param appToken the app-level token (Socket Mode)
   * @param apiUrl the Web API base, ending in a slash
   */
  public record Slack(String botToken, Optional<String> signingSecret, Optional<String> appToken, String apiUrl) {
    /** Returns true when Socket Mode is configured. */
    public boolean socketMode() {
      return appToken.isPresent();
    }

    @Override
    public String toString() {
      return "Slack[" + (socketMode() ? "socket mode" : "http mode") + ", apiUrl=" + apiUrl + "]";
    }
  }

  /**
   * Discord's settings.
   *
   * @param botToken the bot token
   * @param apiUrl the REST base, if overridden
   * @param gatewayUrl the gateway URL, if overridden
   * @param guildIds guilds to register commands in instead of globally
   * @param shards the shards this process connects, when the bot is sharded
   */
  public record Discord(String botToken, Optional<String> apiUrl, Optional<String> gatewayUrl, List<String> guildIds,
      Optional<DiscordShards> shards) {
    /** Copies. */
    public Discord {
      guildIds = List.copyOf(guildIds);
    }

    @Override
    public String toString() {
      return "Discord[apiUrl=" + apiUrl + ", gatewayUrl=" + gatewayUrl + ", guildIds=" + guildIds
          + ", shards=" + shards + "]";
    }
  }

  /** Copies the lists. */
  public Settings {
    statusUrls = List.copyOf(statusUrls);
  }

  /** Returns every secret value configured, for masking in logs. */
  public java.util.List<String> secrets() {
    java.util.List<String> out = new ArrayList<>();
    dbPassword.ifPresent(out::add);
    slack.ifPresent(s -> {
      out.add(s.botToken());
      s.signingSecret().ifPresent(out::add);
      s.appToken().ifPresent(out::add);
    });
    discord.ifPresent(d -> out.add(d.botToken()));
    Matcher inline = Pattern.compile("password=([^&;]+)").matcher(dbUrl);
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
        + ", triageTimeout=" + triageTimeout + ", retention=" + retention + ", logFormat=" + logFormat + ", slack=" + slack
        + ", discord=" + discord + "]";
  }

  /** Reads and validates settings from an environment. */
  public static Settings fromEnvironment(Map<String, String> env) {
    Reader r = new Reader(env);
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
        r.oneOf(Setting.CLAUDE500_LOG_FORMAT, List.of("text", "json")),
        r.oneOf(Setting.CLAUDE500_LOG_LEVEL, List.of("error", "warn", "info", "debug", "trace")).toUpperCase(Locale.ROOT),
        r.slack(),
        r.discord());
  }

  /** Reads one setting at a time, failing with the setting's name. */
  private static final class Reader {
    private final Map<String, String> env;

    Reader(Map<String, String> env) {
      this.env = env;
    }

    String value(Setting s) {
      String v = env.get(s.name());
      return v == null || v.isBlank() ? s.defaultValue() : v.strip();
    }

    Optional<String> optional(Setting s) {
      String v = value(s);
      return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    int integer(Setting s, int min, int max) {
      String v = value(s);
      try {
        int n = Integer.parseInt(v);
        if (n < min || n > max) {
          throw new SettingsException(s, "must be between " + min + " and " + max + ", got " + n);
        }
        return n;
      } catch (NumberFormatException e) {
        throw new SettingsException(s, "must be a whole number, got '" + v + "'");
      }
    }

    Duration duration(Setting s) {
      return duration(s, DURATION, "m", "a duration like 90s, 45m or 2h", Duration.ofSeconds(10), Duration.ofDays(7),
          "10 seconds and 7 days");
    }

    Duration retention(Setting s) {
      return duration(s, HOURS_OR_DAYS, "d", "a number of hours or days like 12h, 30d or 90d",
          IncidentWatcher.MIN_RETENTION, MAX_RETENTION, "1h and 3650d");
    }

    /** Reads a number and a unit ({@code s}, {@code m}, {@code h} or {@code d}, else {@code unit}) that {@code form} matches. */
    private Duration duration(Setting s, Pattern form, String unit, String like, Duration min, Duration max,
        String between) {
      String v = value(s).toLowerCase(Locale.ROOT);
      Matcher m = form.matcher(v);
      if (!m.matches()) {
        throw new SettingsException(s, "must be " + like + ", got '" + v + "'");
      }
      long n = Long.parseLong(m.group(1));
      Duration d = switch (m.group(2) == null ? unit : m.group(2)) {
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
      if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
        throw new SettingsException(s, "must be between " + between + ", got '" + v + "'");
      }
      return d;
    }

    String oneOf(Setting s, List<String> allowed) {
      String v = value(s).toLowerCase(Locale.ROOT);
      if (!allowed.contains(v)) {
        throw new SettingsException(s, "must be one of " + String.join(", ", allowed) + ", got '" + v + "'");
      }
      return v;
    }

    List<URI> urls(Setting s) {
      List<URI> out = new ArrayList<>();
      for (String part : value(s).split(",")) {
        if (!part.isBlank()) {
          out.add(httpUrl(s, part.strip()));
        }
      }
      if (out.isEmpty()) {
        throw new SettingsException(s, "needs at least one URL");
      }
      return out;
    }

    URI httpUrl(Setting s, String v) {
      try {
        URI uri = new URI(v);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
          throw new SettingsException(s, "must be an http(s) URL with a host, got '" + v + "'");
        }
        return uri;
      } catch (URISyntaxException e) {
        throw new SettingsException(s, "is not a URL: '" + v + "'");
      }
    }

    String jdbcUrl(Setting s) {
      String v = value(s);
      if (!v.startsWith("jdbc:h2:") && !v.startsWith("jdbc:postgresql:")) {
        throw new SettingsException(s, "must start with jdbc:h2: or jdbc:postgresql:, got '" + v.replaceAll("password=[^&;]*", "password=***") + "'");
      }
      return v;
    }

    Optional<Path> directory(Setting s) {
      Optional<String> v = optional(s);
      if (v.isEmpty()) {
        return Optional.empty();
      }
      try {
        Path p = Path.of(v.get());
        if (!Files.isDirectory(p)) {
          throw new SettingsException(s, "is not a directory: '" + v.get() + "'");
        }
        return Optional.of(p);
      } catch (InvalidPathException e) {
        throw new SettingsException(s, "is not a path: '" + v.get() + "'");
      }
    }

    Optional<Slack> slack() {
      Optional<String> bot = optional(Setting.SLACK_BOT_TOKEN);
      Optional<String> secret = optional(Setting.SLACK_SIGNING_SECRET);
      Optional<String> app = optional(Setting.SLACK_APP_TOKEN);
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
      String api = httpUrl(Setting.SLACK_API_URL, value(Setting.SLACK_API_URL)).toString();
      return Optional.of(new Slack(bot.get(), secret, app, api.endsWith("/") ? api : api + "/"));
    }

    Optional<Discord> discord() {
      Optional<String> bot = optional(Setting.DISCORD_BOT_TOKEN);
      if (bot.isEmpty()) {
        if (optional(Setting.DISCORD_SHARDS).isPresent()) {
          throw new SettingsException(Setting.DISCORD_BOT_TOKEN, "is required when DISCORD_SHARDS is set");
        }
        return Optional.empty();
      }
      Optional<String> api = optional(Setting.DISCORD_API_URL).map(u -> httpUrl(Setting.DISCORD_API_URL, u).toString());
      Optional<String> gateway = optional(Setting.DISCORD_GATEWAY_URL);
      gateway.ifPresent(g -> {
        if (!g.startsWith("ws://") && !g.startsWith("wss://")) {
          throw new SettingsException(Setting.DISCORD_GATEWAY_URL, "must be a ws:// or wss:// URL, got '" + g + "'");
        }
      });
      List<String> guilds = new ArrayList<>();
      for (String g : value(Setting.DISCORD_GUILD_IDS).split(",")) {
        if (!g.isBlank()) {
          if (!g.strip().matches("\\d{1,20}")) {
            throw new SettingsException(Setting.DISCORD_GUILD_IDS, "must be numeric guild ids separated by commas, got '" + g.strip() + "'");
          }
          guilds.add(g.strip());
        }
      }
      Optional<DiscordShards> shards = optional(Setting.DISCORD_SHARDS).map(text -> {
        try {
          return DiscordShards.parse(text);
        } catch (IllegalArgumentException e) {
          throw new SettingsException(Setting.DISCORD_SHARDS, e.getMessage());
        }
      });
      return Optional.of(new Discord(bot.get(), api, gateway, guilds, shards));
    }
  }
}
