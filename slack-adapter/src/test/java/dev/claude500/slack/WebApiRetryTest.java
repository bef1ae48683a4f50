package dev.claude500.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.Slack;
import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ChatDeliveryException;
import dev.claude500.chat.MessageRef;
import dev.claude500.chat.Reply;
import dev.claude500.metrics.BotMetrics;
import dev.claude500.testing.FakeSlackApi;
import dev.claude500.testing.FakeSlackApi.Answer;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Web API calls: delayed on 429 and 5xx, never lost to them, never sent twice")
class WebApiRetryTest {
  private final FakeSlackApi fake = FakeSlackApi.start();
  private final List<Duration> pauses = new CopyOnWriteArrayList<>();
  private final RetryPolicy recorded = new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(50),
      Duration.ofSeconds(5), d -> {
        pauses.add(d);
        Thread.sleep(d.toMillis());
      });
  private Slack slack;

  @AfterEach
  void stop() throws Exception {
    if (slack != null) {
      slack.close();
    }
    fake.close();
  }

  private WebApi web(String apiUrl, RetryPolicy policy) {
    slack = SlackAdapter.slack(apiUrl);
    return new WebApi(slack, "xoxb-test", policy, BotMetrics.none());
  }

  private static SlackMessage hello() {
    return SlackMessages.render(Reply.Message.of("hello"));
  }

  @Test
  void a429IsWaitedOutForItsRetryAfterAndThePostDeliveredOnce() {
    fake.script("chat.postMessage", Answer.rateLimited(1));
    long start = System.nanoTime();
    String ts = web(fake.apiUrl(), recorded).postMessage("C1", null, false, hello());

    assertThat(ts).isNotBlank();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(pauses).containsExactly(Duration.ofSeconds(1));
    assertThat(fake.calls("chat.postMessage")).hasSize(2);
    assertThat(fake.accepted("chat.postMessage")).hasSize(1);
  }

  @Test
  void a500IsRetriedWithBackoffAndThePostDeliveredOnce() {
    fake.script("chat.postMessage", Answer.status(500), Answer.status(503));
    web(fake.apiUrl(), recorded).postMessage("C1", null, false, hello());
    assertThat(fake.calls("chat.postMessage")).hasSize(3);
    assertThat(fake.accepted("chat.postMessage")).hasSize(1);
    assertThat(pauses).hasSize(2).allSatisfy(d -> assertThat(d).isBetween(Duration.ofMillis(10), Duration.ofMillis(60)));
  }

  @Test
  void aPostWhoseOutcomeIsUnknownIsNotRepeated() {
    fake.script("chat.postMessage", Answer.error("internal_error"));
    WebApi web = web(fake.apiUrl(), recorded);
    assertThatThrownBy(() -> web.postMessage("C1", null, false, hello()))
        .isInstanceOfSatisfying(SlackCallException.class,
            e -> assertThat(e.kind()).isEqualTo(SlackCallException.Kind.UNKNOWN_OUTCOME));
    assertThat(fake.calls("chat.postMessage")).hasSize(1);
  }

  @Test
  void anUpdateIsRepeatedEvenWhenItsOutcomeWasUnknown() {
    fake.script("chat.update", Answer.error("internal_error"));
    web(fake.apiUrl(), recorded).update("C1", "1.2", hello());
    assertThat(fake.calls("chat.update")).hasSize(2);
  }

  @Test
  void aPermanentRefusalIsNotRetried() {
    fake.script("chat.postMessage", Answer.error("channel_not_found"));
    WebApi web = web(fake.apiUrl(), recorded);
    assertThatThrownBy(() -> web.postMessage("C1", null, false, hello()))
        .isInstanceOfSatisfying(SlackCallException.class, e -> {
          assertThat(e.kind()).isEqualTo(SlackCallException.Kind.PERMANENT);
          assertThat(e.isNotInChannel()).isTrue();
        });
    assertThat(fake.calls("chat.postMessage")).hasSize(1);
    assertThat(pauses).isEmpty();
  }

  @Test
  void anUnreachableApiIsRetriedThenReportedRetryable() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    WebApi web = web("http://127.0.0.1:" + port + "/api/", recorded);
    assertThatThrownBy(() -> web.postMessage("C1", null, false, hello()))
        .isInstanceOfSatisfying(SlackCallException.class,
            e -> assertThat(e.kind()).isEqualTo(SlackCallException.Kind.RETRYABLE));
    assertThat(pauses).hasSize(3);
  }

  @Test
  void aRetryAfterLongerThanTheLongestWaitIsHandedToTheCaller() {
    fake.script("chat.postMessage", Answer.rateLimited(120));
    SlackChatPort port = new SlackChatPort(web(fake.apiUrl(), recorded), new Prompts());
    assertThatThrownBy(() -> port.post(new ChannelRef("slack", "C1"), Reply.Message.of("hi")))
        .isInstanceOfSatisfying(ChatDeliveryException.class, e -> {
          assertThat(e.retryable()).isTrue();
          assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
        });
    assertThat(fake.calls("chat.postMessage")).hasSize(1);
    assertThat(pauses).isEmpty();
  }

  @Test
  void theChatPortSaysWhichFailuresArePermanent() {
    SlackChatPort port = new SlackChatPort(web(fake.apiUrl(), recorded), new Prompts());
    ChannelRef channel = new ChannelRef("slack", "C1");
    for (String error : List.of("not_in_channel", "channel_not_found", "is_archived", "missing_scope")) {
      fake.script("chat.postMessage", Answer.error(error));
      assertThatThrownBy(() -> port.post(channel, Reply.Message.of("hi")))
          .isInstanceOfSatisfying(ChatDeliveryException.class, e -> {
            assertThat(e.retryable()).as(error).isFalse();
            assertThat(e.getMessage()).contains(error);
          });
    }
    fake.script("chat.update", Answer.status(502), Answer.status(502), Answer.status(502), Answer.status(502));
    assertThatThrownBy(() -> port.update(new MessageRef(channel, "1.2"), Reply.Message.of("hi")))
        .isInstanceOfSatisfying(ChatDeliveryException.class, e -> assertThat(e.retryable()).isTrue());
    assertThat(fake.calls("chat.update")).hasSize(4);
  }
}
