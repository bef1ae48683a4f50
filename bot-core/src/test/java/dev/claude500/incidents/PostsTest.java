package dev.claude500.incidents;

import static dev.claude500.incidents.IncidentWatcherTest.B1;
import static dev.claude500.incidents.IncidentWatcherTest.b;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ConversationKey;
import dev.claude500.status.IncidentStatus;
import dev.claude500.status.IncidentUpdate;
import dev.claude500.store.InMemoryStore;
import dev.claude500.testing.PortSets;
import dev.claude500.testing.RecordingChatPort;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PostsTest {
  @Test
  @DisplayName("A long body is cut and points to the page; names come from the page by component id")
  void longBodyAndRenamedComponents() {
    IncidentUpdate pm = Pages.update("p", "B", IncidentStatus.POSTMORTEM, Pages.T0, "x".repeat(5_000),
        Pages.change(Pages.CODE, dev.claude500.status.ComponentStatus.OPERATIONAL,
            dev.claude500.status.ComponentStatus.MAJOR_OUTAGE));

    String text = Posts.update(b(B1), pm, Map.of(Pages.CODE, "Claude Code (CLI)")).text().toPlainString();

    assertThat(text).contains("… (continued on the page)")
        .contains("• Claude Code (CLI): 🟢 operational → 🔴 major outage")
        .endsWith("https://status.claude.com/incidents/B");
    assertThat(text.length()).isLessThan(Posts.MAX_BODY + 300);
  }

  @Test
  @DisplayName("A triage's note links the channel's post about its incident, and only when there is one")
  void links() {
    InMemoryStore store = new InMemoryStore();
    ChatPorts ports = PortSets.of(new RecordingChatPort("slack"));
    IncidentLinks links = new IncidentLinks(store.ledger(), ports);
    ChannelRef channel = new ChannelRef("slack", "C1");
    ConversationKey triage = new ConversationKey("slack", "C1", "T9");
    assertThat(links.noteFor(triage, "B")).isEmpty();
    store.ledger().claim(channel, "incident/B", "B", Pages.T0);
    assertThat(links.noteFor(triage, "B")).as("claimed, not posted").isEmpty();
    store.ledger().confirm(channel, "incident/B", "m7", Pages.T0);

    assertThat(links.noteFor(triage, "B")).map(t -> t.toPlainString())
        .contains("This channel follows the incident in this post (https://chat.test/C1/m7): its thread gets every"
            + " update as the page posts it.");
    assertThat(links.noteFor(new ConversationKey("slack", "C2", "T1"), "B")).isEmpty();
    assertThat(new IncidentLinks(store.ledger(), new ChatPorts()).noteFor(triage, "B")).map(t -> t.toPlainString())
        .get().asString().startsWith("This channel already has a post");
  }
}
