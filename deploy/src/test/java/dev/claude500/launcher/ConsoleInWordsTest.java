package dev.claude500.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.testing.FakeStatusPage;
import dev.claude500.testing.StatusFixtures;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Console: a pasted multi-line error and answers in words reach every branch")
class ConsoleInWordsTest {
  /** A paste as people make it: a line of their own, the error over two lines, its request id below. */
  private static final String PASTE = "/claude500 claude code died on me:\n"
      + "  ⎿  API Error: 500 {\"type\":\"error\",\"error\":{\"type\":\"api_error\",\n"
      + "     \"message\":\"Internal server error\"},\"request_id\":\"req_011CXmPAT8xd3GWgKxdq8TRC\"}\n";

  @AutoClose
  private final FakeStatusPage page = green();

  private static FakeStatusPage green() {
    FakeStatusPage page = FakeStatusPage.start();
    page.serveSummary(FakeStatusPage.Response.json(StatusFixtures.greenSummaryJson()));
    return page;
  }

  private Map<String, String> env() {
    return env(page.baseUrl().toString());
  }

  private static Map<String, String> env(String statusUrl) {
    return Map.of("CLAUDE500_DB_URL", "jdbc:h2:mem:words-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
        "CLAUDE500_STATUS_URL", statusUrl);
  }

  @ParameterizedTest(name = "\"{0}\" reaches: {1}")
  @CsvSource(delimiter = '|', value = {
      "when I log in | The 500 comes from signing in",
      "only in a session I resumed with --continue | One resumed session keeps failing",
      "we go through a LiteLLM proxy | Check which route your requests really take",
      "even in a brand new session | Check which route your requests really take",
  })
  void aPasteThenWordsReachTheBranch(String where, String firstMove) throws Exception {
    try (LiveConsole console = LiveConsole.console(env())) {
      console.paste(PASTE, "Where does the 500 show up?");
      assertThat(console.output()).contains("From the pasted line: 500 api_error, request req_011CXmPAT8xd3GWgKxdq8TRC")
          .doesNotContain("Which error did Claude Code print?");
      console.type(where, firstMove);
      assertThat(console.end()).isZero();
    }
  }

  @Test
  void aSentenceOnTheCommandLineGoesStraightToItsBranchAndWordsFinishIt() throws Exception {
    try (LiveConsole console = LiveConsole.console(env())) {
      console.type("/claude500 API Error: 500 every time I run /login since this morning",
          "You mentioned /login, so this is the login / OAuth branch.");
      console.await("Wrong branch? Pick another");
      console.type("nope, same error", "Run /status in Claude Code"); // the error line is known already
      console.type("skip", "paste the /debug output");
      assertThat(console.end()).isZero();
    }
  }

  @Test
  void theIncidentBranchFromWordsWhenThePageCannotBeRead() throws Exception {
    try (LiveConsole console = LiveConsole.console(env("http://127.0.0.1:1"))) {
      console.type("/claude500", "Which error did Claude Code print?");
      console.type("the 500 one", "Does it show an active incident");
      console.type("yes, there's an incident open", "Live incident on the status page");
      console.type("still waiting on them", "Waiting for recovery");
      assertThat(console.end()).isZero();
    }
  }
}
