package dev.claude500.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.Slack;
import dev.claude500.chat.ChannelRef;
import dev.claude500.incidents.IncidentWatcher;
import dev.claude500.incidents.LedgerEntry;
import dev.claude500.metrics.BotMetrics;
import dev.claude500.testing.FakeSlackApi;
import dev.claude500.testing.FakeSlackApi.Answer;
import dev.claude500.testing.FakeSlackApi.Lost;
import dev.claude500.testing.TcpProxy;
import dev.claude500.testing.WatcherRig;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The incident watcher posting through the real Slack chat port while the Web API misbehaves: a
 * rate limit, server errors beyond the retries, an answer that never comes (a real read timeout),
 * connections refused. Each post is delayed, never lost and never shown twice.
 */
@DisplayName("Incident posts through a misbehaving Slack Web API: delayed, never lost, never doubled")
class SlackDeliveryFaultsTest {
  private static final String CHANNEL = "C0INCIDENTS";
  private static final Duration READ_TIMEOUT = Duration.ofMillis(400);

  private final FakeSlackApi fake = FakeSlackApi.start();
  private final TcpProxy proxy = TcpProxy.to("127.0.0.1", URI.create(fake.apiUrl()).getPort());
  private final WatcherRig rig = new WatcherRig();
  private final ChannelRef channel = new ChannelRef("slack", CHANNEL);
  private final List<Duration> pauses = new CopyOnWriteArrayList<>();
  private Slack slack;
  private IncidentWatcher watcher;

  @BeforeEach
  void start() {
    slack = SlackAdapter.slack("http://127.0.0.1:" + proxy.port() + "/api/", READ_TIMEOUT);
    RetryPolicy noSleep = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(5), pauses::add);
    watcher = rig.subscribe(channel).watcher(rig.store(),
        new SlackChatPort(new WebApi(slack, "xoxb-test", noSleep, BotMetrics.none()), new Prompts()));
    rig.roundAt(watcher, rig.before());
  }

  @AfterEach
  void stop() throws Exception {
    slack.close();
    proxy.close();
    fake.close();
    rig.close();
  }

  private List<ObjectNode> tagged(String itemKey) {
    return Tagged.in(fake, CHANNEL, itemKey);
  }

  private String rootKey() {
    return "incident/" + rig.incident().id();
  }

  /**
   * Runs a round more on the page as it was, then two once the second update is out; the incident
   * and its second update are each in the channel once, and the ledger says where.
   */
  private void everythingOnce() {
    rig.roundAt(watcher, rig.opened());
    rig.roundAt(watcher, rig.updated());
    rig.roundAt(watcher, rig.updated());
    assertThat(tagged(rootKey())).as("the incident's post").hasSize(1);
    String root = tagged(rootKey()).get(0).path("ts").asText();
    assertThat(rig.store().ledger().find(channel, rootKey())).flatMap(LedgerEntry::messageId).contains(root);
    assertThat(fake.replies(CHANNEL, root)).as("its second update").hasSize(1);
    assertThat(rig.store().ledger().unconfirmed()).isEmpty();
  }

  @Test
  @DisplayName("a 429 is waited out for its Retry-After within the round")
  void rateLimited() {
    fake.script("chat.postMessage", Answer.rateLimited(2));

    rig.roundAt(watcher, rig.opened());

    assertThat(tagged(rootKey())).hasSize(1);
    assertThat(pauses).contains(Duration.ofSeconds(2));
    everythingOnce();
  }

  @Test
  @DisplayName("5xx answers beyond the retries put the post off to a later round")
  void serverErrors() {
    fake.script("chat.postMessage", Answer.status(500), Answer.status(502), Answer.status(503));

    rig.roundAt(watcher, rig.opened());
    assertThat(tagged(rootKey())).as("not taken yet").isEmpty();
    assertThat(fake.calls("chat.postMessage")).hasSize(3);

    everythingOnce();
  }

  @Test
  @DisplayName("an answer that never comes: the post Slack took is found by its metadata, not posted again")
  void timedOut() {
    fake.loseAnswers("chat.postMessage", 1, Lost.TIMED_OUT);

    long start = System.nanoTime();
    rig.roundAt(watcher, rig.opened());

    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the client gave up on its own")
        .isLessThan(FakeSlackApi.HELD_ANSWER);
    assertThat(tagged(rootKey())).hasSize(1);
    assertThat(fake.calls("conversations.history")).as("looked for before posting again").isNotEmpty();
    everythingOnce();
  }

  @Test
  @DisplayName("connections refused for a while: nothing is posted meanwhile, everything once afterwards")
  void refused() {
    proxy.cut();
    rig.roundAt(watcher, rig.opened());
    assertThat(fake.calls()).isEmpty();
    assertThat(rig.store().ledger().find(channel, rootKey())).as("claimed, not posted")
        .hasValueSatisfying(e -> assertThat(e.isPosted()).isFalse());

    proxy.restore();
    everythingOnce();
  }

  @Test
  @DisplayName("connections refused across an update: the post made afterwards shows the incident as it stands")
  void refusedAcrossAnUpdate() {
    proxy.cut();
    rig.roundAt(watcher, rig.opened());
    rig.roundAt(watcher, rig.updated());
    proxy.restore();
    rig.roundAt(watcher, rig.updated());
    rig.roundAt(watcher, rig.updated());

    assertThat(tagged(rootKey())).hasSize(1);
    String second = rig.incident().incidentUpdates().stream().filter(u -> u.id().equals(rig.secondUpdateId()))
        .findFirst().orElseThrow().body();
    String root = tagged(rootKey()).get(0).path("ts").asText();
    String shown = fake.messages(CHANNEL).stream().filter(m -> m.path("ts").asText().equals(root)
        || m.path("thread_ts").asText().equals(root)).map(ObjectNode::toString).reduce("", String::concat);
    assertThat(shown).as("the missed update is shown").contains(second.substring(0, Math.min(40, second.length())));
    assertThat(rig.store().ledger().unconfirmed()).isEmpty();
  }
}
