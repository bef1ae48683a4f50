package dev.claude500.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.Slack;
import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ChatDeliveryException;
import dev.claude500.chat.MessageRef;
import dev.claude500.chat.Reply;
import dev.claude500.metrics.BotMetrics;
import dev.claude500.testing.FakeSlackApi;
import dev.claude500.testing.FakeSlackApi.Answer;
import dev.claude500.testing.FakeSlackApi.Lost;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Tagged posts: found again by their key, and a lost answer neither drops nor repeats a post")
class TaggedPostsTest {
  private static final String CHANNEL = "C0INCIDENTS";

  private final FakeSlackApi fake = FakeSlackApi.start();
  private final List<Duration> pauses = new CopyOnWriteArrayList<>();
  private final Slack slack = SlackAdapter.slack(fake.apiUrl());
  private final WebApi web = new WebApi(slack, "xoxb-test", new RetryPolicy(3, Duration.ofMillis(10),
      Duration.ofMillis(50), Duration.ofSeconds(5), pauses::add), BotMetrics.none());
  private final TaggedPosts tagged = new TaggedPosts(web);
  private final SlackChatPort port = new SlackChatPort(web, new Prompts());
  private final ChannelRef channel = new ChannelRef("slack", CHANNEL);

  @AfterEach
  void stop() throws Exception {
    slack.close();
    fake.close();
  }

  private static SlackMessage hello() {
    return SlackMessages.render(Reply.Message.of("hello"));
  }

  @Test
  @DisplayName("a post carries its key as message metadata, and history is read with the metadata")
  void metadataOnThePostAndInTheRead() {
    MessageRef posted = port.post(channel, Reply.Message.of("Elevated errors"), "incident/abc");

    FakeSlackApi.Call call = fake.calls("chat.postMessage").get(0);
    assertThat(call.json("metadata").path("event_type").asText()).isEqualTo(PostTag.EVENT_TYPE);
    assertThat(call.json("metadata").path("event_payload").path(PostTag.ITEM_KEY).asText()).isEqualTo("incident/abc");
    assertThat(port.findPosted(channel, Optional.empty(), "incident/abc")).contains(posted);
    assertThat(fake.calls("conversations.history").get(0).param("include_all_metadata")).isIn("1", "true");
    assertThat(port.findPosted(channel, Optional.empty(), "incident/other")).isEmpty();
  }

  @Test
  @DisplayName("findPosted looks in the thread's replies for a thread item, and finds nothing in a thread that is gone")
  void inAThread() {
    MessageRef root = port.post(channel, Reply.Message.of("incident"), "incident/abc");
    port.postInThread(channel, root.messageId(), Reply.Message.of("first update"), false, "update/u1");
    MessageRef second = port.postInThread(channel, root.messageId(), Reply.Message.of("resolved"), true, "resolved/u2");

    assertThat(port.findPosted(channel, Optional.of(root.messageId()), "resolved/u2")).contains(second);
    assertThat(fake.calls("conversations.replies").get(0).param("ts")).isEqualTo(root.messageId());
    assertThat(port.findPosted(channel, Optional.of(root.messageId()), "update/u3")).isEmpty();
    assertThat(port.findPosted(channel, Optional.of("1699999999.000001"), "update/u1")).isEmpty();
  }

  @Test
  @DisplayName("a thread longer than the pages Slack gives is read page by page, following the cursor")
  void pagesOfReplies() {
    MessageRef root = port.post(channel, Reply.Message.of("incident"), "incident/abc");
    for (int i = 0; i < 12; i++) {
      port.postInThread(channel, root.messageId(), Reply.Message.of("update " + i), false, "update/u" + i);
    }
    fake.maxPage(5);
    fake.clearCalls();

    assertThat(port.findPosted(channel, Optional.of(root.messageId()), "update/u11")).isPresent();
    assertThat(fake.calls("conversations.replies")).extracting(c -> c.param("cursor"))
        .containsExactly("", "offset:5", "offset:10");
  }

