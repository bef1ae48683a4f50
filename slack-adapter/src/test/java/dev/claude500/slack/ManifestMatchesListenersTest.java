package dev.claude500.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.claude500.incidents.LinkPreviews;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code deploy/slack/manifest.yml} against what the started adapter registers with Bolt: no listener
 * without its manifest entry (slash command, interactivity, shortcut, event subscription, scope), and
 * no manifest entry without its listener. Whatever the adapter registers is checked.
 */
class ManifestMatchesListenersTest {
  /** The scope each bot event needs. */
  private static final Map<String, String> EVENT_SCOPES = Map.of(
      "message.channels", "channels:history",
      "message.groups", "groups:history",
      "message.im", "im:history",
      "message.mpim", "mpim:history",
      "link_shared", "links:read");
  /** Bot events that need no scope. */
  private static final Set<String> NO_SCOPE = Set.of("app_home_opened");

  private static SlackHarness h;
  private static Registrar.Registered registered;
  private static JsonNode manifest;

  @BeforeAll
  static void start() throws Exception {
    h = SlackHarness.running();
    registered = h.adapter.registered().orElseThrow();
    manifest = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(manifestPath()));
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  private static Path manifestPath() {
    for (Path p : List.of(Path.of("..", "deploy", "slack", "manifest.yml"), Path.of("deploy", "slack", "manifest.yml"))) {
      if (Files.exists(p)) {
        return p;
      }
    }
    throw new AssertionError("no deploy/slack/manifest.yml from " + Path.of("").toAbsolutePath());
  }

  @Test
  @DisplayName("every slash command in the manifest has a listener, and every command listener a manifest command")
  void slashCommands() {
    List<String> commands = texts(manifest.path("features").path("slash_commands"), "command");
    assertThat(commands).allSatisfy(c -> assertThat(registered.commands()).as("a listener for %s", c)
        .anySatisfy(p -> assertThat(p.matcher(c).matches()).isTrue()));
    assertThat(registered.commands()).allSatisfy(p -> assertThat(commands).as("a manifest command for %s", p)
        .anySatisfy(c -> assertThat(p.matcher(c).matches()).isTrue()));
    assertThat(scopes().contains("commands")).isEqualTo(!commands.isEmpty());
  }

  @Test
  @DisplayName("interactivity is on exactly when buttons or shortcuts have listeners")
  void interactivity() {
    boolean listened = !registered.blockActions().isEmpty() || !registered.messageShortcuts().isEmpty();
    JsonNode interactivity = manifest.path("settings").path("interactivity");
    assertThat(interactivity.path("is_enabled").asBoolean(false)).isEqualTo(listened);
    if (listened) {
      assertThat(interactivity.path("request_url").asText()).endsWith(SlackAdapter.EVENTS_PATH);
    }
  }

  @Test
  @DisplayName("the manifest's message shortcuts are exactly the ones with listeners, and none is global")
  void shortcuts() {
    List<String> message = new ArrayList<>();
    for (JsonNode s : manifest.path("features").path("shortcuts")) {
      assertThat(s.path("type").asText()).as("shortcut %s", s).isEqualTo("message");
      message.add(s.path("callback_id").asText());
    }
    assertThat(new TreeSet<>(message)).isEqualTo(new TreeSet<>(registered.messageShortcuts()));
  }

  @Test
  @DisplayName("the bot events subscribed are exactly the event types with listeners, each with its scope")
  void events() {
    List<String> events = texts(manifest.path("settings").path("event_subscriptions").path("bot_events"), null);
    Set<String> types = new TreeSet<>();
    events.forEach(e -> types.add(e.contains(".") ? e.substring(0, e.indexOf('.')) : e));
    assertThat(types).isEqualTo(new TreeSet<>(registered.eventTypes()));
    assertThat(events).filteredOn(e -> !NO_SCOPE.contains(e))
        .allSatisfy(e -> assertThat(scopes()).as("the scope of %s", e).contains(EVENT_SCOPES.get(e)));
    if (!events.isEmpty()) {
      assertThat(manifest.path("settings").path("event_subscriptions").path("request_url").asText())
          .endsWith(SlackAdapter.EVENTS_PATH);
    }
  }

  @Test
  @DisplayName("links unfurl on the status page's domain, with links:write, exactly when link_shared has a listener")
  void unfurls() {
    boolean unfurling = registered.eventTypes().contains("link_shared");
    List<String> domains = texts(manifest.path("features").path("unfurl_domains"), null);
    assertThat(domains).isEqualTo(unfurling ? List.of(LinkPreviews.host()) : List.of());
    assertThat(scopes().contains("links:write")).isEqualTo(unfurling);
  }

  @Test
  @DisplayName("the Home tab is on exactly when app_home_opened has a listener, and files:write lets stats upload its chart")
  void homeTab() {
    boolean listened = registered.eventTypes().contains("app_home_opened");
    assertThat(manifest.path("features").path("app_home").path("home_tab_enabled").asBoolean(false))
        .isEqualTo(listened);
    assertThat(scopes()).contains("files:write");
  }

  @Test
  @DisplayName("the check sees what is registered: the adapter's own listeners are there")
  void theRegistrationsAreRead() {
    assertThat(registered.commands()).extracting(Pattern::pattern).isNotEmpty();
    assertThat(registered.blockActions()).isNotEmpty();
    assertThat(registered.eventTypes()).contains("message", "link_shared");
  }

  private static List<String> scopes() {
    return texts(manifest.path("oauth_config").path("scopes").path("bot"), null);
  }

  /** Returns the texts of an array's items, or of one field of each. */
  private static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(field == null ? n.asText() : n.path(field).asText()));
    return out;
  }
}
