package dev.claude500.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.slack.SlackAdapter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Slack manifest asks for what the adapter uses, at the path it serves. */
class SlackManifestTest {
  private static List<String> manifest() throws Exception {
    Path p = Path.of("slack", "manifest.yml");
    return Files.readAllLines(Files.exists(p) ? p : Path.of("deploy", "slack", "manifest.yml"));
  }

  @Test
  void everyRequestUrlIsTheEventsPath() throws Exception {
    List<String> urls = manifest().stream().map(String::strip)
        .filter(l -> l.startsWith("url:") || l.startsWith("request_url:")).toList();
    assertThat(urls).hasSize(3).allSatisfy(l -> assertThat(l).endsWith(SlackAdapter.EVENTS_PATH));
  }

  @Test
  void theCommandScopesEventsAndInteractivityAreThere() throws Exception {
    List<String> lines = manifest().stream().map(String::strip).toList();
    assertThat(lines).contains("- command: /claude500", "- commands", "- chat:write", "- channels:history",
        "- groups:history", "- files:read", "- users:read", "- message.channels", "- message.groups",
        "is_enabled: true", "socket_mode_enabled: false");
  }

  @Test
  void theMessageShortcutIsThereWithItsFixedCallbackId() throws Exception {
    List<String> lines = manifest().stream().map(String::strip).toList();
    assertThat(lines).contains("shortcuts:", "type: message", "callback_id: claude500_triage_message");
  }
}
