package dev.claude500.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claude500.incidents.IncidentWatcher;
import dev.claude500.testing.FakeSlackApi;
import dev.claude500.testing.WatcherRig;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A channel subscribed by a signed {@code /claude500 subscribe}, then the real incident watcher
 * replaying a real incident through the adapter's chat port into the loopback Slack.
 */
@DisplayName("/claude500 subscribe brings incident posts: one post, its updates threaded, edited, the resolution broadcast")
class SubscribedIncidentPostsTest {
  private SlackHarness h;
  private WatcherRig rig;

  @BeforeEach
  void start() throws Exception {
    h = new SlackHarness().started();
    rig = new WatcherRig();
  }

  @AfterEach
  void stop() {
    rig.close();
    h.close();
  }

  @Test
  void anIncidentFromOpeningToResolution() {
    h.command("U0ALICE", "alice", "subscribe");
    h.slack.await("response_url", c -> c.blockText().contains("Subscribed"), SlackHarness.WAIT);
    IncidentWatcher watcher = rig.watcher(h.store, h.adapter.chatPort());

    rig.roundAt(watcher, rig.before());
    assertThat(h.slack.calls("chat.postMessage")).as("nothing from before the incident").isEmpty();

    rig.roundAt(watcher, rig.opened());
    List<ObjectNode> top = h.slack.topLevel(SlackHarness.CHANNEL);
    assertThat(top).singleElement().satisfies(m -> assertThat(m.path("text").asText()).contains(rig.incident().name()));
    String root = top.get(0).path("ts").asText();

    rig.roundAt(watcher, rig.updated());
    assertThat(h.slack.replies(SlackHarness.CHANNEL, root)).isNotEmpty();
    assertThat(h.slack.calls("chat.update")).as("the post edited to the incident's state")
        .anySatisfy(c -> assertThat(c.param("ts")).isEqualTo(root));

    rig.roundAt(watcher, rig.resolved());
    rig.roundAt(watcher, rig.resolved());

    assertThat(h.slack.topLevel(SlackHarness.CHANNEL)).as("still one post").hasSize(1);
    List<FakeSlackApi.Call> inThread = h.slack.accepted("chat.postMessage").stream()
        .filter(c -> c.param("thread_ts").equals(root)).toList();
    assertThat(inThread).extracting(c -> c.json("metadata").path("event_payload").path(PostTag.ITEM_KEY).asText())
        .doesNotHaveDuplicates();
    FakeSlackApi.Call resolution = inThread.get(inThread.size() - 1);
    assertThat(resolution.param("reply_broadcast")).isIn("1", "true");
    assertThat(inThread.subList(0, inThread.size() - 1))
        .allSatisfy(c -> assertThat(c.param("reply_broadcast")).isIn("", "0", "false"));
    List<FakeSlackApi.Call> edits = h.slack.calls("chat.update").stream().filter(c -> c.param("ts").equals(root)).toList();
    assertThat(edits.get(edits.size() - 1).blockText()).contains("Resolved");
  }
}
