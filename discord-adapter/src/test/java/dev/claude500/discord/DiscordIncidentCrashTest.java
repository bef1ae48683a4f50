package dev.claude500.discord;

import static dev.claude500.testing.FakeDiscord.INCIDENTS;
import static dev.claude500.testing.FakeDiscord.SPARE;
import static dev.claude500.testing.FakeDiscord.TRIAGE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ChatPort;
import dev.claude500.chat.MessageRef;
import dev.claude500.chat.Reply;
import dev.claude500.incidents.IncidentWatcher;
import dev.claude500.incidents.LedgerEntry;
import dev.claude500.status.IncidentStatus;
import dev.claude500.status.IncidentUpdate;
import dev.claude500.testing.CrashingStore;
import dev.claude500.testing.FakeDiscord;
import dev.claude500.testing.WatcherRig;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The incident watcher posting through the real Discord chat port into a loopback Discord, killed
 * between a post and its record in the ledger, then started again (a new adapter, nothing cached):
 * the item is found by the reference it shows and recorded, not posted a second time.
 */
@DisplayName("Discord incident posts: exactly once across a crash between the post and its record")
class DiscordIncidentCrashTest {
  private static LoopbackDiscord d;
  private WatcherRig rig;

  @BeforeAll
  static void connect() throws Exception {
    d = new LoopbackDiscord();
  }

  @AfterAll
  static void close() {
    d.close();
  }

  @BeforeEach
  void newRig() {
    rig = new WatcherRig();
  }

  @AfterEach
  void closeRig() {
    rig.close();
  }

