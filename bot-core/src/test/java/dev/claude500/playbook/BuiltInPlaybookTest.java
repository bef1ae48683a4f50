package dev.claude500.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.errors.ErrorKind;
import dev.claude500.triage.EvidenceKeys;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The built-in playbook against the guide it encodes (the troubleshooting guide of Claude Code's API Error 500):
 * every branch of its route board, the 500/529 split, a same-path check after every first move,
 * the escalation checklist, the exits to other problems, and texts written afresh.
 */
class BuiltInPlaybookTest {
  private static final Playbook BUILT_IN = PlaybookLoader.builtIn();

  private static Step.Advice advice(String branch) {
    return BUILT_IN.stepList().stream()
        .filter(s -> s instanceof Step.Advice a && a.branch().equals(branch))
        .map(s -> (Step.Advice) s)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no advice for the branch " + branch));
  }

  @Test
  @DisplayName("Each branch of the route board has its owner, first move, same-path check and escalation point")
  void theFourBranchesOfTheRouteBoard() {
    assertThat(advice("live incident")).satisfies(a -> {
      assertThat(a.owner()).contains("Anthropic");
      assertThat(a.firstMove()).contains("Stop changing local settings").contains("reinstalling");
      assertThat(a.samePathCheck()).contains("resolved").contains("retry");
      assertThat(a.escalateWhen()).contains("green").contains("same path");
    });
    assertThat(advice("login / OAuth")).satisfies(a -> {
      assertThat(a.owner()).contains("OAuth", "clock", "keychain");
      assertThat(a.firstMove()).containsSubsequence("/status", "/login", "claude doctor");
      assertThat(a.samePathCheck()).contains("Claude Code sign-in").contains("website");
      assertThat(a.escalateWhen()).contains("green");
    });
    assertThat(advice("broken resumed session")).satisfies(a -> {
      assertThat(a.owner()).contains("resumed").contains("context");
      assertThat(a.firstMove()).contains("fresh session").contains("old session");
      assertThat(a.samePathCheck()).contains("failing task").contains("new session");
      assertThat(a.escalateWhen()).contains("new session");
    });
    assertThat(advice("API key / proxy / provider route")).satisfies(a -> {
      assertThat(a.owner()).contains("ANTHROPIC_API_KEY", "proxy", "provider");
      assertThat(a.firstMove()).contains("/status", "env", "proxy");
      assertThat(a.samePathCheck()).contains("path you know is good").contains("compare");
      assertThat(a.escalateWhen()).contains("credentials").contains("debug output");
    });
  }

  @Test
  @DisplayName("A green page offers every non-incident branch; a red one (or a person saying so) leads to the incident branch")
  void theStatusQuestionsLeadToEveryBranch() {
    Step.Auto status = (Step.Auto) BUILT_IN.require("status");
    assertThat(status.components()).contains("yyzkbfz2thpt", "k8w3r06qmzrp");
    assertThat(status.routes()).containsEntry("red", "incident").containsEntry("green", "where");
    Step.Question askStatus = (Step.Question) BUILT_IN.require(status.routes().get("unknown"));
    assertThat(askStatus.asks()).isEqualTo(AutoCheck.STATUS);
    assertThat(askStatus.choices()).extracting(Step.Answer::next).containsExactly("incident", "where");
    Step.Question where = (Step.Question) BUILT_IN.require("where");
    assertThat(where.choices()).extracting(Step.Answer::next).contains("login", "session", "route");
  }

  @Test
  @DisplayName("500 and 529 are different branches, and the 529 advice says why")
  void fiveHundredIsNotFiveTwentyNine() {
    Step.Question first = (Step.Question) BUILT_IN.require(BUILT_IN.start());
    Map<ErrorKind, String> next = new HashMap<>();
    first.choices().forEach(c -> c.errorKinds().forEach(k -> next.put(k, c.next())));
    assertThat(next).containsKeys(ErrorKind.values());
    assertThat(next.get(ErrorKind.INTERNAL)).isEqualTo("status");
    assertThat(next.get(ErrorKind.OVERLOADED)).isNotEqualTo(next.get(ErrorKind.INTERNAL));
    assertThat(next.get(ErrorKind.AUTHENTICATION)).isEqualTo("status-auth");
    Step.Advice overloaded = (Step.Advice) BUILT_IN.require(next.get(ErrorKind.OVERLOADED));
    assertThat(overloaded.owner()).contains("overloaded_error").contains("api_error");
    assertThat(overloaded.firstMove()).contains("529 line");
  }

  @Test
  @DisplayName("Every first move is followed by its same-path question, which can resolve and can escalate; or it is an exit")
  void aSamePathCheckAfterEveryFirstMove() {
    for (Step step : BUILT_IN.stepList()) {
      if (!(step instanceof Step.Advice a)) {
        continue;
      }
      Step next = BUILT_IN.require(a.next());
      if (next instanceof Step.Outcome o) {
        assertThat(o.result()).as(a.id() + " ends at once, so only as an exit").isEqualTo(OutcomeKind.REDIRECT);
        continue;
      }
      assertThat(next).as(a.id() + " is followed by its check").isInstanceOf(Step.Question.class);
      Set<OutcomeKind> ends = new HashSet<>();
      for (Step.Answer answer : ((Step.Question) next).choices()) {
        ends.addAll(outcomesWithoutQuestions(answer.next()));
      }
      assertThat(ends).as("outcomes right after the check of " + a.id())
          .contains(OutcomeKind.RESOLVED, OutcomeKind.ESCALATE);
    }
  }

  /** Returns the outcomes reached from a step through captures and automatic steps only. */
  private static Set<OutcomeKind> outcomesWithoutQuestions(String from) {
    Set<OutcomeKind> found = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(from));
    Set<String> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      Step s = BUILT_IN.require(todo.pop());
      if (!seen.add(s.id()) || s instanceof Step.Question) {
        continue;
      }
      if (s instanceof Step.Outcome o) {
        found.add(o.result());
      } else {
        todo.addAll(s.targets());
      }
    }
    return found;
  }

  @Test
  @DisplayName("Every way into the escalation report passes the guide's checklist: error line, /status, /debug or repro")
  void theEscalationChecklist() {
    Map<String, List<String>> incoming = new HashMap<>();
    BUILT_IN.stepList().forEach(s -> s.targets().forEach(t ->
        incoming.computeIfAbsent(t, k -> new ArrayList<>()).add(s.id())));
    List<Set<String>> routes = new ArrayList<>();
    BUILT_IN.stepList().stream()
        .filter(s -> s instanceof Step.Outcome o && o.result() == OutcomeKind.ESCALATE)
        .forEach(s -> collectCaptures(s.id(), new TreeSet<>(), incoming, routes));
    assertThat(routes).isNotEmpty().allSatisfy(captured -> assertThat(captured)
        .contains(EvidenceKeys.ERROR_LINE, EvidenceKeys.STATUS_OUTPUT, EvidenceKeys.DEBUG_OUTPUT));
  }

  /** Walks back from a step over captures; records what was captured on each way in. */
  private static void collectCaptures(String id, Set<String> captured, Map<String, List<String>> incoming,
      List<Set<String>> routes) {
    for (String from : incoming.getOrDefault(id, List.of())) {
      if (BUILT_IN.require(from) instanceof Step.Capture c) {
        Set<String> more = new TreeSet<>(captured);
        more.add(c.evidence());
        collectCaptures(from, more, incoming, routes);
      } else {
        routes.add(captured);
      }
    }
  }

  @Test
  @DisplayName("The usage, rate-limit and install exits are reachable where the guide sends people to them")
  void theExitsToOtherProblems() {
    Step.Outcome usage = (Step.Outcome) BUILT_IN.require("exit-usage");
    Step.Outcome install = (Step.Outcome) BUILT_IN.require("exit-install");
    assertThat(List.of(usage, install)).extracting(Step.Outcome::result).containsOnly(OutcomeKind.REDIRECT);
    assertThat(usage.text()).contains("usage", "rate-limit", "billing");
    assertThat(install.text()).contains("install", "claude doctor");

    Step.Question first = (Step.Question) BUILT_IN.require(BUILT_IN.start());
    String onRateLimit = first.choices().stream().filter(c -> c.errorKinds().contains(ErrorKind.RATE_LIMIT))
        .findFirst().orElseThrow().next();
    assertThat(BUILT_IN.require(onRateLimit).targets()).containsExactly("exit-usage");
    assertThat(choicesLeadingTo("exit-usage")).contains("session-check", "route-check");
    assertThat(choicesLeadingTo("exit-install")).contains("login-check", "route-check");
  }

  private static List<String> choicesLeadingTo(String target) {
    return BUILT_IN.stepList().stream()
        .filter(s -> s instanceof Step.Question q && q.targets().contains(target))
        .map(Step::id)
        .toList();
  }

  @Test
  @DisplayName("Every first move is at most three questions from the start")
  void everyFirstMoveIsAtMostThreeQuestionsAway() {
    Map<String, Integer> worst = new HashMap<>();
    walk(BUILT_IN.start(), 0, worst, new HashSet<>());
    assertThat(worst.keySet()).contains("incident", "login", "session", "route");
    worst.forEach((advice, questions) ->
        assertThat(questions).as("questions before the first move of " + advice).isLessThanOrEqualTo(3));
  }

  /** Records, for each advice step, the most questions on any path to it that passes no other advice. */
  private static void walk(String id, int asked, Map<String, Integer> worst, Set<String> path) {
    Step step = BUILT_IN.require(id);
    if (!path.add(id)) {
      return;
    }
    if (step instanceof Step.Advice) {
      worst.merge(id, asked, Math::max);
    } else if (!(step instanceof Step.Outcome)) {
      int next = asked + (step.waitsForPerson() ? 1 : 0);
      for (String target : step.targets()) {
        walk(target, next, worst, path);
      }
    }
    path.remove(id);
  }

  @Test
  @DisplayName("The texts are in the project's own words: no run of six words is taken from the guide")
  void textsAreInOurOwnWords() {
    Set<String> guidePhrases = GuidePhrases.guide();
    List<String> copied = new ArrayList<>();
    for (Step step : BUILT_IN.stepList()) {
      texts(step).forEach(text -> GuidePhrases.phrases(text).stream()
          .filter(p -> guidePhrases.contains(GuidePhrases.fingerprint(p)))
          .forEach(p -> copied.add(step.id() + ": \"" + p + "\"")));
    }
    assertThat(guidePhrases).hasSizeGreaterThan(1000);
    assertThat(GuidePhrases.phrases("The fastest safe fix is to check the status page first."))
        .as("a sentence of the guide")
        .anyMatch(p -> guidePhrases.contains(GuidePhrases.fingerprint(p)));
    assertThat(copied).as("phrases copied from the guide").isEmpty();
  }

  private static Stream<String> texts(Step step) {
    if (step instanceof Step.Question q) {
      return Stream.concat(Stream.of(q.text()), q.choices().stream().map(Step.Answer::label));
    }
    if (step instanceof Step.Capture c) {
      return Stream.of(c.text(), c.skipLabel()).filter(t -> t != null);
    }
    if (step instanceof Step.Advice a) {
      return a.texts();
    }
    if (step instanceof Step.Outcome o) {
      return Stream.of(o.text());
    }
    return Stream.empty();
  }
}
