package dev.claude500.discord;

import static dev.claude500.testing.FakeDiscord.ALICE;
import static dev.claude500.testing.FakeDiscord.BOB;
import static dev.claude500.testing.FakeDiscord.GUILD_ID;
import static dev.claude500.testing.FakeDiscord.INCIDENTS;
import static dev.claude500.testing.FakeDiscord.NO_SEND;
import static dev.claude500.testing.FakeDiscord.NO_THREADS;
import static dev.claude500.testing.FakeDiscord.SPARE;
import static dev.claude500.testing.FakeDiscord.TRIAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claude500.chat.ChannelMention;
import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ChatDeliveryException;
import dev.claude500.chat.ChatPort;
import dev.claude500.chat.MessageRef;
import dev.claude500.chat.Reply;
import dev.claude500.status.IncidentStatus;
import dev.claude500.status.IncidentView;
import dev.claude500.testing.FakeDiscord.Call;
import dev.claude500.testing.StatusFixtures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Incident posts through {@link DiscordChatPort} into a channel subscribed with the slash command. */
class DiscordChatPortEndToEndTest {
  private static LoopbackDiscord d;
  private static ChatPort port;

  @BeforeAll
  static void connect() throws Exception {
    d = new LoopbackDiscord();
    port = d.adapter.chatPort();
  }

  @AfterAll
  static void close() {
    d.close();
  }

  private static IncidentView open() {
    return IncidentView.of(StatusFixtures.redSummary().incidents().stream()
        .filter(i -> i.id().equals(StatusFixtures.RED_INCIDENT_ID)).findFirst().orElseThrow());
  }

  private static IncidentView resolved(IncidentView v) {
    return new IncidentView(v.id(), v.name(), IncidentStatus.RESOLVED, v.impact(), v.components(), v.latest(),
        v.link(), v.startedAt(), Optional.of(Instant.parse("2026-04-15T16:40:00Z")), v.maintenance());
  }

  private static void subscribe(String channel, String user) throws InterruptedException {
    int before = d.discord.calls("POST", "/webhooks/.*").size();
    d.discord.slash(channel, user, "subscribe", Map.of());
    d.discord.await(c -> c.is("POST", "/webhooks/.*"), before + 1, LoopbackDiscord.WAIT);
  }

  @Test
  @DisplayName("an incident is posted as an embed, threaded, updated, and its resolution noted in the channel")
  void incidentWithItsThread() throws Exception {
    subscribe(INCIDENTS, ALICE);
    Call subscribed = d.discord.calls("POST", "/webhooks/.*").get(d.discord.calls("POST", "/webhooks/.*").size() - 1);
    assertThat(subscribed.body().path("content").asText()).startsWith("Subscribed");
    assertThat(subscribed.body().path("flags").asInt() & 64).isEqualTo(64);

    ChannelRef channel = new ChannelRef("discord", INCIDENTS);
    IncidentView incident = open();
    MessageRef top = port.post(channel, new Reply.Incident(incident, ChannelMention.NONE, Optional.empty()));
    JsonNode posted = d.discord.message(top.messageId()).orElseThrow();
    JsonNode embed = posted.path("embeds").get(0);
    assertThat(embed.path("title").asText()).contains(incident.name());
    assertThat(embed.path("url").asText()).isEqualTo(incident.link());
    assertThat(embed.path("color").asInt()).isEqualTo(Colours.RED);
    assertThat(embed.toString()).contains("Claude Code").contains("Latest update");

    MessageRef update = port.postInThread(channel, top.messageId(), Reply.Message.of("**Identified**: a fix is rolling out."), false);
    assertThat(d.discord.calls("POST", "/channels/" + INCIDENTS + "/messages/" + top.messageId() + "/threads")).hasSize(1);
    assertThat(update.channel()).isEqualTo(new ChannelRef("discord", top.messageId()));
    assertThat(d.discord.thread(top.messageId()).orElseThrow().path("name").asText()).contains(incident.name().substring(0, 20));
    assertThat(d.discord.message(update.messageId()).orElseThrow().path("content").asText())
        .isEqualTo("**Identified**: a fix is rolling out.");

    port.postInThread(channel, top.messageId(), Reply.Message.of("Monitoring."), false);
    assertThat(d.discord.calls("POST", "/channels/.*/threads")).as("the thread is started once").hasSize(1);

    port.update(top, new Reply.Incident(resolved(incident), ChannelMention.NONE, Optional.empty()));
    JsonNode edited = d.discord.message(top.messageId()).orElseThrow().path("embeds").get(0);
    assertThat(edited.path("color").asInt()).isEqualTo(Colours.GREEN);
    assertThat(edited.path("description").asText()).contains("resolved");

    int inChannel = d.discord.messagesIn(INCIDENTS).size();
    MessageRef last = port.postInThread(channel, top.messageId(), new Reply.Incident(resolved(incident), ChannelMention.NONE, Optional.empty()), true);
    List<com.fasterxml.jackson.databind.node.ObjectNode> channelMessages = d.discord.messagesIn(INCIDENTS);
    assertThat(channelMessages).hasSize(inChannel + 1);
    String notice = channelMessages.get(channelMessages.size() - 1).path("content").asText();
    assertThat(notice).contains("resolved")
        .contains("https://discord.com/channels/" + GUILD_ID + "/" + top.messageId() + "/" + last.messageId());
    assertThat(port.permalink(top)).contains("https://discord.com/channels/" + GUILD_ID + "/" + INCIDENTS + "/" + top.messageId());
  }

