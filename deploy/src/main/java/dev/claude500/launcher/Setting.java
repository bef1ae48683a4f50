package dev.claude500.launcher;

/** Every setting the launcher reads from the environment, with its default and meaning. */
public enum Setting {
  /** Statuspage base URLs. */
  CLAUDE500_STATUS_URL("https://status.claude.com,https://anthropic.statuspage.io",
      "Statuspage base URL, or several separated by commas, tried in order until one answers valid JSON"),
  /** JDBC URL of the store. */
  CLAUDE500_DB_URL("jdbc:h2:file:./data/claude500",
      "JDBC URL of the store: an H2 file by default; jdbc:postgresql://... for several replicas"),
  /** Database user. */
  CLAUDE500_DB_USER("", "database user (PostgreSQL)"),
  /** Database password. */
  CLAUDE500_DB_PASSWORD("", "database password (PostgreSQL)"),
  /** Seconds between status polls. */
  CLAUDE500_POLL_INTERVAL("30", "seconds between status-page polls (1-3600; below 10 only helps a test page)"),
  /** HTTP port. */
  CLAUDE500_HTTP_PORT("3000", "HTTP port: POST /slack/events, GET /healthz, GET /metrics"),
  /** Extra playbooks. */
  CLAUDE500_PLAYBOOK_DIR("", "directory of extra playbook files (*.json); one with the built-in's id replaces it"),
  /** Idle triage timeout. */
  CLAUDE500_TRIAGE_TIMEOUT("60m", "how long a triage waits for an answer before it closes itself (e.g. 45m, 2h, 90s)"),
  /** How long what the bot no longer needs is kept. */
  CLAUDE500_RETENTION("30d", "how long ended triages, seen deliveries and settled incident posts are kept before they"
      + " are purged (1h to 3650d, e.g. 12h, 30d, 90d)"),
  /** The secret path word of the status-page webhook. */
  CLAUDE500_WEBHOOK_TOKEN("", "turns on POST /statuspage/webhook/<token>: a status-page webhook call there makes the bot read"
      + " the page at once (the body is never taken as the news); 16-128 letters, digits, '-' or '_'"),
  /** When the early warning goes out. */
  CLAUDE500_EARLY_WARNING("3/15m", "early warning: N/window (e.g. 3/15m, window in s, m or h): N triages in one workspace"
      + " or server failing on a green status page within the window post one warning to its subscribed channels;"
      + " off turns it off"),
  /** Log format. */
  CLAUDE500_LOG_FORMAT("text", "log format: text or json (one JSON object per line, for log shippers)"),
  /** Log level. */
  CLAUDE500_LOG_LEVEL("INFO", "log level of claude500's own loggers: ERROR, WARN, INFO, DEBUG"),
  /** Slack bot token. */
  SLACK_BOT_TOKEN("", "Slack bot token (xoxb-...): with SLACK_SIGNING_SECRET starts Slack in HTTP mode"),
  /** Slack signing secret. */
  SLACK_SIGNING_SECRET("", "Slack signing secret: verifies requests to POST /slack/events"),
  /** Slack app-level token. */
  SLACK_APP_TOKEN("", "Slack app-level token (xapp-...): with SLACK_BOT_TOKEN uses Socket Mode instead of HTTP mode"),
  /** Slack Web API base. */
  SLACK_API_URL("https://slack.com/api/", "Slack Web API base URL"),
  /** Discord bot token. */
  DISCORD_BOT_TOKEN("", "Discord bot token: starts the Discord adapter"),
  /** Discord REST base. */
  DISCORD_API_URL("", "Discord REST API base URL (default Discord's own)"),
  /** Discord gateway. */
  DISCORD_GATEWAY_URL("", "Discord gateway URL (default Discord's own)"),
  /** Discord guilds for instant command registration. */
  DISCORD_GUILD_IDS("", "comma-separated guild ids: register /claude500 in these guilds only (instant), not globally"),
  /** Discord shards this process connects. */
  DISCORD_SHARDS("", "Discord shards this replica connects, as ids/total: 0-1/4 is shards 0 and 1 of 4 (default: one unsharded connection)");

  private final String defaultValue;
  private final String description;

  Setting(String defaultValue, String description) {
    this.defaultValue = defaultValue;
    this.description = description;
  }

  /** Returns the default, empty when there is none. */
  public String defaultValue() {
    return defaultValue;
  }

  /** Returns what the setting does. */
  public String description() {
    return description;
  }

  /** Returns true for settings whose values must never be printed or logged. */
  public boolean secret() {
    return this == SLACK_BOT_TOKEN || this == SLACK_SIGNING_SECRET || this == SLACK_APP_TOKEN
        || this == DISCORD_BOT_TOKEN || this == CLAUDE500_DB_PASSWORD || this == CLAUDE500_WEBHOOK_TOKEN;
  }
}
