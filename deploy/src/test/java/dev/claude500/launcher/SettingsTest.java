package dev.claude500.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claude500.earlywarning.EarlyWarningSetting;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {
  private static Settings read(String... pairs) {
    Map<String, String> env = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return Settings.fromEnvironment(env);
  }

  private static void refused(String expected, String... pairs) {
    assertThatThrownBy(() -> read(pairs)).isInstanceOf(SettingsException.class).hasMessage(expected);
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    Settings s = read();
    assertThat(s.statusUrls()).containsExactly(URI.create("https://status.claude.com"),
        URI.create("https://anthropic.statuspage.io"));
    assertThat(s.dbUrl()).isEqualTo("jdbc:h2:file:./data/claude500");
    assertThat(s.pollInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.httpPort()).isEqualTo(3000);
    assertThat(s.triageTimeout()).isEqualTo(Duration.ofMinutes(60));
    assertThat(s.retention()).isEqualTo(Duration.ofDays(30));
    assertThat(s.noPlatform()).isTrue();
  }

  @Test
  void badValuesNameTheSetting() {
    refused("CLAUDE500_HTTP_PORT: must be between 0 and 65535, got 70000", "CLAUDE500_HTTP_PORT", "70000");
    refused("CLAUDE500_POLL_INTERVAL: must be between 1 and 3600, got 0", "CLAUDE500_POLL_INTERVAL", "0");
    refused("CLAUDE500_POLL_INTERVAL: must be between 1 and 3600, got 3601", "CLAUDE500_POLL_INTERVAL", "3601");
    assertThat(read("CLAUDE500_POLL_INTERVAL", "1").pollInterval()).as("down to 1 s, for a test page")
        .isEqualTo(Duration.ofSeconds(1));
    refused("CLAUDE500_STATUS_URL: must be an http(s) URL with a host, got 'ftp://x'", "CLAUDE500_STATUS_URL", "ftp://x");
    refused("CLAUDE500_DB_URL: must start with jdbc:h2: or jdbc:postgresql:, got 'jdbc:mysql://x'",
        "CLAUDE500_DB_URL", "jdbc:mysql://x");
    refused("CLAUDE500_TRIAGE_TIMEOUT: must be a duration like 90s, 45m or 2h, got 'soon'", "CLAUDE500_TRIAGE_TIMEOUT", "soon");
    refused("CLAUDE500_LOG_FORMAT: must be one of text, json, got 'xml'", "CLAUDE500_LOG_FORMAT", "xml");
    refused("CLAUDE500_PLAYBOOK_DIR: is not a directory: '/no/such/dir'", "CLAUDE500_PLAYBOOK_DIR", "/no/such/dir");
    refused("DISCORD_GUILD_IDS: must be numeric guild ids separated by commas, got 'abc'",
        "DISCORD_BOT_TOKEN", "t", "DISCORD_GUILD_IDS", "1,abc");
  }

  @Test
  void earlyWarningIsNOverAWindowOrOff() {
    assertThat(read().earlyWarning()).isEqualTo(EarlyWarningSetting.DEFAULT);
    assertThat(read().earlyWarning()).hasToString("3/15m");
    EarlyWarningSetting five = read("CLAUDE500_EARLY_WARNING", " 5 / 2H ").earlyWarning();
    assertThat(five.on()).isTrue();
    assertThat(five.threshold()).isEqualTo(5);
    assertThat(five.window()).isEqualTo(Duration.ofHours(2));
    assertThat(read("CLAUDE500_EARLY_WARNING", "2/90s").earlyWarning().window())
        .isEqualTo(Duration.ofSeconds(90));
    assertThat(read("CLAUDE500_EARLY_WARNING", "OFF").earlyWarning().on()).isFalse();
    String rule = "CLAUDE500_EARLY_WARNING: must be N/window like 3/15m (N from 2 to 1000, window from 1m to 24h) or off";
    refused(rule + ", got 'soon'", "CLAUDE500_EARLY_WARNING", "soon");
    refused(rule + ", got '3/15'", "CLAUDE500_EARLY_WARNING", "3/15");
    refused(rule + ", got '1/15m'", "CLAUDE500_EARLY_WARNING", "1/15m");
    refused(rule + ", got '3/30s'", "CLAUDE500_EARLY_WARNING", "3/30s");
    refused(rule + ", got '3/25h'", "CLAUDE500_EARLY_WARNING", "3/25h");
    refused(rule + ", got '" + "9".repeat(40) + "...'", "CLAUDE500_EARLY_WARNING", "9".repeat(5000));
  }

  @Test
  void retentionIsHoursOrDaysWithinBounds() {
    assertThat(read("CLAUDE500_RETENTION", "12h").retention()).isEqualTo(Duration.ofHours(12));
    assertThat(read("CLAUDE500_RETENTION", " 90D ").retention()).isEqualTo(Duration.ofDays(90));
    assertThat(read("CLAUDE500_RETENTION", "1h").retention()).isEqualTo(Duration.ofHours(1));
    assertThat(read("CLAUDE500_RETENTION", "3650d").retention()).isEqualTo(Duration.ofDays(3650));
    refused("CLAUDE500_RETENTION: must be a number of hours or days like 12h, 30d or 90d, got '30'",
        "CLAUDE500_RETENTION", "30");
    refused("CLAUDE500_RETENTION: must be a number of hours or days like 12h, 30d or 90d, got '45m'",
        "CLAUDE500_RETENTION", "45m");
    refused("CLAUDE500_RETENTION: must be a number of hours or days like 12h, 30d or 90d, got 'forever'",
        "CLAUDE500_RETENTION", "forever");
    refused("CLAUDE500_RETENTION: must be between 1h and 3650d, got '0h'", "CLAUDE500_RETENTION", "0h");
    refused("CLAUDE500_RETENTION: must be between 1h and 3650d, got '3651d'", "CLAUDE500_RETENTION", "3651d");
    refused("CLAUDE500_RETENTION: must be between 1h and 3650d, got '999999999d'", "CLAUDE500_RETENTION",
        "999999999d");
  }

  @Test
  void slackModesAreChosenByWhichTokensAreSet() {
    refused("SLACK_SIGNING_SECRET: is required for HTTP mode when SLACK_BOT_TOKEN is set (or set SLACK_APP_TOKEN for Socket Mode)",
        "SLACK_BOT_TOKEN", "xoxb-1");
    refused("SLACK_BOT_TOKEN: is required when SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is set", "SLACK_APP_TOKEN", "xapp-1");
    refused("SLACK_APP_TOKEN: must be an app-level token starting with xapp-", "SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xoxb-2");
    Settings http = read("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s");
    assertThat(http.slack()).get().satisfies(s -> assertThat(s.socketMode()).isFalse());
    assertThat(http.slack().get().apiUrl()).isEqualTo("https://slack.com/api/");
    Settings socket = read("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1", "SLACK_API_URL", "http://127.0.0.1:9/api");
    assertThat(socket.slack().get().socketMode()).isTrue();
    assertThat(socket.slack().get().apiUrl()).isEqualTo("http://127.0.0.1:9/api/");
    assertThat(socket.noPlatform()).isFalse();
  }

  @Test
  void durationsAndListsAreRead() {
    Settings s = read("CLAUDE500_TRIAGE_TIMEOUT", "90s", "CLAUDE500_STATUS_URL", " http://a.test , http://b.test ",
        "DISCORD_BOT_TOKEN", "t", "DISCORD_GUILD_IDS", "123, 456");
    assertThat(s.triageTimeout()).isEqualTo(Duration.ofSeconds(90));
    assertThat(s.statusUrls()).hasSize(2);
    assertThat(s.discord().get().guildIds()).isEqualTo(List.of("123", "456"));
  }

  @Test
  void discordShardsAreReadAndCheckedAtStart() {
    assertThat(read("DISCORD_BOT_TOKEN", "t").discord().get().shards()).isEmpty();
    assertThat(read("DISCORD_BOT_TOKEN", "t", "DISCORD_SHARDS", "0-1/4").discord().get().shards())
        .hasValueSatisfying(sh -> {
          assertThat(sh.ids()).containsExactly(0, 1);
          assertThat(sh.total()).isEqualTo(4);
        });
    refused("DISCORD_SHARDS: shard 4 is not one of 0 to 3 (of 4)", "DISCORD_BOT_TOKEN", "t", "DISCORD_SHARDS", "3-4/4");
    refused("DISCORD_SHARDS: must look like 0-1/4 (shards 0 and 1 of 4), got 'all'",
        "DISCORD_BOT_TOKEN", "t", "DISCORD_SHARDS", "all");
    refused("DISCORD_BOT_TOKEN: is required when DISCORD_SHARDS is set", "DISCORD_SHARDS", "0/2");
  }

  @Test
  void theWebhookTokenIsOffByDefaultAndALongPathWordWhenSet() {
    assertThat(read().webhookToken()).as("the endpoint is off").isEmpty();
    assertThat(read("CLAUDE500_WEBHOOK_TOKEN", " 3f9c2a71d04e58b6-Ab_9 ").webhookToken()).contains("3f9c2a71d04e58b6-Ab_9");
    refused("CLAUDE500_WEBHOOK_TOKEN: must be 16 to 128 characters, each a letter, digit, '-' or '_' (e.g. the output"
        + " of 'openssl rand -hex 24'); the value given (5 characters) is not", "CLAUDE500_WEBHOOK_TOKEN", "short");
    refused("CLAUDE500_WEBHOOK_TOKEN: must be 16 to 128 characters, each a letter, digit, '-' or '_' (e.g. the output"
        + " of 'openssl rand -hex 24'); the value given (20 characters) is not", "CLAUDE500_WEBHOOK_TOKEN",
        "has/slash?and#more.x");
    Settings on = read("CLAUDE500_WEBHOOK_TOKEN", "webhook-secret-0123456789");
    assertThat(on.secrets()).as("masked in logs").contains("webhook-secret-0123456789");
    assertThat(on.toString()).doesNotContain("webhook-secret-0123456789").contains("webhook=on");
    assertThat(Setting.CLAUDE500_WEBHOOK_TOKEN.secret()).isTrue();
  }

  @Test
  void secretsNeverShowInToString() {
    Settings s = read("SLACK_BOT_TOKEN", "xoxb-secret-token", "SLACK_SIGNING_SECRET", "shh-signing",
        "DISCORD_BOT_TOKEN", "discord-secret", "CLAUDE500_DB_PASSWORD", "pw-secret",
        "CLAUDE500_DB_URL", "jdbc:postgresql://db/x?password=inline-secret");
    assertThat(s.toString()).doesNotContain("xoxb-secret-token", "shh-signing", "discord-secret", "pw-secret", "inline-secret");
  }
}
