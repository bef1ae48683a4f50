package dev.claude500.discord;

import static dev.claude500.testing.FakeDiscord.ALICE;
import static dev.claude500.testing.FakeDiscord.APP_ID;
import static dev.claude500.testing.FakeDiscord.BOB;
import static dev.claude500.testing.FakeDiscord.GUILD_ID;
import static dev.claude500.testing.FakeDiscord.INCIDENTS;
import static dev.claude500.testing.FakeDiscord.NO_THREADS;
import static dev.claude500.testing.FakeDiscord.SPARE;
import static dev.claude500.testing.FakeDiscord.TRIAGE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claude500.chat.ConversationKey;
import dev.claude500.testing.FakeDiscord.Call;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The message command "Triage with claude500" through the real JDA client and a loopback Discord:
 * registered beside {@code /claude500}, acknowledged privately at once, a triage of the message in
 * a thread started on it, and a clear private answer, never a second triage, for what cannot be
 * triaged.
 */
class DiscordMessageCommandTest {
  private static final String ERROR = "API Error: 500 {\"type\":\"error\",\"error\":{\"type\":\"api_error\","
      + "\"message\":\"Internal server error\"},\"request_id\":\"req_011CXmPAT8xd3GWgKxdq8TRC\"}";
  private static final String KIND_QUESTION = "API Error: 500 (internal server error)";
  private static final String WHERE_ANSWER = "While signing in (/login, OAuth)";
  private static final int EPHEMERAL = 64;
  private static final Duration DISCORD_WINDOW = Duration.ofSeconds(3);
  private static LoopbackDiscord d;

  @BeforeAll
  static void connect() throws Exception {
    d = new LoopbackDiscord();
  }

  @AfterAll
  static void close() {
    d.close();
  }

  @Test
  @DisplayName("the message command is registered with /claude500, in servers only")
  void registeredWithTheSlashCommand() {
    List<Call> puts = d.discord.calls("PUT", "/applications/" + APP_ID + "/guilds/" + GUILD_ID + "/commands");
    assertThat(puts).hasSize(1);
    List<String> names = new ArrayList<>();
    puts.get(0).body().forEach(c -> names.add(c.path("name").asText() + "/" + c.path("type").asInt()));
    assertThat(names).containsExactly("claude500/1", "Triage with claude500/3");
    JsonNode message = puts.get(0).body().get(1);
    assertThat(message.path("contexts")).singleElement().satisfies(c -> assertThat(c.asInt()).isZero());
    assertThat(message.path("integration_types")).singleElement().satisfies(c -> assertThat(c.asInt()).isZero());
    assertThat(message.path("options")).isEmpty();
  }

  @Test
  @DisplayName("on a person's error message: acknowledged privately within Discord's 3 s, a thread on the message "
      + "opens with who asked and whose message it is, and the paste answers the first question")
  void triagesTheMessageInItsThread() throws Exception {
    String message = d.discord.postAs(TRIAGE, BOB, "my claude code keeps failing:\n" + ERROR);

    String interaction = d.discord.messageCommand(message, ALICE);

    Call ack = d.discord.awaitCallback(interaction, LoopbackDiscord.WAIT);
    assertThat(ack.body().path("type").asInt()).isEqualTo(5);
    assertThat(ack.body().path("data").path("flags").asInt() & EPHEMERAL).isEqualTo(EPHEMERAL);
    assertThat(d.discord.acknowledgedAfter(interaction).orElseThrow()).isLessThan(DISCORD_WINDOW);

    d.discord.await("POST", "/channels/" + TRIAGE + "/messages/" + message + "/threads", LoopbackDiscord.WAIT);
    assertThat(d.discord.thread(message)).isPresent();
    ObjectNode where = d.awaitButton(message, WHERE_ANSWER);
    List<ObjectNode> inThread = posts(message);
    assertThat(inThread.get(0).get("content").asText())
        .contains("<@" + ALICE + "> started a Claude Code 500 triage of <@" + BOB + ">'s message");
    assertThat(inThread.get(0).path("embeds").toString()).contains("Answer in this thread");
    assertThat(inThread).noneMatch(m -> LoopbackDiscord.buttonId(m, KIND_QUESTION).isPresent());
    assertThat(where.get("channel_id").asText()).isEqualTo(message);

    Call told = awaitFollowUp(interaction);
    assertThat(told.body().path("content").asText()).contains("Triage started in <#" + message + ">");
    assertThat(told.body().path("flags").asInt() & EPHEMERAL).isEqualTo(EPHEMERAL);
    assertThat(d.services.engine().find(new ConversationKey("discord", TRIAGE, message))).isPresent();
    assertThat(d.discord.calls("POST", "/channels/" + TRIAGE + "/messages")).as("nothing posted in the channel itself")
        .isEmpty();
  }

