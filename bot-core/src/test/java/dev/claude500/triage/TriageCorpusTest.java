package dev.claude500.triage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.chat.Reply;
import dev.claude500.chat.Text;
import dev.claude500.errors.ErrorTextParser;
import dev.claude500.errors.ParsedError;
import dev.claude500.playbook.PlaybookLoader;
import dev.claude500.playbook.Step;
import dev.claude500.testing.Corpora;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Walks every entry of the corpora of real typed replies and real pasted errors (collected from
 * public reports, labelled before the bot read them; see {@code corpus/README.md}) through the real
 * engine and compares what it did with the label. Each corpus must be understood at 95 % or more;
 * the misses are listed, and the hit rates written to {@code target/corpus-hit-rates.txt} for the
 * README.
 */
@DisplayName("the corpora of real replies and pastes")
class TriageCorpusTest {
  private static final double REQUIRED = 0.95;
  private static final Set<String> SERVER_SIDE = Set.of("INTERNAL", "SERVER");

  @Test
  @DisplayName("typed replies answer the question they were written for")
  void typedReplies() throws IOException {
    List<Corpora.TypedReply> replies = Corpora.typedReplies();
    assertThat(replies).hasSizeGreaterThanOrEqualTo(80);
    List<String> misses = new ArrayList<>();
    for (Corpora.TypedReply r : replies) {
      String got = replyOutcome(r.step(), r.text());
      if (!r.expected().equals(got) && !(r.expected().contains("|") && got.startsWith("?"))) {
        misses.add(r.step() + " | " + r.text() + " | expected " + r.expected() + ", got " + got + " | " + r.source());
      }
    }
    double rate = report("typed replies", replies.size(), misses);
    assertThat(rate).as("replies understood:\n" + String.join("\n", misses)).isGreaterThanOrEqualTo(REQUIRED);
  }

  @Test
  @DisplayName("pasted errors are read with their kind, status and request id, and land on their branch")
  void pastedErrors() throws IOException {
    List<Corpora.Paste> pastes = Corpora.pastes();
    assertThat(pastes).hasSizeGreaterThanOrEqualTo(50);
    List<String> parseMisses = new ArrayList<>();
    List<String> routeMisses = new ArrayList<>();
    for (Corpora.Paste p : pastes) {
      String parsed = parsed(p.text());
      String wanted = p.kind() + " " + p.status().map(String::valueOf).orElse("-") + " " + p.requestId().orElse("-");
      if (!parsed.equals(wanted)) {
        parseMisses.add("expected " + wanted + ", got " + parsed + " | " + p.source());
      }
      String landed = landing(TriageEngineTest.green(), p.text());
      String onRed = SERVER_SIDE.contains(p.kind()) ? landing(TriageEngineTest.red(), p.text()) : "live incident";
      if (!landed.equals(p.branch()) || !onRed.equals("live incident")) {
        routeMisses.add("expected " + p.branch() + ", got " + landed + " (red page: " + onRed + ") | " + p.source());
      }
    }
    double read = report("pasted errors, read", pastes.size(), parseMisses);
    double routed = report("pasted errors, routed", pastes.size(), routeMisses);
    assertThat(read).as("pastes read right:\n" + String.join("\n", parseMisses)).isGreaterThanOrEqualTo(REQUIRED);
    assertThat(routed).as("pastes routed right:\n" + String.join("\n", routeMisses)).isGreaterThanOrEqualTo(REQUIRED);
  }

  /** Returns what the engine made of a reply at a step: a choice's value, "none", or "?a|b" for a "Did you mean". */
  private static String replyOutcome(String step, String text) {
    TriageHarness h = at(step);
    TriageResult r = h.say(text);
    if (r.disposition() == Disposition.NOT_UNDERSTOOD) {
      return "none";
    }
    if (r.replies().size() == 1 && r.replies().get(0) instanceof Reply.Question q
        && q.text().toPlainString().startsWith("Did you mean")) {
      return "?" + String.join("|", q.choices().stream().map(c -> c.value()).toList());
    }
    ConversationState state = ConversationState.fromJson(h.store.conversations().find(h.key).orElseThrow().state());
    Step.Question question = (Step.Question) PlaybookLoader.builtIn().require(step);
    return state.answers.stream()
        .filter(a -> a.stepId().equals(step) && !a.automatic())
        .reduce((a, b) -> b)
        .flatMap(a -> question.choices().stream().filter(c -> c.label().equals(a.answer())).findFirst())
        .map(Step.Answer::value)
        .orElse("unrecorded: " + r.disposition());
  }

  private static String parsed(String text) {
    Optional<ParsedError> e = ErrorTextParser.parse(text);
    if (e.isEmpty()) {
      return "nothing";
    }
    return e.get().kind().name() + " " + e.get().httpStatus().map(String::valueOf).orElse("-") + " "
        + e.get().requestId().orElse("-");
  }

  /**
   * Returns where a triage started with the paste lands: its branch, or "ask" when it asks where the
   * 500 shows up, or what else it asks. More than one question before a branch is a miss.
   */
  private static String landing(TriageHarness h, String paste) {
    h.start(paste);
    TriageView v = h.view();
    if (v.branch().isPresent()) {
      return v.questionsToFirstMove().orElse(99) <= 0 ? v.branch().get() : v.branch().get() + " after questions";
    }
    if (h.pending instanceof Reply.Question q && q.token().startsWith("where@")) {
      return "ask";
    }
    return "asks: " + (h.pending == null ? "nothing" : Text.plain(h.pendingText()).toPlainString());
  }

  /** Writes a corpus's hit rate and misses under target/ and returns the rate. */
  private static double report(String corpus, int size, List<String> misses) throws IOException {
    double rate = (size - misses.size()) / (double) size;
    String line = String.format("%s: %d of %d (%.1f %%)", corpus, size - misses.size(), size, rate * 100);
    Path out = Path.of("target", "corpus-hit-rates.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, line + "\n" + String.join("\n", misses.stream().map(m -> "  miss: " + m).toList()) + "\n",
        StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    return rate;
  }

  /** Returns a triage waiting at a question of the built-in playbook. */
  static TriageHarness at(String step) {
    switch (step) {
      case "which-error":
        return started(TriageEngineTest.green());
      case "ask-status":
        return started(TriageEngineTest.unreachable(), "500");
      case "ask-status-auth":
        return started(TriageEngineTest.unreachable(), "401");
      case "where":
        return started(TriageEngineTest.green(), "500");
      case "incident-check":
        return started(TriageEngineTest.red(), "500");
      case "incident-recovered": {
        TriageHarness h = started(TriageEngineTest.red(), "500", "waiting");
        h.resumed(h.engine.resume(h.key, Text.plain("The incident is resolved.")));
        return h;
      }
      case "login-check":
        return started(TriageEngineTest.green(), "500", "login");
      case "session-check":
        return started(TriageEngineTest.green(), "500", "resumed");
      case "route-check":
        return started(TriageEngineTest.green(), "500", "route");
      case "overloaded-check":
        return started(TriageEngineTest.green(), "529");
      default:
        throw new IllegalArgumentException("no way to reach step " + step);
    }
  }

  private static TriageHarness started(TriageHarness h, String... clicks) {
    h.start("");
    for (String value : clicks) {
      h.click(value);
    }
    return h;
  }
}