  @Test
  @DisplayName("a channel's mention is the content of an incident's post, allowed to ping exactly it; other posts and edits ping nobody")
  void incidentMentionPingsExactlyWhatWasAsked() throws Exception {
    ChannelRef channel = new ChannelRef("discord", INCIDENTS);
    MessageRef here = port.post(channel, new Reply.Incident(open(), ChannelMention.of(ChannelMention.Kind.HERE), Optional.empty()));
    JsonNode sent = lastPostBody();
    assertThat(sent.path("content").asText()).isEqualTo("@here");
    assertThat(sent.path("allowed_mentions").path("parse").toString()).isEqualTo("[\"everyone\"]");
    assertThat(sent.path("allowed_mentions").path("roles").size()).isZero();

    port.post(channel, new Reply.Incident(open(), ChannelMention.of(ChannelMention.Kind.EVERYONE), Optional.empty()));
    assertThat(lastPostBody().path("content").asText()).isEqualTo("@everyone");
    assertThat(lastPostBody().path("allowed_mentions").path("parse").toString()).isEqualTo("[\"everyone\"]");

    port.post(channel, new Reply.Incident(open(), ChannelMention.role("987654321098765432"), Optional.empty()));
    JsonNode role = lastPostBody();
    assertThat(role.path("content").asText()).isEqualTo("<@&987654321098765432>");
    assertThat(role.path("allowed_mentions").path("parse").size()).isZero();
    assertThat(role.path("allowed_mentions").path("roles").toString()).isEqualTo("[\"987654321098765432\"]");

    port.post(channel, new Reply.Incident(open(), ChannelMention.NONE, Optional.empty()));
    assertThat(lastPostBody().path("content").asText()).isEmpty();
    assertThat(lastPostBody().path("allowed_mentions").path("parse").size()).isZero();
    assertThat(lastPostBody().path("allowed_mentions").path("roles").size()).isZero();

    port.update(here, new Reply.Incident(resolved(open()), ChannelMention.NONE, Optional.empty()));
    List<Call> edits = d.discord.calls("PATCH", "/channels/" + INCIDENTS + "/messages/" + here.messageId());
    JsonNode edit = edits.get(edits.size() - 1).body();
    assertThat(edit.path("allowed_mentions").path("parse").size()).isZero();
    assertThat(edit.path("content").asText()).doesNotContain("@");
  }

  private JsonNode lastPostBody() {
    List<Call> posts = d.discord.calls("POST", "/channels/" + INCIDENTS + "/messages");
    return posts.get(posts.size() - 1).body();
  }

