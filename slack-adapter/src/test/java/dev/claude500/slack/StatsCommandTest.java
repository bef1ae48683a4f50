package dev.claude500.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claude500.testing.FakeSlackApi;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code /claude500 stats} in Slack: the chart uploaded in three calls, shown to the asker or to the channel. */
class StatsCommandTest {
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  @AutoClose
  private final SlackHarness h = SlackHarness.running();

  /** Returns true when {@code data} holds {@code part} anywhere. */
  private static boolean holds(byte[] data, byte[] part) {
    for (int i = 0; i <= data.length - part.length; i++) {
      if (Arrays.equals(data, i, i + part.length, part, 0, part.length)) {
        return true;
      }
    }
    return false;
  }

  /** Checks the upload calls carry one PNG chart and returns its file id. */
  private String uploadedChart() {
    FakeSlackApi.Call asked = h.slack.await("files.getUploadURLExternal", c -> true, SlackHarness.WAIT);
    assertThat(asked.param("filename")).isEqualTo("claude500-stats.png");
    String fileId = asked.answer().replaceFirst(".*\"file_id\":\"([^\"]+)\".*", "$1");
    FakeSlackApi.Call completed = h.slack.await("files.completeUploadExternal", c -> true, SlackHarness.WAIT);
    assertThat(completed.json("files").path(0).path("id").asText()).isEqualTo(fileId);
    byte[] uploaded = h.slack.uploaded(fileId).orElseThrow();
    int length = Integer.parseInt(asked.param("length"));
    assertThat(uploaded.length).as("the bytes of the PNG, in a multipart body").isGreaterThan(length);
    assertThat(holds(uploaded, PNG_SIGNATURE)).isTrue();
    assertThat(length).isGreaterThan(5_000);
    return fileId;
  }

  @Test
  @DisplayName("Without public, the chart stays private to the app and the answer goes to the asker only, with the chart in it")
  void onlyTheAskerSeesIt() {
    h.command("U0ALICE", "alice", "stats 7d");

    String fileId = uploadedChart();
    FakeSlackApi.Call completed = h.slack.calls("files.completeUploadExternal").get(0);
    assertThat(completed.param("channel_id")).isEmpty();
    FakeSlackApi.Call answer = h.slack.await("response_url", c -> c.body().contains("Team stats"), SlackHarness.WAIT);
    assertThat(answer.blockText()).contains("Team stats, last 7 days", "No triages in the last 7 days");
    JsonNode image = null;
    for (JsonNode block : answer.json("blocks")) {
      if (block.path("type").asText().equals("image")) {
        image = block;
      }
    }
    assertThat(image).isNotNull();
    assertThat(image.path("slack_file").path("id").asText()).isEqualTo(fileId);
    assertThat(answer.param("response_type")).isEqualTo("ephemeral");
    assertThat(h.slack.calls("chat.postMessage")).as("nothing in the channel").isEmpty();
  }

  @Test
  @DisplayName("With public, the chart is shared into the channel with the table as its comment")
  void publicGoesToTheChannel() {
    h.command("U0ALICE", "alice", "stats public");

    uploadedChart();
    FakeSlackApi.Call completed = h.slack.calls("files.completeUploadExternal").get(0);
    assertThat(completed.param("channel_id")).isEqualTo(SlackHarness.CHANNEL);
    assertThat(completed.param("initial_comment")).contains("Team stats, last 30 days");
  }

  @Test
  @DisplayName("A triage started in the channel is counted")
  void countsATriage() {
    h.command("U0ALICE", "alice", "");
    h.slack.await("chat.postMessage", c -> !c.param("thread_ts").isEmpty(), SlackHarness.WAIT);
    h.command("U0BOB", "bob", "stats");
    FakeSlackApi.Call answer = h.slack.await("response_url", c -> c.body().contains("Team stats"), SlackHarness.WAIT);
    assertThat(answer.blockText()).contains("*Triages:* 1;", "*Outcomes:* open 1");
    assertThat(answer.blockText()).doesNotContain("No triages");
  }

  @Test
  @DisplayName("An answer Slack refuses for its chart (a file not processed yet) comes again without it, with a line saying so")
  void refusedChartLeavesTheTable() {
    // what a response_url answers an image block naming a file Slack has not processed yet
    h.slack.script("response_url", new FakeSlackApi.Answer(404, Map.of(), "{\"ok\":false,\"error\":\"invalid_blocks\"}"));
    h.command("U0ALICE", "alice", "stats 7d");

    List<FakeSlackApi.Call> answers = h.slack.awaitCount("response_url", 2, SlackHarness.WAIT);
    assertThat(answers.get(0).body()).contains("slack_file");
    FakeSlackApi.Call shown = answers.get(1);
    assertThat(h.slack.accepted("response_url")).containsExactly(shown);
    assertThat(shown.blockText()).contains("Team stats, last 7 days", "The chart could not be shown this time.");
    assertThat(shown.body()).doesNotContain("slack_file");
  }
}
