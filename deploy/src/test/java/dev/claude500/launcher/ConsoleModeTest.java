package dev.claude500.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.chat.ChannelRef;
import dev.claude500.commands.Filters;
import dev.claude500.commands.Subscription;
import dev.claude500.incidents.IncidentWatcher;
import dev.claude500.store.JdbcStore;
import dev.claude500.testing.FakeStatusPage;
import dev.claude500.testing.JdbcStores;
import dev.claude500.testing.Postgres;
import dev.claude500.testing.StatusFixtures;
import dev.claude500.testing.StatusPageHistory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConsoleModeTest {
  private static final String ERROR_500 = "API Error: 500 {\"type\":\"error\",\"error\":{\"type\":\"api_error\","
      + "\"message\":\"Internal server error\"},\"request_id\":\"req_011CXmPAT8xd3GWgKxdq8TRC\"}";

  private FakeStatusPage page;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void startPage() throws Exception {
    page = FakeStatusPage.start();
    page.serveSummary(FakeStatusPage.Response.json(StatusFixtures.greenSummaryJson()));
  }

  @AfterEach
  void stopPage() {
    page.close();
  }

  private Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("CLAUDE500_DB_URL", "jdbc:h2:mem:console-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    env.put("CLAUDE500_STATUS_URL", page.baseUrl().toString());
    return env;
  }

  private int run(Map<String, String> env, String input, String... args) {
    return Main.run(args, env, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String output() {
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * Runs console mode on {@code typed}, each its own arrival read as its own input (no window):
   * for lines the console answers with silence, which a person could not wait on.
   */
  private String converse(Map<String, String> env, String... typed) throws IOException {
    Keyboard keyboard = new Keyboard();
    for (String line : typed) {
      keyboard.write(line + "\n");
    }
    keyboard.close();
    try (Core core = Core.build(Settings.fromEnvironment(env), Clock.systemUTC())) {
      core.startStatusPolling();
      ConsoleMode console = new ConsoleMode(core.engine, core.commands, core.outbox, new PrintStream(out, true, StandardCharsets.UTF_8));
      console.run(ConsoleInput.start(keyboard, Duration.ZERO));
    }
    return output();
  }

  @Test
  void aFullTriageByNumbersAndLabelsEndsResolved() throws Exception {
    try (LiveConsole console = LiveConsole.console(env())) {
      console.type("/claude500", "Which error did Claude Code print?");
      console.type("1", "Where does the 500 show up?");
      console.type("in every session, even a new one", "After fixing the route or credentials, does the same request work?");
      console.type("1", "Resolved: requests were going out on a route you did not intend");
      assertThat(console.end()).isZero();
      assertThat(console.output())
          .startsWith(ConsoleMode.HINT)
          .contains("  1) API Error: 500 (internal server error)")
          .contains("The status page is green")
          .contains("First move: Run /status");
      assertThat(console.errors()).isEmpty();
    }
  }

  @Test
  @DisplayName("A multi-line paste in one write is one input: a /claude500 command with the pasted error; the next line answers")
  void aMultiLinePasteIsOneInput() throws Exception {
    try (LiveConsole console = LiveConsole.console(env())) {
      console.paste("/claude500 here is the error:\n" + ERROR_500 + "\nRequest ID: req_011CXmPAT8xd3GWgKxdq8TRC\n",
          "Where does the 500 show up?");
      assertThat(console.output()).containsOnlyOnce("Claude Code 500 triage started.")
          .contains("From the pasted line: 500 api_error, request req_011CXmPAT8xd3GWgKxdq8TRC")
          .doesNotContain("Which error did Claude Code print?").doesNotContain("Please pick one");
      console.type("2", "Did the same task work in a fresh session?");
      assertThat(console.end()).as("end of input with the triage open").isZero();
      assertThat(console.errors()).isEmpty();
    }
  }

  @Test
  @DisplayName("A paste over 500 lines is read up to its bound and says the rest was dropped")
  void anOverlongPasteIsCut() throws Exception {
    try (LiveConsole console = LiveConsole.console(env())) {
      console.paste("/claude500 " + ERROR_500 + "\n" + "  at frame of a long trace\n".repeat(ConsoleInput.MAX_LINES + 50),
          "Where does the 500 show up?");
      assertThat(console.output()).containsOnlyOnce(ConsoleMode.CUT)
          .containsOnlyOnce("Claude Code 500 triage started.");
      console.type("/claude500 status", "Status page: 🟢 green");
      assertThat(console.end()).isZero();
    }
  }

  @Test
  @DisplayName("A pasted error, then an escalation whose /status output is pasted in a ``` fence")
  void aPastedErrorAndAnEscalationWithAFencedPaste() throws Exception {
    try (LiveConsole console = LiveConsole.console(env())) {
      console.type("/claude500 " + ERROR_500, "Where does the 500 show up?");
      console.type("2", "Did the same task work in a fresh session?");
      console.type("still-failing", "Run /status in Claude Code and paste what it shows");
      console.paste("```\nAuth: Claude Max\nModel: opus\n```\n", "Last one: paste the /debug output");
      console.type("skip", "Escalation report");
      assertThat(console.end()).isZero();
      assertThat(console.output())
          .contains("From the pasted line: 500 api_error, request req_011CXmPAT8xd3GWgKxdq8TRC")
          .contains("Start a fresh session")
          .contains("Auth: Claude Max\nModel: opus")
          .contains("Request id: req_011CXmPAT8xd3GWgKxdq8TRC");
    }
  }

  @Test
  @DisplayName("A fenced block typed line by line, each line its own input, is one answer")
  void aFencedBlockTypedLineByLine() throws Exception {
    String printed = converse(env(), "/claude500 " + ERROR_500, "2", "still-failing", "```", "Auth: Claude Max",
        "", "Model: opus", "```", "skip");
    assertThat(printed)
        .contains("Escalation report")
        .contains("/status output:\nAuth: Claude Max\n\nModel: opus\n")
        .doesNotContain("Please paste the text");
  }

  @Test
  @DisplayName("A failing standard input ends the console with one line saying so, after what was read before")
  void aReadFailureEndsTheConsoleWithAMessage() {
    Keyboard keyboard = new Keyboard();
    keyboard.write("/claude500 status\n");
    keyboard.fail(new IOException("Input/output error"));
    int status = Main.run(new String[] {"console"}, env(), keyboard,
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(status).isZero();
    assertThat(output()).contains("Status page: 🟢 green");
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("claude500: reading standard input failed, so the console ends: Input/output error"
            + System.lineSeparator());
  }

  @Test
  void statusHelpAndStrayLines() throws Exception {
    try (LiveConsole console = new LiveConsole(env())) {
      console.type("hello", "No triage is open");
      console.type("/claude500 status", "Claude Code: operational");
      assertThat(console.output()).contains("Status page: 🟢 green");
      console.type("/claude500 help", "/claude500 subscribe");
      assertThat(console.end()).isZero();
    }
  }

  @Test
  void anUnreachablePageIsAskedFor() throws Exception {
    Map<String, String> env = env();
    env.put("CLAUDE500_STATUS_URL", "http://127.0.0.1:1");
    try (LiveConsole console = new LiveConsole(env)) {
      console.type("/claude500 API Error: 500 Internal server error", "Does it show an active incident");
      assertThat(console.output()).contains("could not read the status page");
      console.type("2", "Where does the 500 show up?");
      console.type("2", "Start a fresh session");
      assertThat(console.end()).isZero();
    }
  }

  @Test
  @DisplayName("A subscribed console gets incident posts, and a triage waiting on the incident continues when it resolves")
  void theIncidentWatcherSpeaksInTheConsole() throws Exception {
    Instant resolvedAt = Instant.parse("2026-04-15T17:42:57.229Z");
    page.servePage(StatusPageHistory.anthropic().at(StatusFixtures.RED_AT));
    Map<String, String> env = env();
    env.put("CLAUDE500_POLL_INTERVAL", "1");
    try (LiveConsole console = LiveConsole.console(env)) {
      console.type("/claude500 subscribe", "Subscribed");
      console.await("Elevated errors on Claude.ai, API, Claude Code (critical impact, investigating)");
      console.type("/claude500 " + ERROR_500, "When the incident clears, retry the same failing path");
      assertThat(console.output()).contains("This channel already has a post following the incident");
      console.type("3", "Waiting for recovery");

      page.servePage(StatusPageHistory.anthropic().at(resolvedAt.plusSeconds(5)));
      console.await("Retry the same failing path now: does it work?");
      assertThat(console.output()).contains("The incident Elevated errors on Claude.ai, API, Claude Code "
          + "(https://status.claude.com/incidents/" + StatusFixtures.RED_INCIDENT_ID + ") is resolved");
      console.type("1", "Resolved: the outage explained it all");
      assertThat(console.end()).isZero();
      assertThat(console.errors()).isEmpty();
    }
  }

  @Test
  @DisplayName("A console subscribed in an earlier run starts with its hint, then shows the open incident")
  void aSubscribedConsoleStartsWithItsHint() throws Exception {
    page.servePage(StatusPageHistory.anthropic().at(StatusFixtures.RED_AT));
    Map<String, String> env = env();
    env.put("CLAUDE500_POLL_INTERVAL", "1");
    try (JdbcStore earlier = JdbcStores.open(env.get("CLAUDE500_DB_URL"), null, null)) {
      earlier.subscriptions().save(new Subscription(new ChannelRef(ConsoleMode.PLATFORM, "console"), Set.of(),
          "console-user", Instant.now(), Filters.DEFAULT));
    }
    try (LiveConsole console = LiveConsole.console(env)) {
      console.await("Elevated errors on Claude.ai, API, Claude Code (critical impact, investigating)");
      assertThat(console.end()).isZero();
      assertThat(console.output()).startsWith(ConsoleMode.HINT)
          .contains("claude.ai: major outage; Claude Console (platform.claude.com): major outage");
    }
  }

  @Test
  @DisplayName("A console on a PostgreSQL store leaves the incident watcher's lease to the service replicas")
  void aConsoleOnPostgresLeavesTheLeaseAlone() throws Exception {
    try (Postgres postgres = Postgres.requireOrSkip()) {
      Map<String, String> env = env();
      env.put("CLAUDE500_DB_URL", postgres.url());
      env.put("CLAUDE500_DB_USER", postgres.user());
      env.put("CLAUDE500_POLL_INTERVAL", "1");
      try (LiveConsole console = LiveConsole.console(env)) {
        console.type("/claude500 status", "Status page: 🟢 green");
        Thread.sleep(1_500);
        try (JdbcStore store = JdbcStores.open(postgres.url(), postgres.user(), postgres.password())) {
          assertThat(store.leases().find(IncidentWatcher.LEASE)).isEmpty();
        }
        assertThat(console.end()).isZero();
      }
    }
  }

  @Test
  void aBadSettingStopsStartWithOneLineNamingIt() {
    Map<String, String> env = env();
    env.put("CLAUDE500_POLL_INTERVAL", "often");
    assertThat(run(env, "")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8).strip())
        .isEqualTo("claude500: CLAUDE500_POLL_INTERVAL: must be a whole number, got 'often'");
  }

  @Test
  void anUnreachableStoreStopsStartWithOneLine() {
    Map<String, String> env = env();
    env.put("CLAUDE500_DB_URL", "jdbc:postgresql://127.0.0.1:1/none");
    assertThat(run(env, "")).isEqualTo(1);
    String e = err.toString(StandardCharsets.UTF_8);
    assertThat(e.lines().count()).isEqualTo(1);
    assertThat(e).startsWith("claude500: CLAUDE500_DB_URL: ");
  }

  @Test
  void helpListsEverySetting() {
    assertThat(run(Map.of(), "", "--help")).isZero();
    for (Setting s : Setting.values()) {
      assertThat(output()).contains(s.name());
    }
  }
}
