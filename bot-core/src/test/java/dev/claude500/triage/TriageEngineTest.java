package dev.claude500.triage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.chat.ConversationKey;
import dev.claude500.chat.PlainTextRenderer;
import dev.claude500.chat.Reply;
import dev.claude500.chat.Text;
import dev.claude500.status.StatusJson;
import dev.claude500.status.StatusSnapshot;
import dev.claude500.status.Summary;
import dev.claude500.testing.PrintedErrorLines;
import dev.claude500.testing.StatusFixtures;
import dev.claude500.testing.TestData;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TriageEngineTest {
  static final String ERROR_500 =
      "API Error: 500 {\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"Internal server error\"},"
          + "\"request_id\":\"req_011CXmPAT8xd3GWgKxdq8TRC\"}";

  static TriageHarness green() {
    return new TriageHarness(StatusFixtures.greenSnapshot(), StatusFixtures.GREEN_AT.plusSeconds(20));
  }

  static TriageHarness red() {
    return new TriageHarness(StatusFixtures.redSnapshot(), StatusFixtures.RED_AT.plusSeconds(20));
  }

  static TriageHarness unreachable() {
    return new TriageHarness(StatusSnapshot.unknown("connection refused"), Instant.parse("2026-11-25T10:00:00Z"));
  }

  @Nested
  @DisplayName("live incident branch")
  class Incident {
    @Test
    void aRedPageSkipsTheStatusQuestionAndGivesTheIncidentFirstMove() {
      TriageHarness h = red();
      h.start("");
      h.click("500");
      assertThat(h.transcript())
          .contains("The status page is red")
          .contains("Elevated errors on Claude.ai, API, Claude Code")
          .contains("https://status.claude.com/incidents/" + StatusFixtures.RED_INCIDENT_ID)
          .contains("First move: Stop changing local settings")
          .contains("Same-path check:");
      assertThat(h.transcript()).as("components named as the page names them today")
          .contains("touches claude.ai, Claude Console (platform.claude.com), Claude API (api.anthropic.com), Claude Code")
          .doesNotContain("formerly");
      assertThat(h.pendingText()).contains("When the incident clears");
      assertThat(h.view().questionsToFirstMove()).contains(1);
    }

    @Test
    void itWorksAfterRecoveryIsResolved() {
      TriageHarness h = red();
      h.start(ERROR_500);
      assertThat(h.view().questionsToFirstMove()).contains(0);
      h.click("works");
      assertThat(h.last.ended()).get().extracting(v -> v.outcome().orElseThrow()).isEqualTo(TriageOutcome.RESOLVED);
      assertThat(h.transcript()).contains("Resolved");
    }

    @Test
    void waitingEndsTheTriageUntilAFollowUpResumesIt() {
      TriageHarness h = red();
      h.start(ERROR_500);
      h.click("waiting");
      assertThat(h.view().outcome()).contains(TriageOutcome.WAITING);
      assertThat(h.view().statusIncidentId()).contains(StatusFixtures.RED_INCIDENT_ID);

      TriageResult resumed = h.engine.resume(h.key, Text.plain("The incident is resolved."));
      h.last = resumed;
      h.pending = resumed.replies().get(resumed.replies().size() - 1);
      assertThat(h.transcript()).contains("The incident is resolved.").contains("Retry the same failing path now");
      assertThat(h.engine.resume(h.key, Text.plain("again")).disposition()).isEqualTo(Disposition.STALE);

      h.click("still-failing");
      assertThat(h.pending).isInstanceOf(Reply.TextRequest.class);
      assertThat(h.pendingText()).contains("/status");
    }

    @Test
    void theSamePathStillFailingOnceTheIncidentClearedEndsInTheReport() {
      TriageHarness h = red();
      h.start(ERROR_500);
      h.click("still-failing");
      assertThat(h.pendingText()).as("the error line came pasted, so /status is next").contains("/status");
      h.say("Login method: Claude Max account");
      h.say("1. claude -p hello\n2. " + ERROR_500);
      Reply.Report report = h.report().orElseThrow();
      assertThat(report.body())
          .contains("Branch tried: live incident")
          .contains("Result on the same path: Page is green, same path still fails")
          .contains("Status page when it failed: red: Elevated errors on Claude.ai, API, Claude Code")
          .contains("Request id: req_011CXmPAT8xd3GWgKxdq8TRC")
          .contains("Login method: Claude Max account")
          .contains("claude -p hello");
      assertThat(h.view().outcome()).contains(TriageOutcome.ESCALATED);
    }
  }

  @Nested
  @DisplayName("hooks for the incident watcher")
  class Hooks {
    @Test
    @DisplayName("The end listener hears of each stored ending once, and its failure changes nothing")
    void endListener() {
      TriageHarness h = red();
      List<TriageView> ended = new ArrayList<>();
      TriageEngine engine = h.engineWith(v -> {
        ended.add(v);
        throw new IllegalStateException("listener broke");
      });
      TriageResult started = engine.start(h.key, TriageHarness.ALICE, ERROR_500);
      Reply.Question check = (Reply.Question) started.replies().get(started.replies().size() - 1);

      TriageResult waiting = engine.answer(h.key, TriageHarness.ALICE, check.token(), "waiting");
      engine.answer(h.key, TriageHarness.ALICE, check.token(), "waiting");

      assertThat(waiting.ended()).isPresent();
      assertThat(ended).singleElement().satisfies(v -> {
        assertThat(v.outcome()).contains(TriageOutcome.WAITING);
        assertThat(v.statusIncidentId()).contains(StatusFixtures.RED_INCIDENT_ID);
      });
      assertThat(h.engine.find(h.key).orElseThrow().outcome()).contains(TriageOutcome.WAITING);
    }

    @Test
    @DisplayName("Start notes follow the red verdict that names an incident; a failing one is left out")
    void startNotes() {
      TriageHarness h = red();
      List<String> asked = new ArrayList<>();
      TriageEngine engine = h.engineWith((key, incident) -> {
        asked.add(key + " " + incident);
        return Optional.of(Text.plain("See the channel's post."));
      });

      TriageResult r = engine.start(h.key, TriageHarness.ALICE, ERROR_500);

      List<String> texts = r.replies().stream().map(PlainTextRenderer::render).toList();
      int verdict = texts.indexOf(texts.stream().filter(t -> t.contains("The status page is red")).findFirst().orElseThrow());
      assertThat(texts.get(verdict + 1)).isEqualTo("See the channel's post.");
      assertThat(asked).containsExactly(h.key + " " + StatusFixtures.RED_INCIDENT_ID);

      TriageHarness other = red();
      TriageResult quiet = other.engineWith((key, incident) -> {
        throw new IllegalStateException("no ledger");
      }).start(other.key, TriageHarness.ALICE, ERROR_500);
      assertThat(quiet.replies()).extracting(PlainTextRenderer::render).noneMatch(t -> t.contains("post"));
      assertThat(green().engineWith((key, incident) -> Optional.of(Text.plain("never")))
          .start(green().key, TriageHarness.ALICE, ERROR_500).replies())
          .extracting(PlainTextRenderer::render).doesNotContain("never");
    }

    @Test
    @DisplayName("replayResume repeats what resume said until someone answers, and writes nothing")
    void replayResume() {
      TriageHarness h = red();
      h.start(ERROR_500);
      assertThat(h.engine.replayResume(h.key, Text.plain("note")).disposition()).isEqualTo(Disposition.STALE);
      h.click("waiting");
      assertThat(h.engine.replayResume(h.key, Text.plain("note")).disposition()).isEqualTo(Disposition.STALE);

      TriageResult resumed = h.engine.resume(h.key, Text.plain("The incident is resolved."));
      TriageResult again = h.engine.replayResume(h.key, Text.plain("The incident is resolved."));

      assertThat(again.disposition()).isEqualTo(Disposition.APPLIED);
      assertThat(again.replies()).isEqualTo(resumed.replies());
      h.pending = again.replies().get(1);
      h.click("works");
      assertThat(h.engine.replayResume(h.key, Text.plain("note")).disposition()).isEqualTo(Disposition.STALE);
      assertThat(h.engine.replayResume(new ConversationKey("test", "C1", "nope"), Text.plain("x")).disposition())
          .isEqualTo(Disposition.NO_TRIAGE);
    }
  }

  @Test
  @DisplayName("pending returns the prompt an open triage waits on, as asked, and nothing once it ended")
  void pendingPrompt() {
    TriageHarness h = red();
    assertThat(h.engine.pending(h.key)).isEmpty();
    h.start(ERROR_500);
    assertThat(h.engine.pending(h.key)).contains(h.pending);
    h.click("works");
    assertThat(h.engine.pending(h.key)).isEmpty();
  }

  @Nested
  @DisplayName("login branch")
  class Login {
    @Test
    void greenPageAndSignInReachTheLoginFirstMoveInTwoQuestions() {
      TriageHarness h = green();
      h.start("");
      h.click("500");
      assertThat(h.transcript()).contains("The status page is green");
      h.click("login");
      assertThat(h.transcript()).contains("/login").contains("claude doctor").contains("Same-path check");
      assertThat(h.view().questionsToFirstMove()).contains(2);
      assertThat(h.view().branch()).contains("login / OAuth");
      h.click("works");
      assertThat(h.view().outcome()).contains(TriageOutcome.RESOLVED);
    }

    @Test
    void claudeDoctorFindingASetupProblemIsTheInstallExit() {
      TriageHarness h = green();
      h.start(ERROR_500);
      h.click("login");
      h.click("doctor-found-setup");
      assertThat(h.view().outcome()).contains(TriageOutcome.REDIRECTED);
      assertThat(h.transcript()).contains("install or setup problem");
    }

    @Test
    void a401GoesStraightToLogin() {
      TriageHarness h = green();
      h.start(TestData.read(PrintedErrorLines.FILE).lines()
          .filter(l -> l.startsWith("#33230")).findFirst().orElseThrow());
      assertThat(h.view().branch()).contains("login / OAuth");
      assertThat(h.view().questionsToFirstMove()).contains(0);
    }

    @Test
    void sameLoginStillFailingOnGreenEndsInTheEscalationReport() {
      TriageHarness h = green();
      h.start(ERROR_500);
      h.click("login");
      h.click("still-failing");
      assertThat(h.pending).as("error line already known, so it asks for /status").isInstanceOf(Reply.TextRequest.class);
      assertThat(h.pendingText()).contains("/status");
      h.say("Auth token: sk-ant-oat01-abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ\nLogin method: Claude Max account");
      h.click(TriageEngine.SKIP);
      Reply.Report report = h.report().orElseThrow();
      assertThat(report.body())
          .contains("req_011CXmPAT8xd3GWgKxdq8TRC")
          .contains("API Error: 500")
          .contains("Branch tried: login / OAuth")
          .contains("Result on the same path: Same sign-in still fails")
          .contains("Status page when it failed: green")
          .contains("Login method: Claude Max account")
          .contains("(bob)")
          .doesNotContain("sk-ant-oat01-abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ");
      assertThat(h.view().outcome()).contains(TriageOutcome.ESCALATED);
    }
  }

  @Nested
  @DisplayName("resumed session branch")
  class Session {
    @Test
    void freshSessionIsTheFirstMoveAndItsCheckResolves() {
      TriageHarness h = green();
      h.start(ERROR_500);
      h.click("resumed");
      assertThat(h.transcript()).contains("Start a fresh session").contains("Same-path check");
      assertThat(h.view().questionsToFirstMove()).contains(1);
      h.click("works");
      assertThat(h.view().outcome()).contains(TriageOutcome.RESOLVED);
    }

    @Test
    void freshSessionFailingTooEscalatesWithEveryCapture() {
      TriageHarness h = green();
      h.start("");
      h.click("500");
      h.click("resumed");
      h.click("still-failing");
      assertThat(h.pendingText()).contains("exact error line");
      h.say("```\n  ⎿  " + ERROR_500 + "\n```");
      h.say("/status: API key (ANTHROPIC_API_KEY)");
      h.say("1. claude --resume\n2. ask for a refactor\n3. API Error: 500");
      Reply.Report report = h.report().orElseThrow();
      assertThat(report.fields()).extracting(Reply.Field::name).contains("Error line", "Request id", "Branch tried");
      assertThat(report.body()).contains("req_011CXmPAT8xd3GWgKxdq8TRC").contains("claude --resume");
    }

    @Test
    void usageDrainIsAnExit() {
      TriageHarness h = green();
      h.start(ERROR_500);
      h.click("resumed");
      h.click("usage");
      assertThat(h.view().outcome()).contains(TriageOutcome.REDIRECTED);
      assertThat(h.transcript()).contains("usage");
    }
  }

  @Nested
  @DisplayName("API key / proxy / provider route branch")
  class Route {
    @Test
    void everySessionFailingLeadsToTheRouteCheck() {
      TriageHarness h = green();
      h.start("");
      h.click("500");
      h.click("every");
      assertThat(h.transcript()).contains("ANTHROPIC_API_KEY").contains("path you know is good");
      assertThat(h.view().questionsToFirstMove()).contains(2);
      h.click("works");
      assertThat(h.view().outcome()).contains(TriageOutcome.RESOLVED);
      assertThat(h.transcript()).contains("route");
    }

    @Test
    void sameRouteStillFailingEscalates() {
      TriageHarness h = green();
      h.start(ERROR_500);
      h.click("every");
      h.click("still-failing");
      h.click(TriageEngine.SKIP);
      h.click(TriageEngine.SKIP);
      assertThat(h.report()).isPresent();
    }

    @Test
    void anApiKeyOrProxyRouteCanBeNamedAndASetupProblemIsTheInstallExit() {
      TriageHarness h = green();
      h.start(ERROR_500);
      h.click("route");
      assertThat(h.view().branch()).contains("API key / proxy / provider route");
      assertThat(h.view().questionsToFirstMove()).contains(1);
      h.click("setup");
      assertThat(h.view().outcome()).contains(TriageOutcome.REDIRECTED);
      assertThat(h.transcript()).contains("install or setup problem").contains("claude doctor");
    }
  }

  @Nested
  @DisplayName("the status step")
  class StatusStep {
    @Test
    void anUnreachablePageIsAskedOfThePersonSayingWhy() {
      TriageHarness h = unreachable();
      h.start(ERROR_500);
      assertThat(h.transcript()).contains("could not read the status page").contains("connection refused");
      assertThat(h.pendingText()).contains("status.claude.com").contains("active incident");
      h.click("green");
      h.click("every");
      assertThat(h.view().questionsToFirstMove()).as("status, where; the error came pasted").contains(2);
      assertThat(h.view().branch()).contains("API key / proxy / provider route");
    }

    @Test
    void thePersonSayingRedTakesTheIncidentBranch() {
      TriageHarness h = unreachable();
      h.start("");
      h.click("500");
      h.click("red");
      assertThat(h.view().branch()).contains("live incident");
      assertThat(h.view().questionsToFirstMove()).contains(2);
    }

    @Test
    void anotherPagesSummaryNamesTheComponentsLookedAtByTheirKnownNames() throws Exception {
      Summary github = StatusJson.readSummary(StatusFixtures.githubSummaryJson());
      TriageHarness h = new TriageHarness(StatusSnapshot.fresh(github, StatusFixtures.GREEN_AT),
          StatusFixtures.GREEN_AT.plusSeconds(20));
      h.start(ERROR_500);
      assertThat(h.transcript()).contains("The status page is green for Claude Code, Claude API (api.anthropic.com)")
          .doesNotContain("yyzkbfz2thpt");
    }

    @Test
    void dataOlderThanFiveMinutesIsNotTrusted() {
      TriageHarness h = new TriageHarness(StatusFixtures.redSnapshot().stale("timed out"),
          StatusFixtures.RED_AT.plus(Duration.ofMinutes(30)));
      h.start(ERROR_500);
      assertThat(h.transcript()).contains("could not read the status page").contains("timed out");
    }
  }

  @Nested
  @DisplayName("the way to a first move")
  class WayToAFirstMove {
    static Stream<Arguments> starts() {
      List<String> pastes = List.of("", ERROR_500, "it broke again, any idea?",
          "API Error: 401 {\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"x\"}}",
          "API Error: 529 Overloaded", "API Error: Rate limit reached", "API Error: Operation aborted");
      return Stream.of("green", "red", "unreachable")
          .flatMap(page -> pastes.stream().map(paste -> Arguments.of(page, paste)));
    }

    static TriageHarness on(String page) {
      switch (page) {
        case "green":
          return green();
        case "red":
          return red();
        default:
          return unreachable();
      }
    }

    @ParameterizedTest(name = "{0} page, pasted: \"{1}\"")
    @MethodSource("starts")
    @DisplayName("Every answer path reaches a first move within three questions")
    void everyPathReachesAFirstMoveWithinThreeQuestions(String page, String paste) {
      Map<String, Integer> worst = new TreeMap<>();
      explore(page, paste, List.of(), worst);
      assertThat(worst).isNotEmpty();
      worst.forEach((branch, asked) -> assertThat(asked).as(branch).isLessThanOrEqualTo(3));
    }

    @Test
    @DisplayName("Starting bare on an unreachable page, every branch is reached, the farthest in exactly three questions")
    void everyBranchIsReachedFromABareStart() {
      Map<String, Integer> worst = new TreeMap<>();
      explore("unreachable", "", List.of(), worst);
      assertThat(worst).containsOnlyKeys("live incident", "login / OAuth", "broken resumed session",
          "API key / proxy / provider route", "529 overloaded", "rate or usage limit", "not a 500");
      assertThat(worst).containsEntry("login / OAuth", 3).containsEntry("API key / proxy / provider route", 3)
          .containsEntry("live incident", 2);
    }

    /** Answers every choice in turn, depth first, until a first move; records the most questions per branch. */
    private void explore(String page, String paste, List<String> answers, Map<String, Integer> worst) {
      TriageHarness h = on(page);
      h.start(paste);
      answers.forEach(h::click);
      TriageView view = h.view();
      if (view.questionsToFirstMove().isPresent()) {
        worst.merge(view.branch().orElseThrow(), view.questionsToFirstMove().get(), Math::max);
        return;
      }
      assertThat(view.open()).as("ended before a first move after " + answers).isTrue();
      assertThat(h.pending).as("asks for text before a first move after " + answers).isInstanceOf(Reply.Question.class);
      for (String value : h.choiceValues()) {
        List<String> next = new ArrayList<>(answers);
        next.add(value);
        explore(page, paste, next, worst);
      }
    }
  }

  @Nested
  @DisplayName("errors other than 500")
  class OtherErrors {
    @Test
    void overloadedIsToldApartFrom500() {
      TriageHarness h = green();
      h.start("API Error: 529 {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"},\"request_id\":null}");
      assertThat(h.transcript()).contains("529 is overload, not a 500");
      assertThat(h.view().branch()).contains("529 overloaded");
    }

    @Test
    void overloadPassingIsResolvedAndOverloadLastingOnAGreenPageIsEscalated() {
      String overloaded = "API Error: 529 {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\","
          + "\"message\":\"Overloaded\"},\"request_id\":\"req_011CZTEFvft13DajMTp9pp64\"}";
      TriageHarness passed = green();
      passed.start(overloaded);
      assertThat(passed.view().questionsToFirstMove()).contains(0);
      passed.click("works");
      assertThat(passed.view().outcome()).contains(TriageOutcome.RESOLVED);

      TriageHarness lasting = green();
      lasting.start(overloaded);
      lasting.click("still-failing");
      lasting.click(TriageEngine.SKIP);
      lasting.click(TriageEngine.SKIP);
      assertThat(lasting.report().orElseThrow().body())
          .contains("Branch tried: 529 overloaded")
          .contains("Error line: API Error: 529")
          .contains("Request id: req_011CZTEFvft13DajMTp9pp64");
    }

    @Test
    void rateLimitIsAUsageExit() {
      TriageHarness h = green();
      h.start("API Error: Rate limit reached");
      assertThat(h.view().outcome()).contains(TriageOutcome.REDIRECTED);
      assertThat(h.transcript()).contains("429 is a limit");
    }

    @Test
    void anotherCodeGetsItsOwnAdvice() {
      TriageHarness h = green();
      h.start("API Error: Operation aborted");
      assertThat(h.view().outcome()).contains(TriageOutcome.REDIRECTED);
      assertThat(h.transcript()).contains("This is not a 500");
    }

    @Test
    void garbageSaysNoErrorLineAndAsksTheNormalQuestions() {
      TriageHarness h = green();
      h.start("it broke again, any idea?");
      assertThat(h.transcript()).contains("I found no error line or clue");
      assertThat(h.pendingText()).contains("Which error did Claude Code print?");
    }

    @Test
    void aPastedLineAnswersTheErrorQuestion() {
      TriageHarness h = green();
      h.start("");
      h.say("here: " + ERROR_500);
      assertThat(h.transcript()).contains("From the pasted line").contains("req_011CXmPAT8xd3GWgKxdq8TRC");
      assertThat(h.pendingText()).contains("Where does the 500 show up?");
    }
  }

  @Nested
  @DisplayName("answers")
  class Answers {
    @Test
    void aRepeatedClickDoesNothing() {
      TriageHarness h = green();
      h.start("");
      String token = h.token();
      h.click("500");
      TriageResult again = h.engine.answer(h.key, TriageHarness.BOB, token, "500");
      assertThat(again.disposition()).isEqualTo(Disposition.STALE);
      assertThat(again.replies()).isEmpty();
    }

    @Test
    void numbersAndLabelsAnswerQuestions() {
      TriageHarness h = green();
      h.start("");
      h.say("1");
      assertThat(h.pendingText()).contains("Where does the 500 show up?");
      h.say("in every session, even a new one");
      assertThat(h.view().branch()).contains("API key / proxy / provider route");
    }

    @Test
    void chatterIsNotUnderstoodAndChangesNothing() {
      TriageHarness h = green();
      h.start("");
      String token = h.token();
      TriageResult r = h.engine.reply(h.key, TriageHarness.BOB, "looking into it");
      assertThat(r.disposition()).isEqualTo(Disposition.NOT_UNDERSTOOD);
      assertThat(h.view().pendingToken()).contains(token);
    }

    @Test
    void twoRacingAnswersApplyOnce() throws Exception {
      TriageHarness h = green();
      h.start("");
      String token = h.token();
      ExecutorService pool = Executors.newFixedThreadPool(8);
      CountDownLatch go = new CountDownLatch(1);
      try {
        List<Future<TriageResult>> results = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
          results.add(pool.submit(() -> {
            go.await();
            return h.engine.answer(h.key, TriageHarness.ALICE, token, "500");
          }));
        }
        go.countDown();
        int applied = 0;
        for (Future<TriageResult> f : results) {
          applied += f.get(10, TimeUnit.SECONDS).disposition() == Disposition.APPLIED ? 1 : 0;
        }
        assertThat(applied).isEqualTo(1);
      } finally {
        pool.shutdownNow();
      }
      assertThat(h.view().questions()).isEqualTo(2);
    }

    @Test
    void aSecondStartInTheSameThreadIsIgnored() {
      TriageHarness h = green();
      h.start("");
      assertThat(h.engine.start(h.key, TriageHarness.BOB, "").disposition()).isEqualTo(Disposition.STALE);
    }

    @Test
    @DisplayName("A triage of someone else's message names, in its report, who started it and whom the error hit")
    void theReportNamesThePersonHit() {
      TriageHarness h = green();
      h.startFor(TriageHarness.BOB, ERROR_500);
      h.click("login");
      h.click("still-failing");
      h.click(TriageEngine.SKIP);
      h.click(TriageEngine.SKIP);
      assertThat(h.report().orElseThrow().body()).contains(" by alice for bob, whom the error hit; written ");

      TriageHarness own = green();
      own.startFor(TriageHarness.ALICE, ERROR_500);
      own.click("login");
      own.click("still-failing");
      own.click(TriageEngine.SKIP);
      own.click(TriageEngine.SKIP);
      assertThat(own.report().orElseThrow().body()).contains(" by alice; written ").doesNotContain("whom the error hit");
    }

    @Test
    void theReportSaysWhoAnsweredWhat() {
      TriageHarness h = green();
      h.start("");
      h.click(TriageHarness.ALICE, "500");
      h.click(TriageHarness.BOB, "every");
      h.click(TriageHarness.ALICE, "still-failing");
      h.click(TriageEngine.SKIP);
      h.click(TriageEngine.SKIP);
      h.click(TriageEngine.SKIP);
      String body = h.report().orElseThrow().body();
      assertThat(body).contains("-> API Error: 500 (internal server error) (alice)")
          .contains("-> In every session, even a new one (bob)");
    }
  }

  @Nested
  @DisplayName("idle triages")
  class Idle {
    @Test
    void anAbandonedTriageClosesItselfWithASummary() {
      TriageHarness h = green();
      h.start(ERROR_500);
      h.clock.advance(Duration.ofMinutes(29));
      assertThat(h.engine.expireIdle()).isEmpty();
      h.clock.advance(Duration.ofMinutes(2));
      List<TriageEngine.Expired> expired = h.engine.expireIdle();
      assertThat(expired).hasSize(1);
      String summary = PlainTextRenderer.render(expired.get(0).result().replies().get(0));
      assertThat(summary).contains("Triage closed").contains("30 minutes");
      assertThat(h.view().outcome()).contains(TriageOutcome.ABANDONED);
      assertThat(h.engine.answer(h.key, TriageHarness.ALICE, h.token(), "login").disposition())
          .isEqualTo(Disposition.STALE);
      assertThat(h.engine.expireIdle()).isEmpty();
    }
  }

  @Test
  void secretsPastedAtTheStartAreNeverStored() {
    TriageHarness h = green();
    String key = "sk-ant-api03-" + "A".repeat(20) + "b".repeat(40) + "-CdEfGhAA";
    h.start("my key is " + key + " and then " + ERROR_500);
    assertThat(h.store.conversations().find(h.key).orElseThrow().state()).doesNotContain(key).contains("API Error: 500");
    assertThat(h.transcript()).doesNotContain(key);

    TriageHarness noErrorLine = green();
    noErrorLine.start("my key is " + key);
    assertThat(noErrorLine.store.conversations().find(noErrorLine.key).orElseThrow().state())
        .doesNotContain(key).contains("[redacted api key]");
  }

  @Test
  void aMegabytePasteIsCutWithANoteNotStored() {
    TriageHarness h = green();
    h.start(ERROR_500);
    h.click("every");
    h.click("still-failing");
    h.say("x".repeat(1 << 20));
    String state = h.store.conversations().find(h.key).orElseThrow().state();
    assertThat(state.length()).isLessThan(20_000);
    assertThat(state).contains("(cut: 1,048,576 characters pasted, first 4,000 kept)");
  }

  @Test
  @DisplayName("A triage's first line is the first line of its error, or else of what it was started with, redacted")
  void theFirstLineTellsTriagesApart() {
    TriageHarness pasted = green();
    pasted.start("here it is:\n" + ERROR_500 + "\nsince this morning");
    assertThat(pasted.view().firstLine()).hasValueSatisfying(line -> assertThat(line)
        .startsWith("API Error: 500 {\"type\":\"error\"").endsWith("…").hasSizeLessThanOrEqualTo(120));

    TriageHarness prose = green();
    String key = "sk-ant-api03-" + "A".repeat(20) + "b".repeat(40) + "-CdEfGhAA";
    prose.start("\n  it broke after I set " + key + "\nand then again");
    assertThat(prose.view().firstLine()).hasValue("it broke after I set [redacted api key]");

    TriageHarness bare = green();
    bare.start("");
    assertThat(bare.view().firstLine()).isEmpty();
  }
}
