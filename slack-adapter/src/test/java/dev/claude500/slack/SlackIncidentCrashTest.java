package dev.claude500.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.Slack;
import dev.claude500.chat.ChannelRef;
import dev.claude500.incidents.IncidentWatcher;
import dev.claude500.metrics.BotMetrics;
import dev.claude500.status.IncidentStatus;
import dev.claude500.status.IncidentUpdate;
import dev.claude500.incidents.LedgerEntry;
import dev.claude500.testing.CrashingStore;
import dev.claude500.testing.FakeSlackApi;
import dev.claude500.testing.FakeSlackApi.Lost;
import dev.claude500.testing.WatcherRig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The incident watcher posting through the real Slack chat port into a loopback Slack, killed
 * between a post and its record in the ledger, then started again: the item is found in Slack by
 * its metadata and recorded, not posted a second time.
 */
@DisplayName("Slack incident posts: exactly once across a crash between the post and its record")
class SlackIncidentCrashTest {
  private static final String CHANNEL = "C0INCIDENTS";

  private final FakeSlackApi fake = FakeSlackApi.start();
  private final WatcherRig rig = new WatcherRig();
  private final ChannelRef channel = new ChannelRef("slack", CHANNEL);
  private final List<Slack> clients = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (Slack s : clients) {
      s.close();
    }
    fake.close();
    rig.close();
  }

  /** A chat port as a newly started process has one: its own client, nothing remembered. */
  private SlackChatPort freshPort() {
    Slack slack = SlackAdapter.slack(fake.apiUrl());
    clients.add(slack);
    RetryPolicy noSleep = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(5), d -> { });
    return new SlackChatPort(new WebApi(slack, "xoxb-test", noSleep, BotMetrics.none()), new Prompts());
  }

  private List<ObjectNode> tagged(String itemKey) {
    return Tagged.in(fake, CHANNEL, itemKey);
  }

  private String rootKey() {
    return "incident/" + rig.incident().id();
  }

  private String secondUpdateKey() {
    IncidentUpdate u = rig.incident().incidentUpdates().stream().filter(x -> x.id().equals(rig.secondUpdateId()))
        .findFirst().orElseThrow();
    String kind = u.status() == IncidentStatus.RESOLVED ? "resolved/"
        : u.status() == IncidentStatus.POSTMORTEM ? "postmortem/" : "update/";
    return kind + u.id();
  }

  @Test
  @DisplayName("the incident's top-level post: the restart finds it in the channel's history")
  void topLevelPost() {
    rig.subscribe(channel);
    IncidentWatcher doomed = rig.watcher(new CrashingStore(rig.store(), channel, rootKey()), freshPort());
    rig.roundAt(doomed, rig.before());
    rig.roundAt(doomed, rig.opened());
    assertThat(tagged(rootKey())).as("posted, then the process died").hasSize(1);
    assertThat(rig.store().ledger().unconfirmed()).extracting(LedgerEntry::itemKey).containsExactly(rootKey());

    IncidentWatcher restarted = rig.watcher(rig.store(), freshPort());
    rig.roundAt(restarted, rig.opened());
    rig.roundAt(restarted, rig.updated());

    String ts = tagged(rootKey()).get(0).path("ts").asText();
    assertThat(tagged(rootKey())).as("not posted again").hasSize(1);
    assertThat(rig.store().ledger().find(channel, rootKey())).flatMap(LedgerEntry::messageId).contains(ts);
    assertThat(rig.store().ledger().unconfirmed()).isEmpty();
    assertThat(fake.replies(CHANNEL, ts)).as("the next update threads under the post found").hasSize(1);
    assertThat(fake.calls("conversations.history")).hasSize(1);
  }

  @Test
  @DisplayName("an update's thread reply: the restart finds it in the thread")
  void threadReply() {
    rig.subscribe(channel);
    IncidentWatcher doomed = rig.watcher(new CrashingStore(rig.store(), channel, secondUpdateKey()), freshPort());
    rig.roundAt(doomed, rig.before());
    rig.roundAt(doomed, rig.opened());
    rig.roundAt(doomed, rig.updated());
    assertThat(tagged(secondUpdateKey())).hasSize(1);
    assertThat(rig.store().ledger().unconfirmed()).extracting(LedgerEntry::itemKey).containsExactly(secondUpdateKey());

    IncidentWatcher restarted = rig.watcher(rig.store(), freshPort());
    rig.roundAt(restarted, rig.updated());

    assertThat(tagged(secondUpdateKey())).as("not posted again").hasSize(1);
    assertThat(rig.store().ledger().find(channel, secondUpdateKey())).flatMap(LedgerEntry::messageId)
        .contains(tagged(secondUpdateKey()).get(0).path("ts").asText());
    assertThat(fake.calls("conversations.replies")).hasSize(1);
  }

  @Test
  @DisplayName("a post whose answer was lost on the way back is recorded once, neither dropped nor repeated")
  void answerLost() {
    rig.subscribe(channel);
    IncidentWatcher watcher = rig.watcher(rig.store(), freshPort());
    rig.roundAt(watcher, rig.before());
    fake.loseAnswers("chat.postMessage", 1, Lost.CONNECTION_DROPPED);
    rig.roundAt(watcher, rig.opened());

    assertThat(tagged(rootKey())).hasSize(1);
    assertThat(rig.store().ledger().find(channel, rootKey())).flatMap(LedgerEntry::messageId)
        .contains(tagged(rootKey()).get(0).path("ts").asText());
  }
}
