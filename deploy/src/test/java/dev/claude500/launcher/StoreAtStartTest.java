package dev.claude500.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import dev.claude500.testing.DiskFaults;
import dev.claude500.testing.JdbcStores;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A store that cannot be opened stops start-up, in service mode as in console mode: one line on
 * standard error naming CLAUDE500_DB_URL and what is wrong, exit status 1, nothing else started.
 */
@DisplayName("A store that cannot be opened at start: one line naming CLAUDE500_DB_URL, exit status 1")
class StoreAtStartTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @AfterEach
  void resetLogging() {
    ((LoggerContext) LoggerFactory.getILoggerFactory()).reset();
  }

  private int run(Map<String, String> env) {
    return Main.run(new String[0], env, new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  /** Slack in HTTP mode on a free port: the service would start, were it not for the store. */
  static Map<String, String> slackService(String dbUrl) {
    Map<String, String> env = new HashMap<>();
    env.put("CLAUDE500_DB_URL", dbUrl);
    env.put("CLAUDE500_HTTP_PORT", "0");
    env.put("CLAUDE500_STATUS_URL", "http://127.0.0.1:1");
    env.put("SLACK_BOT_TOKEN", "xoxb-store-at-start");
    env.put("SLACK_SIGNING_SECRET", "store-at-start-secret");
    env.put("SLACK_API_URL", "http://127.0.0.1:1/api/");
    return env;
  }

  @Test
  void anUnreachablePostgresStopsTheServiceWithOneLineAndItsPasswordMasked() {
    Map<String, String> env = slackService("jdbc:postgresql://127.0.0.1:1/claude500?password=hunter2");
    env.put("CLAUDE500_DB_PASSWORD", "also-secret");

    assertThat(run(env)).isEqualTo(1);

    assertThat(err.toString(StandardCharsets.UTF_8)).hasLineCount(1)
        .startsWith("claude500: CLAUDE500_DB_URL: cannot connect to the store at "
            + "jdbc:postgresql://127.0.0.1:1/claude500?password=***: ")
        .doesNotContain("hunter2", "also-secret", "Exception", "\tat ");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void anH2FileThatCannotBeCreatedStopsTheServiceWithOneLine() {
    assertThat(run(slackService("jdbc:h2:file:/proc/claude500/none/db"))).isEqualTo(1);

    assertThat(err.toString(StandardCharsets.UTF_8)).hasLineCount(1)
        .startsWith("claude500: CLAUDE500_DB_URL: cannot connect to the store at jdbc:h2:file:/proc/claude500/none/db: ");
  }

  @Test
  @SuppressWarnings("try") // the resource is the fault: held, not used
  void anH2FileThatCannotBeWrittenStopsTheServiceWithOneLine() {
    Path dir = Paths.get("target", "start-readonly-" + UUID.randomUUID()).toAbsolutePath();
    DiskFaults.requireImmutableFiles(dir);
    String url = "jdbc:h2:file:" + dir.resolve("claude500");
    JdbcStores.open(url, null, null).close();

    try (DiskFaults.Immutable files = DiskFaults.immutable(dir)) {
      assertThat(run(slackService(url))).isEqualTo(1);
    }

    assertThat(err.toString(StandardCharsets.UTF_8)).hasLineCount(1)
        .startsWith("claude500: CLAUDE500_DB_URL: cannot connect to the store at " + url + ": ")
        .contains("can be read but not written");
  }
}
