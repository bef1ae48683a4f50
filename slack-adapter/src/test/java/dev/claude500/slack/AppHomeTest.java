package dev.claude500.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claude500.testing.FakeSlackApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The App Home tab: published for whoever opens it, with the page, their triages, the subscriptions and the stats. */
class AppHomeTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @AutoClose
  private final SlackHarness h = SlackHarness.running();

  private void opened(String eventId, String userId) {
    ObjectNode event = JSON.createObjectNode().put("type", "app_home_opened").put("user", userId)
        .put("channel", "D0HOME" + userId.substring(2)).put("tab", "home").put("event_ts", "1700000600.000001");
    assertThat(h.event(eventId, event, Map.of()).statusCode()).isEqualTo(200);
  }

  private FakeSlackApi.Call awaitPublished(String userId, int nth) {
    return h.slack.awaitCount("views.publish", nth, SlackHarness.WAIT).stream()
        .filter(c -> c.param("user_id").equals(userId)).reduce((a, b) -> b).orElseThrow();
  }

  private static String texts(JsonNode view) {
    List<String> out = new ArrayList<>();
    view.path("blocks").findValues("text").forEach(t -> out.add(t.isTextual() ? t.asText() : t.path("text").asText()));
    return String.join("\n", out);
  }

  private static JsonNode image(JsonNode view) {
    for (JsonNode b : view.path("blocks")) {
      if (b.path("type").asText().equals("image")) {
        return b;
      }
    }
    throw new AssertionError("no image block in " + view);
  }

  @Test
  @DisplayName("The Home tab shows the page, the person's open triage with its link, each subscription's filter and the 30-day stats with the chart")
  void publishedForWhoOpensIt() {
    h.command("U0ADMIN", "admin", "subscribe code");
    h.slack.await("response_url", c -> c.body().contains("Subscribed"), SlackHarness.WAIT);
    h.command("U0ALICE", "alice", "");
    h.slack.await("chat.postMessage", c -> !c.param("thread_ts").isEmpty(), SlackHarness.WAIT);

    opened("Ev0HOME1", "U0ALICE");
    FakeSlackApi.Call published = awaitPublished("U0ALICE", 1);
    JsonNode view = published.json("view");
    assertThat(view.path("type").asText()).isEqualTo("home");
    assertThat(texts(view)).contains("Status page:", "*Your open triages:*",
        "https://fake.slack.test/archives/" + SlackHarness.CHANNEL + "/p",
        "<#" + SlackHarness.CHANNEL + ">: incidents touching Claude Code, by <@U0ADMIN>",
        "Team stats, last 30 days", "*Triages:* 1;");
    String fileId = image(view).path("slack_file").path("id").asText();
    assertThat(h.slack.uploaded(fileId)).get().matches(b -> b.length > 5_000);
    assertThat(h.slack.calls("files.completeUploadExternal").get(0).param("channel_id")).as("kept private").isEmpty();

    opened("Ev0HOME2", "U0BOB");
    JsonNode bobs = awaitPublished("U0BOB", 2).json("view");
    assertThat(texts(bobs)).contains("*Your open triages:* none.", "*Triages:* 1;");
    assertThat(image(bobs).path("slack_file").path("id").asText()).as("the chart uploaded once").isEqualTo(fileId);
    assertThat(h.slack.calls("files.getUploadURLExternal")).hasSize(1);
  }

  @Test
  @DisplayName("A Home tab Slack refuses for its fresh chart is published without it, and the refused file is not shown again")
  void refusedChartIsLeftOut() {
    h.slack.script("views.publish", FakeSlackApi.Answer.error("invalid_blocks"));
    opened("Ev0HOME3", "U0ALICE");
    List<FakeSlackApi.Call> published = h.slack.awaitCount("views.publish", 2, SlackHarness.WAIT);
    JsonNode refused = published.get(0).json("view");
    String fileId = image(refused).path("slack_file").path("id").asText();
    JsonNode shown = published.get(1).json("view");
    assertThat(h.slack.accepted("views.publish")).containsExactly(published.get(1));
    assertThat(texts(shown)).contains("*Your open triages:*", "Team stats, last 30 days");
    assertThat(shown.path("blocks").findValues("type")).extracting(JsonNode::asText).doesNotContain("image");

    opened("Ev0HOME4", "U0ALICE");
    JsonNode again = awaitPublished("U0ALICE", 3).json("view");
    assertThat(image(again).path("slack_file").path("id").asText()).as("a new upload").isNotEqualTo(fileId);
    assertThat(h.slack.calls("files.getUploadURLExternal")).hasSize(2);
  }
}
