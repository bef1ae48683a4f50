package dev.claude500.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaybookLoaderTest {
  private static final String OK_TAIL =
      "{\"id\":\"done\",\"type\":\"outcome\",\"result\":\"resolved\",\"text\":\"Done.\"}";

  private static PlaybookException problems(String json) {
    try {
      PlaybookLoader.parse("test.json", json.getBytes(StandardCharsets.UTF_8));
    } catch (PlaybookException e) {
      return e;
    }
    throw new AssertionError("expected the playbook to be refused");
  }

  private static String playbook(String start, String... steps) {
    return "{\"id\":\"t\",\"title\":\"Test\",\"start\":\"" + start + "\",\"steps\":[" + String.join(",", steps) + "]}";
  }

  @Test
  void theBuiltInPlaybookLoads() {
    Playbook p = PlaybookLoader.builtIn();
    assertThat(p.id()).isEqualTo("claude-code-500");
    assertThat(p.stepList()).hasSizeGreaterThan(20);
  }

  @Test
  void anUnknownTargetIsNamedWithItsStep() {
    PlaybookException e = problems(playbook("q",
        "{\"id\":\"q\",\"type\":\"question\",\"text\":\"Q?\",\"choices\":[{\"value\":\"a\",\"label\":\"A\",\"next\":\"nowhere\"}]}",
        OK_TAIL));
    assertThat(e.problems()).contains("step q leads to unknown step nowhere");
  }

  @Test
  void anUnreachableStepIsNamed() {
    PlaybookException e = problems(playbook("done", OK_TAIL,
        "{\"id\":\"orphan\",\"type\":\"outcome\",\"result\":\"resolved\",\"text\":\"x\"}"));
    assertThat(e.problems()).contains("step orphan cannot be reached from the start");
  }

  @Test
  void aCycleWithoutAnExitIsNamed() {
    PlaybookException e = problems(playbook("a",
        "{\"id\":\"a\",\"type\":\"question\",\"text\":\"A?\",\"choices\":[{\"value\":\"x\",\"label\":\"X\",\"next\":\"b\"}]}",
        "{\"id\":\"b\",\"type\":\"question\",\"text\":\"B?\",\"choices\":[{\"value\":\"x\",\"label\":\"X\",\"next\":\"a\"}]}"));
    assertThat(e.problems()).contains(
        "step a is in a cycle without an exit: no outcome can be reached from it",
        "step b is in a cycle without an exit: no outcome can be reached from it");
  }

  @Test
  void aCycleWithAnExitIsAllowed() {
    Playbook p = PlaybookLoader.parse("ok.json", playbook("a",
        "{\"id\":\"a\",\"type\":\"question\",\"text\":\"A?\",\"choices\":[{\"value\":\"again\",\"label\":\"Again\",\"next\":\"a\"},{\"value\":\"stop\",\"label\":\"Stop\",\"next\":\"done\"}]}",
        OK_TAIL).getBytes(StandardCharsets.UTF_8));
    assertThat(p.start()).isEqualTo("a");
  }

  @Test
  void aLoopOfAutomaticStepsIsRefused() {
    String advice = "{\"id\":\"%s\",\"type\":\"advice\",\"branch\":\"b\",\"title\":\"t\",\"owner\":\"o\",\"firstMove\":\"f\","
        + "\"samePathCheck\":\"s\",\"escalateWhen\":\"e\",\"next\":\"%s\"}";
    PlaybookException e = problems(playbook("s",
        "{\"id\":\"s\",\"type\":\"auto\",\"check\":\"status\",\"routes\":{\"red\":\"x\",\"green\":\"done\",\"unknown\":\"done\"}}",
        String.format(advice, "x", "y"), String.format(advice, "y", "s"), OK_TAIL));
    assertThat(e.problems()).anyMatch(p -> p.contains("loops through automatic steps"));
  }

  @Test
  void missingTextsAreNamed() {
    PlaybookException e = problems(playbook("adv",
        "{\"id\":\"adv\",\"type\":\"advice\",\"branch\":\"b\",\"title\":\"\",\"owner\":\"o\",\"firstMove\":\"f\",\"samePathCheck\":\"s\",\"next\":\"done\"}",
        "{\"id\":\"done\",\"type\":\"outcome\",\"result\":\"resolved\"}"));
    assertThat(e.problems()).contains("step adv has no title", "step adv has no escalateWhen", "step done has no text");
  }

  @Test
  void phrasesInSaysAreReadAndUsed() {
    Playbook p = PlaybookLoader.parse("ok.json", playbook("q",
        "{\"id\":\"q\",\"type\":\"question\",\"text\":\"Q?\",\"choices\":["
            + "{\"value\":\"a\",\"label\":\"A\",\"next\":\"done\",\"says\":[\"on the VPN\",\"tunnel\"]},"
            + "{\"value\":\"b\",\"label\":\"B\",\"next\":\"done\"}]}",
        OK_TAIL).getBytes(StandardCharsets.UTF_8));
    Step.Question q = (Step.Question) p.require("q");
    assertThat(q.choices().get(0).says()).containsExactly("on the VPN", "tunnel");
    assertThat(q.choices().get(1).says()).isEmpty();
    assertThat(AnswerMatcher.reply(q.choices(), "only when I'm on the vpn")).isInstanceOfSatisfying(
        AnswerMatcher.Match.Picked.class, m -> assertThat(m.answer().value()).isEqualTo("a"));
  }

  @Test
  void emptyPhrasesAndPhrasesClaimedByTwoChoicesAreNamedWithTheirStep() {
    PlaybookException e = problems(playbook("q",
        "{\"id\":\"q\",\"type\":\"question\",\"text\":\"Q?\",\"choices\":["
            + "{\"value\":\"a\",\"label\":\"A\",\"next\":\"done\",\"says\":[\"log in\",\"\",null,\"--\"]},"
            + "{\"value\":\"b\",\"label\":\"B\",\"next\":\"done\",\"says\":[\"Log-In\",\"proxy\",\"proxy\"]}]}",
        OK_TAIL));
    assertThat(e.problems()).contains(
        "step q choice a has an empty phrase in says",
        "step q choice a has an empty phrase in says (\"--\" has no words)",
        "step q has the phrase \"Log-In\" in the says of both a and b",
        "step q choice b has the phrase \"proxy\" twice");
    assertThat(e.getMessage()).contains("test.json");
  }

  @Test
  void aStatusCheckMustRouteEveryResult() {
    PlaybookException e = problems(playbook("s",
        "{\"id\":\"s\",\"type\":\"auto\",\"check\":\"status\",\"routes\":{\"red\":\"done\",\"green\":\"done\",\"purple\":\"done\"}}",
        OK_TAIL));
    assertThat(e.problems()).contains("step s has no route for the result unknown",
        "step s routes a result its check never gives: purple");
  }

  @Test
  void duplicateIdsAndBadDocumentsAreRefused() {
    assertThat(problems(playbook("done", OK_TAIL, OK_TAIL)).problems()).contains("step done is defined twice");
    assertThat(problems("{\"id\":").getMessage()).contains("not a valid playbook document");
    assertThat(problems("{\"id\":\"t\",\"title\":\"T\",\"start\":\"x\",\"steps\":[{\"id\":\"x\",\"type\":\"teleport\"}]}")
        .getMessage()).contains("not a valid playbook document");
  }

  @Test
  void aDirectoryAddsPlaybooksAndCanReplaceTheBuiltIn(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("extra.json"), playbook("done", OK_TAIL).replace("\"id\":\"t\"", "\"id\":\"extra\""));
    Files.writeString(dir.resolve("notes.txt"), "ignored");
    Map<String, Playbook> all = PlaybookLoader.builtInAnd(dir);
    assertThat(all).containsKeys("claude-code-500", "extra");

    Files.writeString(dir.resolve("override.json"),
        playbook("done", OK_TAIL).replace("\"id\":\"t\"", "\"id\":\"claude-code-500\""));
    assertThat(PlaybookLoader.builtInAnd(dir).get("claude-code-500").stepList()).hasSize(1);
  }

  @Test
  void aBrokenFileInTheDirectoryIsNamed(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("broken.json"), "{");
    assertThatThrownBy(() -> PlaybookLoader.builtInAnd(dir))
        .isInstanceOf(PlaybookException.class).hasMessageContaining("broken.json");
  }
}
