package dev.claude500.discord;

import static dev.claude500.testing.FakeDiscord.ALICE;
import static dev.claude500.testing.FakeDiscord.TRIAGE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claude500.testing.FakeDiscord.Call;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Triages answered in words through the "Answer in words…" modal, through the real JDA client and a loopback Discord. */
@DisplayName("Discord: a triage answered in words, end to end over loopback")
class DiscordTriageInWordsTest {
  private static LoopbackDiscord d;

  @BeforeAll
  static void connect() throws Exception {
    d = new LoopbackDiscord();
  }

  @AfterAll
  static void close() {
    d.close();
  }

  /** Starts a triage and returns its thread's id. */
  private static String started(Map<String, String> options) throws InterruptedException {
    int threads = d.discord.calls("POST", "/channels/" + TRIAGE + "/messages/\\d+/threads").size();
    d.discord.slash(TRIAGE, ALICE, "triage", options);
    Call thread = d.discord.await(c -> c.is("POST", "/channels/" + TRIAGE + "/messages/\\d+/threads"), threads + 1,
        LoopbackDiscord.WAIT);
    return thread.path().split("/")[4];
  }

  /** Answers the question showing {@code label} through its modal, in words. */
  private static void answerInWords(String threadId, String label, String words) throws InterruptedException {
    ObjectNode question = d.awaitButton(threadId, label);
    String open = LoopbackDiscord.buttonId(question, DiscordMessages.WORDS_LABEL).orElseThrow();
    int modals = d.discord.calls().stream().filter(DiscordTriageInWordsTest::isModal).toList().size();
    d.discord.click(question.get("id").asText(), open, ALICE);
    Call modal = d.discord.await(DiscordTriageInWordsTest::isModal, modals + 1, LoopbackDiscord.WAIT);
    assertThat(modal.body().path("data").path("title").asText()).isEqualTo("Answer claude500");
    d.discord.submitModal(question.get("id").asText(), modal.body().path("data").path("custom_id").asText(),
        PasteFlow.TEXT, words, ALICE);
  }

  private static boolean isModal(Call c) {
    return c.is("POST", "/interactions/\\d+/[^/]+/callback") && c.body().path("type").asInt() == 9;
  }

  @ParameterizedTest(name = "\"{0}\" then \"{1}\" reach: {2}")
  @CsvSource(delimiter = '|', value = {
      "it's a 500 | when I log in | The 500 comes from signing in",
      "500s | in a session I resumed yesterday | One resumed session keeps failing",
      "internal server error | we go through a LiteLLM proxy | Check which route your requests really take",
  })
  void eachBranchFromWordsAlone(String error, String where, String firstMove) throws Exception {
    String threadId = started(Map.of());
    answerInWords(threadId, "API Error: 500 (internal server error)", error);
    answerInWords(threadId, "While signing in (/login, OAuth)", where);
    ObjectNode advice = d.awaitMessage(threadId, m -> m.path("content").asText().contains(firstMove), firstMove);
    assertThat(advice.path("content").asText()).contains("First move");
  }

  @Test
  void theCheckAnsweredInWordsLeadsOnToTheReport() throws Exception {
    String threadId = started(Map.of());
    answerInWords(threadId, "API Error: 500 (internal server error)", "500");
    answerInWords(threadId, "While signing in (/login, OAuth)", "sign in");
    answerInWords(threadId, "Same sign-in still fails", "nope, same error");
    ObjectNode errorLine = d.awaitButton(threadId, "I don't have it");
    assertThat(errorLine.path("content").asText()).contains("Paste the exact error line");
    ObjectNode answered = d.awaitMessage(threadId, m -> m.path("content").asText().contains("answered in words by"),
        "the check marked answered in words");
    assertThat(LoopbackDiscord.buttons(answered)).allSatisfy(b -> assertThat(b.path("disabled").asBoolean()).isTrue());
  }

  @Test
  void aSentenceInTheErrorOptionLandsOnItsBranch() throws Exception {
    String threadId = started(Map.of(SlashCommand.ERROR, "API Error: 500 every time I run /login since this morning"));
    ObjectNode why = d.awaitMessage(threadId, m -> m.path("content").asText().contains("You mentioned"), "the reason");
    assertThat(why.path("content").asText()).contains("login / OAuth");
    ObjectNode check = d.awaitButton(threadId, "Wrong branch? Pick another");
    assertThat(check.path("content").asText()).contains("Did the same Claude Code sign-in work");
  }
}
