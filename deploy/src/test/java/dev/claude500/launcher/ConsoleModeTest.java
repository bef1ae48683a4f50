package dev.claude500.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.chat.ChannelRef;
import dev.claude500.incidents.IncidentWatcher;
import dev.claude500.store.JdbcStore;
import dev.claude500.store.Subscription;
import dev.claude500.testing.FakeStatusPage;
import dev.claude500.testing.Postgres;
import dev.claude500.testing.StatusFixtures;
import dev.claude500.testing.StatusPageHistory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

  @Test
  void aFullTriageByNumbersAndLabelsEndsResolved() {
    int status = run(env(), "/claude500\n1\nin every session, even a new one\n1\n");
    assertThat(status).isZero();
    assertThat(output())
        .startsWith(ConsoleMode.HINT)
        .contains("Which error did Claude Code print?")
        .contains("  1) API Error: 500 (internal server error)")
        .contains("The status page is green")
        .contains("First move: Run /status")
        .contains("Resolved: requests were going out on a route you did not intend");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void aPastedErrorAndAnEscalationWithAFencedPaste() {
    String input = String.join("\n",
        "/claude500 API Error: 500 {\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"Internal server error\"},\"request_id\":\"req_011CXmPAT8xd3GWgKxdq8TRC\"}",
        "2", "still-failing", "```", "Auth: Claude Max", "Model: opus", "```", "skip", "");
    assertThat(run(env(), input, "console")).isZero();
    assertThat(output())
        .contains("From the pasted line: 500 api_error, request req_011CXmPAT8xd3GWgKxdq8TRC")
        .contains("Start a fresh session")
        .contains("Escalation report")
        .contains("Auth: Claude Max\nModel: opus")
        .contains("Request id: req_011CXmPAT8xd3GWgKxdq8TRC");
  }

  @Test
  void statusHelpAndStrayLines() {
    assertThat(run(env(), "hello\n/claude500 status\n/claude500 help\n")).isZero();
    assertThat(output())
        .contains("No triage is open")
        .contains("Status page: 🟢 green")
        .contains("Claude Code: operational")
        .contains("/claude500 subscribe");
  }

  @Test
  void anUnreachablePageIsAskedFor() {
    Map<String, String> env = env();
    env.put("CLAUDE500_STATUS_URL", "http://127.0.0.1:1");
    assertThat(run(env, "/claude500 API Error: 500 Internal server error\n2\n2\n")).isZero();
    assertThat(output()).contains("could not read the status page").contains("Does it show an active incident")
        .contains("Start a fresh session");
  }

  @Test
  @DisplayName("A subscribed console gets incident posts, and a triage waiting on the incident continues when it resolves")
  void theIncidentWatcherSpeaksInTheConsole() throws Exception {
    Instant resolvedAt = Instant.parse("2026-04-15T17:42:57.229Z");
    page.servePage(StatusPageHistory.anthropic().at(StatusFixtures.RED_AT));
    Map<String, String> env = env();
    env.put("CLAUDE500_POLL_INTERVAL", "1");
    try (Live console = new Live(env)) {
      console.type("/claude500 subscribe");
      awaitOutput("Elevated errors on Claude.ai, API, Claude Code (critical impact, investigating)");
      console.type("/claude500 " + ERROR_500);
      awaitOutput("When the incident clears, retry the same failing path");
      assertThat(output()).contains("This channel already has a post following the incident");
      console.type("3");
      awaitOutput("Waiting for recovery");

      page.servePage(StatusPageHistory.anthropic().at(resolvedAt.plusSeconds(5)));
      awaitOutput("Retry the same failing path now: does it work?");
      assertThat(output()).contains("The incident Elevated errors on Claude.ai, API, Claude Code "
          + "(https://status.claude.com/incidents/" + StatusFixtures.RED_INCIDENT_ID + ") is resolved");
      console.type("1");
      awaitOutput("Resolved: the outage explained it all");
      assertThat(console.end()).isZero();
    }
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  @DisplayName("A console subscribed in an earlier run starts with its hint, then shows the open incident")
  void aSubscribedConsoleStartsWithItsHint() throws Exception {
    page.servePage(StatusPageHistory.anthropic().at(StatusFixtures.RED_AT));
    Map<String, String> env = env();
    env.put("CLAUDE500_POLL_INTERVAL", "1");
    try (JdbcStore earlier = JdbcStore.open(env.get("CLAUDE500_DB_URL"), null, null)) {
      earlier.subscriptions().save(new Subscription(new ChannelRef(ConsoleMode.PLATFORM, "console"), Set.of(),
          "console-user", Instant.now()));
    }
    try (Live console = new Live(env)) {
      awaitOutput("Elevated errors on Claude.ai, API, Claude Code (critical impact, investigating)");
      assertThat(console.end()).isZero();
    }
    assertThat(output()).startsWith(ConsoleMode.HINT)
        .contains("claude.ai: major outage; Claude Console (platform.claude.com): major outage");
  }

  @Test
  @DisplayName("A console on a PostgreSQL store leaves the incident watcher's lease to the service replicas")
  void aConsoleOnPostgresLeavesTheLeaseAlone() throws Exception {
    try (Postgres postgres = Postgres.requireOrSkip()) {
      Map<String, String> env = env();
      env.put("CLAUDE500_DB_URL", postgres.url());
      env.put("CLAUDE500_DB_USER", postgres.user());
      env.put("CLAUDE500_POLL_INTERVAL", "1");
      try (Live console = new Live(env)) {
        console.type("/claude500 status");
        awaitOutput("Status page: 🟢 green");
        Thread.sleep(1_500);
        try (JdbcStore store = JdbcStore.open(postgres.url(), postgres.user(), postgres.password())) {
          assertThat(store.leases().find(IncidentWatcher.LEASE)).isEmpty();
        }
        assertThat(console.end()).isZero();
      }
    }
  }

  /** Console mode running on a thread of its own, its input typed line by line. */
  private final class Live implements AutoCloseable {
    private final PipedOutputStream typing = new PipedOutputStream();
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final Future<Integer> status;

    Live(Map<String, String> env) throws IOException {
      PipedInputStream in = new PipedInputStream(typing);
      status = thread.submit(() -> Main.run(new String[] {"console"}, env, in,
          new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
    }

    void type(String line) throws IOException {
      typing.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      typing.flush();
    }

    /** Ends the input and returns the exit status. */
    int end() throws Exception {
      typing.close();
      return status.get(20, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
      thread.shutdownNow();
    }
  }

  private void awaitOutput(String expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!output().contains(expected) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(output()).contains(expected);
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
