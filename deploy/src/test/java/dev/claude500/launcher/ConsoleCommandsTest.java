package dev.claude500.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.testing.FakeStatusPage;
import dev.claude500.testing.StatusFixtures;
import dev.claude500.testing.StatusPageHistory;
import dev.claude500.testing.SubcommandExamples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The console answers every subcommand, in its own words, and says what becomes of a triage it leaves. */
class ConsoleCommandsTest {
  private static final String ERROR_500 = SubcommandExamples.ERROR_500;
  /** How the console names a triage started with {@link #ERROR_500}, up to its time. */
  private static final String LABEL = "Claude Code 500 triage of ";
  private static final String LEFT_OPEN = " is left open: it closes itself after 60 min without an answer.";
  /** The pattern of the name of a triage started with {@link #ERROR_500}: its time and the start of the line. */
  private static final String NAMED_BY_ERROR_500 =
      Pattern.quote(LABEL) + "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC \\(“"
      + Pattern.quote("API Error: 500 {\"type\":\"error\"") + "[^”]*…”\\)";

  @AutoClose
  private final FakeStatusPage page = FakeStatusPage.start();

  ConsoleCommandsTest() {
    page.serveSummary(FakeStatusPage.Response.json(StatusFixtures.greenSummaryJson()));
  }

  private Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("CLAUDE500_DB_URL", "jdbc:h2:mem:commands-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    env.put("CLAUDE500_STATUS_URL", page.baseUrl().toString());
    return env;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.claude500.testing.SubcommandExamples#all")
  @DisplayName("Every subcommand typed in the console is answered")
  void everySubcommandIsAnswered(SubcommandExamples.Example example) throws Exception {
    try (LiveConsole console = LiveConsole.console(env())) {
      console.await(ConsoleMode.HINT);
      console.type("/claude500 " + example.typed(), example.shows().get(0));
      example.shows().forEach(console::await);
      assertThat(console.end()).isZero();
      assertThat(console.errors()).isEmpty();
    }
  }

  @Test
  @DisplayName("Help in the console speaks of the console: no buttons, threads or answers only you see")
  void helpSpeaksOfTheConsole() throws Exception {
    try (LiveConsole console = LiveConsole.console(env())) {
      console.type("/claude500 help", "/claude500 help");
      assertThat(console.end()).isZero();
      assertThat(console.output().substring(ConsoleMode.HINT.length()))
          .contains("/claude500 start a triage here; answer with a choice's number or label, or in your own words")
          .doesNotContainIgnoringCase("button").doesNotContainIgnoringCase("thread")
          .doesNotContain("only you see it").doesNotContain("this channel");
    }
  }

  @Test
  @DisplayName("A triage of another playbook starts with that playbook's own title")
  void aPlaybookStartsWithItsOwnTitle(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("vpn.json"), "{\"id\":\"vpn\",\"title\":\"Office VPN drops\",\"start\":\"q\",\"steps\":["
        + "{\"id\":\"q\",\"type\":\"question\",\"text\":\"Is the VPN client connected?\",\"choices\":["
        + "{\"value\":\"yes\",\"label\":\"Yes\",\"next\":\"done\"},{\"value\":\"no\",\"label\":\"No\",\"next\":\"done\"}]},"
        + "{\"id\":\"done\",\"type\":\"outcome\",\"result\":\"resolved\",\"text\":\"Done.\"}]}");
    Map<String, String> env = env();
    env.put("CLAUDE500_PLAYBOOK_DIR", dir.toString());
    try (LiveConsole console = LiveConsole.console(env)) {
      console.type("/claude500 playbooks", "vpn: Office VPN drops");
      console.type("/claude500 playbook vpn", "Is the VPN client connected?");
      assertThat(console.end()).isZero();
      assertThat(console.output()).contains("Office VPN drops triage started.\n")
          .doesNotContain("Claude Code 500 triage started");
    }
  }