  @Test
  @DisplayName("Slack took the post and the connection dropped: it is found, not posted again")
  void connectionDroppedAfterTheTake() {
    fake.loseAnswers("chat.postMessage", 1, Lost.CONNECTION_DROPPED);

    String ts = tagged.post(CHANNEL, null, false, hello(), new PostTag("incident/abc", Optional.empty()));

    List<ObjectNode> kept = fake.topLevel(CHANNEL);
    assertThat(kept).singleElement().satisfies(m -> assertThat(m.path("ts").asText()).isEqualTo(ts));
    assertThat(fake.calls("chat.postMessage")).hasSize(1);
    assertThat(fake.calls("conversations.history")).hasSize(1);
    assertThat(pauses).singleElement().satisfies(d -> assertThat(d).isGreaterThanOrEqualTo(TaggedPosts.LOOKUP_DELAY));
  }

  @Test
  @DisplayName("Slack took a thread reply and answered internal_error: it is found in the thread, not posted again")
  void internalErrorAfterTheTake() {
    String root = tagged.post(CHANNEL, null, false, hello(), PostTag.fresh("post"));
    fake.loseAnswers("chat.postMessage", 1, Lost.INTERNAL_ERROR);

    String ts = tagged.post(CHANNEL, root, false, hello(), new PostTag("update/u1", Optional.empty()));

    assertThat(fake.replies(CHANNEL, root)).singleElement().satisfies(m -> assertThat(m.path("ts").asText()).isEqualTo(ts));
    assertThat(fake.calls("conversations.replies")).hasSize(1);
  }

  @Test
  @DisplayName("an answer lost before Slack took the post: it is not found, so it is posted again, once")
  void lostBeforeTheTake() {
    fake.script("chat.postMessage", Answer.error("internal_error"));

    tagged.post(CHANNEL, null, false, hello(), new PostTag("incident/abc", Optional.empty()));

    assertThat(fake.topLevel(CHANNEL)).hasSize(1);
    assertThat(fake.calls("chat.postMessage")).hasSize(2);
  }

  @Test
  @DisplayName("when the look fails too, the chat port says the outcome is unknown: retried later, never dropped")
  void lookFails() {
    fake.loseAnswers("chat.postMessage", 1, Lost.CONNECTION_DROPPED);
    fake.script("conversations.history", Answer.error("missing_scope"));

    assertThatThrownBy(() -> port.post(channel, Reply.Message.of("hello"), "incident/abc"))
        .isInstanceOfSatisfying(ChatDeliveryException.class, e -> {
          assertThat(e.outcomeUnknown()).isTrue();
          assertThat(e.retryable()).isTrue();
        });
    assertThat(fake.topLevel(CHANNEL)).hasSize(1);
  }

  @Test
  @DisplayName("answers lost every time and nothing found: as many posts as the policy allows, then outcome unknown")
  void lostEveryTime() {
    fake.script("chat.postMessage", Answer.error("internal_error"), Answer.error("internal_error"),
        Answer.error("internal_error"));

    assertThatThrownBy(() -> tagged.post(CHANNEL, null, false, hello(), new PostTag("incident/abc", Optional.empty())))
        .isInstanceOfSatisfying(SlackCallException.class,
            e -> assertThat(e.kind()).isEqualTo(SlackCallException.Kind.UNKNOWN_OUTCOME));
    assertThat(fake.calls("chat.postMessage")).hasSize(3);
    assertThat(fake.calls("conversations.history")).hasSize(2);
  }

  @Test
  @DisplayName("untagged posts whose answer was lost are still not repeated")
  void untagged() {
    fake.loseAnswers("chat.postMessage", 1, Lost.CONNECTION_DROPPED);

    assertThatThrownBy(() -> web.postMessage(CHANNEL, null, false, hello()))
        .isInstanceOfSatisfying(SlackCallException.class,
            e -> assertThat(e.kind()).isEqualTo(SlackCallException.Kind.UNKNOWN_OUTCOME));
    assertThat(fake.calls("chat.postMessage")).hasSize(1);
    assertThat(fake.calls("conversations.history")).isEmpty();
  }
}
