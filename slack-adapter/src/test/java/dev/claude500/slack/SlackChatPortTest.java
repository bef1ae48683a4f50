package dev.claude500.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import dev.claude500.chat.ChannelMention;
import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.MessageRef;
import dev.claude500.chat.Reply;
import dev.claude500.metrics.BotMetrics;
import dev.claude500.status.Incident;
import dev.claude500.status.IncidentStatus;
import dev.claude500.status.IncidentView;
import dev.claude500.testing.FakeSlackApi;
import dev.claude500.testing.StatusFixtures;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The Slack chat port: incident posts, threaded updates, broadcast resolutions, edits, links")
class SlackChatPortTest {
  private final FakeSlackApi fake = FakeSlackApi.start();
  private final Slack slack = SlackAdapter.slack(fake.apiUrl());
  private final SlackChatPort port =
      new SlackChatPort(new WebApi(slack, "xoxb-test", RetryPolicy.DEFAULT, BotMetrics.none()), new Prompts());
  private final ChannelRef channel = new ChannelRef("slack", "C0INCIDENTS");

  @AfterEach
  void stop() throws Exception {
    slack.close();
    fake.close();
  }

  private static IncidentView redIncident() {
    Incident incident = StatusFixtures.redSummary().incidents().stream()
        .filter(i -> i.id().equals(StatusFixtures.RED_INCIDENT_ID)).findFirst().orElseThrow();
    return IncidentView.of(incident);
  }

  @Test
  @DisplayName("A channel's mention leads an incident post as Slack's special mention, in the blocks and the notification text; an edit has none")
  void anIncidentPostCarriesTheChannelsMention() {
    IncidentView open = redIncident();
    MessageRef top = port.post(channel, new Reply.Incident(open, ChannelMention.of(ChannelMention.Kind.HERE), Optional.empty()));
    FakeSlackApi.Call post = fake.calls("chat.postMessage").get(0);
    assertThat(post.blockText()).startsWith("<!here> 🔴");
    assertThat(post.param("text")).startsWith("<!here> ");
    port.post(channel, new Reply.Incident(open, ChannelMention.of(ChannelMention.Kind.CHANNEL), Optional.empty()));
    assertThat(fake.calls("chat.postMessage").get(1).param("text")).startsWith("<!channel> ");
    port.post(channel, new Reply.Incident(open, ChannelMention.role("123"), Optional.empty()));
    assertThat(fake.calls("chat.postMessage").get(2).param("text")).doesNotContain("<!").doesNotContain("123>");
    port.update(top, new Reply.Incident(open, ChannelMention.NONE, Optional.empty()));
    assertThat(fake.calls("chat.update").get(0).param("text")).doesNotContain("<!");
    assertThat(fake.calls("chat.update").get(0).blockText()).doesNotContain("<!");
  }

  @Test
  void anIncidentIsOnePostWithItsUpdatesInItsThreadAndItsResolutionBroadcast() {
    IncidentView open = redIncident();
    MessageRef top = port.post(channel, new Reply.Incident(open, ChannelMention.NONE, Optional.empty()));
    FakeSlackApi.Call post = fake.calls("chat.postMessage").get(0);
    assertThat(top).isEqualTo(new MessageRef(channel, post.ts()));
    assertThat(post.param("channel")).isEqualTo("C0INCIDENTS");
    assertThat(post.param("thread_ts")).isEmpty();
    assertThat(post.blockText()).contains("🔴 <https://status.claude.com/incidents/" + StatusFixtures.RED_INCIDENT_ID)
        .contains("Elevated errors").contains("critical impact").contains("Latest update")
        .contains("🔴 Claude Code: major outage");
    assertThat(post.param("unfurl_links")).isIn("0", "false");

    MessageRef update = port.postInThread(channel, top.messageId(), new Reply.Incident(open, ChannelMention.NONE, Optional.empty()), false);
    FakeSlackApi.Call threaded = fake.calls("chat.postMessage").get(1);
    assertThat(threaded.param("thread_ts")).isEqualTo(top.messageId());
    assertThat(threaded.param("reply_broadcast")).isIn("0", "false");
    assertThat(update.messageId()).isNotEqualTo(top.messageId());

    IncidentView resolved = new IncidentView(open.id(), open.name(), IncidentStatus.RESOLVED, open.impact(),
        open.components(), open.latest(), open.link(), open.startedAt(), Optional.of(Instant.parse("2026-04-15T16:00:00Z")),
        false);
    port.postInThread(channel, top.messageId(), new Reply.Incident(resolved, ChannelMention.NONE, Optional.empty()), true);
    FakeSlackApi.Call broadcast = fake.calls("chat.postMessage").get(2);
    assertThat(broadcast.param("reply_broadcast")).isIn("1", "true");
    assertThat(broadcast.blockText()).contains("✅ *Resolved:*").contains("resolved 2026-04-15 16:00 UTC");

    port.update(top, new Reply.Incident(resolved, ChannelMention.NONE, Optional.empty()));
    FakeSlackApi.Call edit = fake.calls("chat.update").get(0);
    assertThat(edit.param("ts")).isEqualTo(top.messageId());
    assertThat(edit.param("channel")).isEqualTo("C0INCIDENTS");
    assertThat(edit.blockText()).contains("Resolved");

    assertThat(port.permalink(top)).hasValueSatisfying(link -> assertThat(link).contains("C0INCIDENTS"));
    assertThat(fake.calls()).allSatisfy(c -> assertThat(c.headers().get("authorization")).containsExactly("Bearer xoxb-test"));
  }

  @Test
  void aPermalinkSlackWillNotGiveIsEmpty() {
    fake.script("chat.getPermalink", FakeSlackApi.Answer.error("message_not_found"));
    assertThat(port.permalink(new MessageRef(channel, "1.1"))).isEmpty();
    assertThat(port.platform()).isEqualTo("slack");
  }
}