  private List<ObjectNode> marked(String channelId, String itemKey) {
    String ref = PostTag.ref(itemKey);
    return d.discord.messagesIn(channelId).stream().filter(m -> m.path("content").asText().endsWith("-# " + ref)
        || m.path("embeds").findValues("footer").stream().anyMatch(f -> f.path("text").asText().endsWith(ref))).toList();
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

  private int historyReads(String channelId) {
    return d.discord.calls("GET", "/channels/" + channelId + "/messages").size();
  }

  @Test
  @DisplayName("the incident's embed: after Discord forgot its nonce, the restart finds it by its reference")
  void topLevelPost() throws Exception {
    ChannelRef channel = new ChannelRef("discord", INCIDENTS);
    rig.subscribe(channel);
    IncidentWatcher doomed = rig.watcher(new CrashingStore(rig.store(), channel, rootKey()), d.adapter.chatPort());
    rig.roundAt(doomed, rig.before());
    rig.roundAt(doomed, rig.opened());
    assertThat(marked(INCIDENTS, rootKey())).as("posted, then the process died").hasSize(1);
    assertThat(rig.store().ledger().unconfirmed()).extracting(LedgerEntry::itemKey).containsExactly(rootKey());
    d.discord.forgetNonces();

    try (DiscordAdapter restartedAdapter = d.restarted()) {
      IncidentWatcher restarted = rig.watcher(rig.store(), restartedAdapter.chatPort());
      rig.roundAt(restarted, rig.opened());
      rig.roundAt(restarted, rig.updated());
    }

    // The post was since edited to the incident's new state (an edit shows no reference: none is needed
    // once the post is recorded), so it is counted by the incident's link.
    List<ObjectNode> posts = d.discord.messagesIn(INCIDENTS).stream()
        .filter(m -> m.path("embeds").path(0).path("url").asText().contains(rig.incident().id())).toList();
    assertThat(posts).as("not posted again").hasSize(1);
    String id = posts.get(0).path("id").asText();
    assertThat(rig.store().ledger().find(channel, rootKey())).flatMap(LedgerEntry::messageId).contains(id);
    assertThat(rig.store().ledger().unconfirmed()).isEmpty();
    assertThat(d.discord.messagesIn(id)).as("the next update threads under the post found").isNotEmpty();
    assertThat(historyReads(INCIDENTS)).isEqualTo(1);
  }

  @Test
  @DisplayName("a keyed embed shows its reference at the end of its footer")
  void embedFooter() {
    ChannelRef channel = new ChannelRef("discord", FakeDiscord.NO_THREADS);
    IncidentWatcher watcher = rig.watcher(rig.store(), d.adapter.chatPort());
    rig.subscribe(channel);
    rig.roundAt(watcher, rig.before());
    rig.roundAt(watcher, rig.opened());

    JsonNode footer = marked(FakeDiscord.NO_THREADS, rootKey()).get(0).path("embeds").get(0).path("footer");
    assertThat(footer.path("text").asText()).startsWith("Started ").endsWith(" · " + PostTag.ref(rootKey()));
  }

  @Test
  @DisplayName("an update in the incident's thread: the restart finds it in the thread by its reference")
  void threadReply() throws Exception {
    ChannelRef channel = new ChannelRef("discord", TRIAGE);
    rig.subscribe(channel);
    IncidentWatcher doomed = rig.watcher(new CrashingStore(rig.store(), channel, secondUpdateKey()), d.adapter.chatPort());
    rig.roundAt(doomed, rig.before());
    rig.roundAt(doomed, rig.opened());
    rig.roundAt(doomed, rig.updated());
    String root = rig.store().ledger().find(channel, rootKey()).flatMap(LedgerEntry::messageId).orElseThrow();
    assertThat(marked(root, secondUpdateKey())).hasSize(1);
    assertThat(rig.store().ledger().unconfirmed()).extracting(LedgerEntry::itemKey).containsExactly(secondUpdateKey());
    d.discord.forgetNonces();

    try (DiscordAdapter restartedAdapter = d.restarted()) {
      IncidentWatcher restarted = rig.watcher(rig.store(), restartedAdapter.chatPort());
      rig.roundAt(restarted, rig.updated());
    }

    assertThat(marked(root, secondUpdateKey())).as("not posted again").hasSize(1);
    assertThat(rig.store().ledger().find(channel, secondUpdateKey())).flatMap(LedgerEntry::messageId)
        .contains(marked(root, secondUpdateKey()).get(0).path("id").asText());
    assertThat(marked(root, secondUpdateKey()).get(0).path("content").asText()).contains("\n-# ref:");
    assertThat(historyReads(root)).isEqualTo(1);
  }

  @Test
  @DisplayName("a post Discord made but answered with a 500: looked for on the next round, recorded once")
  void answerLost() {
    ChannelRef channel = new ChannelRef("discord", SPARE);
    rig.subscribe(channel);
    IncidentWatcher watcher = rig.watcher(rig.store(), d.adapter.chatPort());
    rig.roundAt(watcher, rig.before());
    int before = d.discord.messagesIn(SPARE).size();
    d.discord.failAfterTaking(SPARE, 500);

    rig.roundAt(watcher, rig.opened());
    assertThat(rig.store().ledger().unconfirmed()).extracting(LedgerEntry::itemKey).containsExactly(rootKey());
    rig.roundAt(watcher, rig.opened());

    assertThat(marked(SPARE, rootKey())).hasSize(1);
    assertThat(d.discord.messagesIn(SPARE)).hasSize(before + 1);
    assertThat(rig.store().ledger().find(channel, rootKey())).flatMap(LedgerEntry::messageId)
        .contains(marked(SPARE, rootKey()).get(0).path("id").asText());
  }

  @Test
  @DisplayName("a keyed post repeated within Discord's nonce window is the same message; after it, findPosted is what tells")
  void nonceWindow() throws Exception {
    ChatPort port = d.adapter.chatPort();
    ChannelRef channel = new ChannelRef("discord", FakeDiscord.NO_THREADS);
    MessageRef first = port.post(channel, Reply.Message.of("Elevated errors"), "incident/nonce-test");
    MessageRef again = port.post(channel, Reply.Message.of("Elevated errors"), "incident/nonce-test");
    assertThat(again).isEqualTo(first);
    assertThat(port.findPosted(channel, Optional.empty(), "incident/nonce-test")).contains(first);
    assertThat(port.findPosted(channel, Optional.empty(), "incident/other")).isEmpty();

    d.discord.failAfterTaking(FakeDiscord.NO_THREADS, 502); // JDA repeats the request; Discord answers the nonce
    MessageRef third = port.post(channel, Reply.Message.of("Update"), "update/nonce-test");
    assertThat(marked(FakeDiscord.NO_THREADS, "update/nonce-test")).singleElement()
        .satisfies(m -> assertThat(m.path("id").asText()).isEqualTo(third.messageId()));

    d.discord.forgetNonces();
    port.post(channel, Reply.Message.of("Elevated errors"), "incident/nonce-test");
    assertThat(marked(FakeDiscord.NO_THREADS, "incident/nonce-test")).as("the window has passed").hasSize(2);
  }
}