  @Test
  @DisplayName("the same message twice: the second is told the thread already has a triage, and nothing is posted")
  void noSecondTriageOnOneMessage() throws Exception {
    String message = d.discord.postAs(SPARE, BOB, ERROR);
    awaitFollowUp(d.discord.messageCommand(message, ALICE));
    d.awaitButton(message, WHERE_ANSWER);
    int posted = posts(message).size();

    String again = d.discord.messageCommand(message, BOB);

    Call told = awaitFollowUp(again);
    assertThat(told.body().path("content").asText()).contains("<#" + message + "> already has a triage");
    assertThat(told.body().path("flags").asInt() & EPHEMERAL).isEqualTo(EPHEMERAL);
    assertThat(posts(message)).hasSize(posted);
    assertThat(d.discord.calls("POST", "/channels/" + SPARE + "/messages/" + message + "/threads")).hasSize(1);
  }

  @Test
  @DisplayName("a message in a thread that already runs a triage: told so privately, no second triage")
  void messageInAThreadWithATriage() throws Exception {
    d.discord.slash(INCIDENTS, ALICE, "triage", Map.of());
    Call started = d.discord.await("POST", "/channels/" + INCIDENTS + "/messages/\\d+/threads", LoopbackDiscord.WAIT);
    String thread = started.path().split("/")[4];
    d.awaitButton(thread, KIND_QUESTION);
    String message = d.discord.postAs(thread, BOB, ERROR);
    int posted = posts(thread).size();
    int threads = d.discord.calls("POST", ".*/threads").size();

    Call told = awaitFollowUp(d.discord.messageCommand(message, BOB));

    assertThat(told.body().path("content").asText()).contains("<#" + thread + "> already has a triage");
    assertThat(posts(thread)).hasSize(posted);
    assertThat(d.discord.calls("POST", ".*/threads")).hasSize(threads);
  }

  @Test
  @DisplayName("the bot's own message and a message with only an embed are answered privately with why not")
  void ownAndTextlessMessages() throws Exception {
    String own = d.discord.postAs(TRIAGE, APP_ID, "a post of the bot's own");
    ArrayNode embeds = new ObjectMapper().createArrayNode();
    embeds.addObject().put("title", "a link preview").put("description", ERROR);
    String embedOnly = d.discord.postAs(TRIAGE, BOB, "", embeds);

    Call ownAnswer = d.discord.awaitCallback(d.discord.messageCommand(own, ALICE), LoopbackDiscord.WAIT);
    Call embedAnswer = d.discord.awaitCallback(d.discord.messageCommand(embedOnly, ALICE), LoopbackDiscord.WAIT);

    assertThat(ownAnswer.body().path("type").asInt()).isEqualTo(4);
    assertThat(ownAnswer.body().path("data").path("flags").asInt() & EPHEMERAL).isEqualTo(EPHEMERAL);
    assertThat(ownAnswer.body().path("data").path("content").asText()).contains("one of my own messages");
    assertThat(embedAnswer.body().path("data").path("content").asText()).contains("no text I can read");
    assertThat(embedAnswer.body().path("data").path("flags").asInt() & EPHEMERAL).isEqualTo(EPHEMERAL);
    assertThat(d.discord.thread(own)).isEmpty();
    assertThat(d.discord.thread(embedOnly)).isEmpty();
  }

  @Test
  @DisplayName("a 40,000-character message starts one bounded triage: every post fits Discord's limits")
  void hugeMessage() throws Exception {
    String huge = ERROR + "\n" + "x".repeat(40_000 - ERROR.length() - 1);
    String message = d.discord.postAs(SPARE, ALICE, huge);

    awaitFollowUp(d.discord.messageCommand(message, ALICE));

    d.awaitButton(message, WHERE_ANSWER);
    assertThat(posts(message)).allSatisfy(m -> {
      assertThat(m.get("content").asText().length()).isLessThanOrEqualTo(Limits.CONTENT);
      assertThat(m.get("content").asText()).doesNotContain("x".repeat(Limits.CONTENT));
    });
    assertThat(posts(message).get(0).get("content").asText()).contains("of their message");
  }

  @Test
  @DisplayName("where the bot may not start threads, the person hears which permission is missing; no triage starts")
  void noThreadPermission() throws Exception {
    String message = d.discord.postAs(NO_THREADS, BOB, ERROR);

    Call told = awaitFollowUp(d.discord.messageCommand(message, ALICE));

    assertThat(told.body().path("content").asText()).contains("missing");
    assertThat(d.discord.thread(message)).isEmpty();
    assertThat(d.services.engine().find(new ConversationKey("discord", NO_THREADS, message))).isEmpty();
  }

  /** Returns the messages everyone sees in a channel or thread (the fake keeps private follow-ups there too). */
  private static List<ObjectNode> posts(String channelId) {
    return d.discord.messagesIn(channelId).stream().filter(m -> (m.path("flags").asInt() & EPHEMERAL) == 0).toList();
  }

  /** Waits for the first follow-up of an interaction: what the person who used the command is told. */
  private static Call awaitFollowUp(String interaction) throws InterruptedException {
    return d.discord.await(c -> c.is("POST", "/webhooks/" + APP_ID + "/itoken-" + interaction), 1, LoopbackDiscord.WAIT);
  }
}