  @Test
  @DisplayName("A new /claude500 while a triage is open says the open one is left open, and answers go to the new one")
  void aNewTriageSaysTheOpenOneIsLeftOpen() throws Exception {
    try (LiveConsole console = LiveConsole.console(env())) {
      console.type("/claude500 " + ERROR_500, "Where does the 500 show up?");
      console.type("/claude500", "Which error did Claude Code print?");
      console.type("1", "Where does the 500 show up?");
      assertThat(console.end()).isZero();
      String out = console.output();
      assertThat(out).containsPattern(NAMED_BY_ERROR_500 + Pattern.quote(LEFT_OPEN
          + "\n\nClaude Code 500 triage started.\n\nWhich error did Claude Code print?"));
      assertThat(out.split(Pattern.quote(LEFT_OPEN), -1)).as("said when the second started and at the end")
          .hasSize(3);
      assertThat(out.substring(out.lastIndexOf("Which error did Claude Code print?")))
          .as("the answer went to the new triage").contains("The status page is green");
    }
  }

  @Test
  @DisplayName("Ending input with a triage open says it is left open; with none open, nothing more")
  void endingInputSaysWhatIsLeftOpen() throws Exception {
    try (LiveConsole console = LiveConsole.console(env())) {
      console.type("/claude500 API Error: 500 Internal server error", "Where does the 500 show up?");
      assertThat(console.end()).isZero();
      assertThat(console.output().strip()).startsWith(ConsoleMode.HINT)
          .endsWith("(“API Error: 500 Internal server error”)" + LEFT_OPEN).contains("\n\nThe " + LABEL);
    }
    try (LiveConsole console = LiveConsole.console(env())) {
      console.type("/claude500 status", "Status page: 🟢 green");
      assertThat(console.end()).isZero();
      assertThat(console.output()).doesNotContain(LEFT_OPEN);
    }
  }

  @Test
  @DisplayName("An earlier session's waiting triage is followed up beside the open one, each named so they are told apart")
  void aFollowUpSaysWhichTriageItIsAbout() throws Exception {
    page.servePage(StatusPageHistory.anthropic().at(StatusFixtures.RED_AT));
    Map<String, String> env = env();
    env.put("CLAUDE500_POLL_INTERVAL", "1");
    try (LiveConsole earlier = LiveConsole.console(env)) {
      earlier.type("/claude500 " + ERROR_500, "When the incident clears, retry the same failing path");
      earlier.type("3", "Waiting for recovery");
      assertThat(earlier.end()).isZero();
      assertThat(earlier.output()).as("a waiting triage is not left open").doesNotContain(LEFT_OPEN);
    }
    try (LiveConsole console = LiveConsole.console(env)) {
      console.type("/claude500 API Error: 500 Internal server error", "When the incident clears, retry the same failing path");
      page.servePage(StatusPageHistory.anthropic().at(Instant.parse("2026-04-15T17:43:02Z")));
      console.await("Retry the same failing path now: does it work?");
      console.type("1", "Resolved: the outage explained it all");
      assertThat(console.end()).isZero();
      String out = console.output();
      String earlier = Pattern.quote("[") + NAMED_BY_ERROR_500 + Pattern.quote("] ");
      assertThat(out).containsPattern(earlier + Pattern.quote("The incident Elevated errors on Claude.ai, API, Claude Code"))
          .containsPattern(earlier + Pattern.quote("The incident is resolved. Retry the same failing path now"))
          .contains("(“API Error: 500 Internal server error”)" + LEFT_OPEN);
      assertThat(out.indexOf("(“API Error: 500 Internal server error”)" + LEFT_OPEN))
          .as("the open triage is said to be left open before the question that takes over")
          .isLessThan(out.indexOf("Retry the same failing path now: does it work?"));
    }
  }

  @Test
  @DisplayName("stats in the console prints the table and writes the chart to a PNG file whose path it prints")
  void statsWritesTheChart() throws Exception {
    try (LiveConsole console = LiveConsole.console(env())) {
      console.await(ConsoleMode.HINT);
      console.type("/claude500 stats", "Chart: ");
      console.type("/claude500 stats 1y", "I do not know 1y");
      assertThat(console.end()).isZero();
      String out = console.output();
      assertThat(out).contains("Team stats, last 30 days", "No triages in the last 30 days",
          "Incident minutes on the status page:", "7d, 30d or 90d");
      var m = Pattern.compile("Chart: (\\S+\\.png)").matcher(out);
      assertThat(m.find()).isTrue();
      Path png = Path.of(m.group(1));
      try {
        assertThat(Files.readAllBytes(png)).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
      } finally {
        Files.deleteIfExists(png);
      }
    }
  }
}
