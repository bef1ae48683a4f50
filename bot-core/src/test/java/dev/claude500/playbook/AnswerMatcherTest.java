package dev.claude500.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.playbook.AnswerMatcher.How;
import dev.claude500.playbook.AnswerMatcher.Match;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("the answer matcher")
class AnswerMatcherTest {
  private static final Playbook BUILT_IN = PlaybookLoader.builtIn();

  private static List<Step.Answer> choices(String step) {
    return ((Step.Question) BUILT_IN.require(step)).choices();
  }

  private static String picked(String step, String text) {
    Match m = AnswerMatcher.reply(choices(step), text);
    if (m instanceof Match.Picked p) {
      return p.answer().value();
    }
    if (m instanceof Match.Ambiguous a) {
      return "?" + String.join("|", a.candidates().stream().map(Step.Answer::value).toList());
    }
    return "none";
  }

  @Test
  void aValueWinsOverTheNumberItLooksLike() {
    Match m = AnswerMatcher.reply(choices("which-error"), "500");
    assertThat(m).isInstanceOfSatisfying(Match.Picked.class, p -> {
      assertThat(p.answer().value()).isEqualTo("500");
      assertThat(p.how()).isEqualTo(How.VALUE);
    });
  }

  @Test
  void valueThenLabelThenNumberThenWords() {
    List<Step.Answer> c = List.of(
        Step.Answer.of("2", "first", "x", List.of("one")),
        Step.Answer.of("a", "2", "y", List.of("two")));
    assertThat(((Match.Picked) AnswerMatcher.reply(c, "2")).answer().label()).as("value first").isEqualTo("first");
    assertThat(((Match.Picked) AnswerMatcher.reply(c, "first")).how()).isEqualTo(How.LABEL);
    List<Step.Answer> d = List.of(Step.Answer.of("a", "Alpha", "x", List.of()), Step.Answer.of("b", "Beta", "y", List.of()));
    assertThat(((Match.Picked) AnswerMatcher.reply(d, "2)")).answer().value()).isEqualTo("b");
    assertThat(((Match.Picked) AnswerMatcher.reply(d, "  BETA. ")).how()).isEqualTo(How.LABEL);
    assertThat(AnswerMatcher.reply(d, "3")).isInstanceOf(Match.None.class);
    assertThat(((Match.Picked) AnswerMatcher.reply(c, "the two of them")).how()).isEqualTo(How.WORDS);
  }

  @ParameterizedTest(name = "at {0}, \"{1}\" means {2}")
  @CsvSource(delimiter = '|', value = {
      "where | when I log in | login",
      "where | every time I run /login | login",
      "where | in a session I resumed | resumed",
      "where | only after claude --continue | resumed",
      "where | we use an API key | route",
      "where | through our LiteLLM gateway | route",
      "where | ANTHROPIC_BASE_URL points at our proxy | route",
      "where | even in a brand new session | every",
      "where | I can't log in | login",
      "login-check | yes that fixed it | works",
      "login-check | nope, same error | still-failing",
      "login-check | didn't work | still-failing",
      "login-check | tried /login, didn't help, then it worked | works",
      "incident-check | still waiting on them | waiting",
      "incident-check | not fixed yet | waiting",
      "which-error | it's a 529 | 529",
      "which-error | we keep getting 500s | 500",
      "which-error | hit the usage limit | 429",
      "ask-status | no incident listed | green",
      "ask-status | all green | green",
  })
  void wordsMeanTheirChoice(String step, String text, String value) {
    assertThat(picked(step, text)).isEqualTo(value);
  }

  @ParameterizedTest(name = "at {0}, \"{1}\" means nothing")
  @CsvSource(delimiter = '|', value = {
      "where | not on login",
      "where | it isn't a resumed session",
      "where | no proxy, no api key",
      "login-check | anyone else seeing this?",
      "which-error | hello",
      "where | ",
  })
  void negationAndChatterPickNothing(String step, String text) {
    assertThat(picked(step, text == null ? "" : text)).isEqualTo("none");
  }

  @ParameterizedTest(name = "\"{1}\" at {0} is read despite the typo")
  @CsvSource(delimiter = '|', value = {
      "where | when i try to authenticat | login",
      "where | through the gatway | route",
      "which-error | overloded | 529",
      "login-check | stil failling | still-failing",
  })
  void smallTyposAreForgiven(String step, String text, String value) {
    assertThat(picked(step, text)).isEqualTo(value);
  }

  @Test
  void commandsAndCodesAreNotGuessedFromTypos() {
    List<Step.Answer> c = List.of(Step.Answer.of("in", "In", "x", List.of("/login")),
        Step.Answer.of("code", "Code", "y", List.of("500")));
    assertThat(AnswerMatcher.reply(c, "/logon")).isInstanceOf(Match.None.class);
    assertThat(AnswerMatcher.reply(c, "501")).isInstanceOf(Match.None.class);
  }

  @Test
  void twoChoicesThatFitEquallyAreAmbiguous() {
    assertThat(picked("where", "a resumed session behind our proxy")).isEqualTo("?resumed|route");
    assertThat(picked("which-error", "500 and 529 error codes")).isEqualTo("?500|529");
  }

  @Test
  void cluesIgnoreNumbersAndLabels() {
    List<Step.Answer> d = List.of(Step.Answer.of("a", "Alpha", "x", List.of("first")),
        Step.Answer.of("b", "Beta", "y", List.of()));
    assertThat(AnswerMatcher.clues(d, "2")).isInstanceOf(Match.None.class);
    assertThat(AnswerMatcher.clues(d, "Beta")).isInstanceOf(Match.None.class);
    assertThat(AnswerMatcher.clues(d, "the first one")).isInstanceOf(Match.Picked.class);
  }

  @Test
  void aHugeTextIsReadWithinItsBound() {
    String flood = "login proxy resume ".repeat(50_000);
    assertThat(AnswerMatcher.reply(choices("where"), flood)).isNotNull();
  }
}