  @Test
  @DisplayName("a thread whose message exists but which the bot no longer knows is found again, not started twice")
  void threadFoundAgainThroughItsMessage() throws Exception {
    ChannelRef channel = new ChannelRef("discord", TRIAGE);
    MessageRef top = port.post(channel, new Reply.Incident(open(), ChannelMention.NONE, Optional.empty()));
    port.postInThread(channel, top.messageId(), Reply.Message.of("first"), false);
    // A second adapter (a restart) has no thread in its cache and reads the message to find it.
    try (DiscordAdapter other = d.restarted()) {
      MessageRef again = other.chatPort().postInThread(channel, top.messageId(), Reply.Message.of("second"), false);
      assertThat(again.channel().channelId()).isEqualTo(top.messageId());
    }
    assertThat(d.discord.calls("POST", "/channels/" + TRIAGE + "/messages/" + top.messageId() + "/threads")).hasSize(1);
  }

  @Test
  @DisplayName("missing permissions fail for good and are told to the subscriber once, in plain words")
  void missingPermissionsToldOnce() throws Exception {
    subscribe(NO_SEND, BOB);
    Call subscribed = d.discord.calls("POST", "/webhooks/.*").get(d.discord.calls("POST", "/webhooks/.*").size() - 1);
    assertThat(subscribed.body().path("content").asText()).contains("Heads-up").contains("Send Messages");

    ChannelRef channel = new ChannelRef("discord", NO_SEND);
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> port.post(channel, new Reply.Incident(open(), ChannelMention.NONE, Optional.empty())))
          .isInstanceOfSatisfying(ChatDeliveryException.class, e -> assertThat(e.retryable()).isFalse());
    }
    Call dm = d.discord.await("POST", "/users/@me/channels", LoopbackDiscord.WAIT);
    assertThat(dm.body().path("recipient_id").asText()).isEqualTo(BOB);
    Call told = d.discord.await("POST", "/channels/96\\d+/messages", LoopbackDiscord.WAIT);
    assertThat(told.body().path("content").asText()).contains("<#" + NO_SEND + ">").contains("**Send Messages**")
        .contains("/claude500 unsubscribe");
    Thread.sleep(200);
    assertThat(d.discord.calls("POST", "/users/@me/channels")).hasSize(1);
    assertThat(d.discord.calls("POST", "/channels/" + NO_SEND + "/messages")).as("JDA refuses before sending").isEmpty();
  }

  @Test
  @DisplayName("a channel where threads cannot be started: the post works, the thread fails for good, told once")
  void noThreads() throws Exception {
    subscribe(NO_THREADS, ALICE);
    ChannelRef channel = new ChannelRef("discord", NO_THREADS);
    MessageRef top = port.post(channel, new Reply.Incident(open(), ChannelMention.NONE, Optional.empty()));
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> port.postInThread(channel, top.messageId(), Reply.Message.of("update"), false))
          .isInstanceOfSatisfying(ChatDeliveryException.class, e -> {
            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).contains("Create Public Threads");
          });
    }
    Call told = d.discord.await(c -> c.is("POST", "/channels/96\\d+/messages")
        && c.body().path("content").asText().contains("<#" + NO_THREADS + ">"), 1, LoopbackDiscord.WAIT);
    assertThat(told.body().path("content").asText()).contains("start threads in");
    Thread.sleep(200);
    assertThat(d.discord.calls("POST", "/channels/96\\d+/messages").stream()
        .filter(c -> c.body().path("content").asText().contains("<#" + NO_THREADS + ">"))).hasSize(1);
  }

  @Test
  @DisplayName("a 429 delays the post (JDA waits it out), and Discord's own 403 (50013) fails for good")
  void rateLimitedThenRefused() throws Exception {
    ChannelRef channel = new ChannelRef("discord", SPARE);
    d.discord.rateLimitOnce(SPARE, 1);
    long started = System.nanoTime();
    MessageRef posted = port.post(channel, Reply.Message.of("after a rate limit"));
    assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(900);
    assertThat(d.discord.calls("POST", "/channels/" + SPARE + "/messages")).extracting(Call::status).containsExactly(429, 200);
    assertThat(d.discord.message(posted.messageId())).isPresent();

    d.discord.refusePosts(SPARE);
    assertThatThrownBy(() -> port.post(channel, Reply.Message.of("hello")))
        .isInstanceOfSatisfying(ChatDeliveryException.class, e -> {
          assertThat(e.retryable()).isFalse();
          assertThat(e.getMessage()).contains("50013");
        });
  }
}
