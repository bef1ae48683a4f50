package dev.claude500.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.HitCount;
import dev.claude500.chat.Reply;
import dev.claude500.testing.RecordingChatPort;
import dev.claude500.testing.WatcherRig;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The watcher's top-level incident post and its state edits carry the count of people hit, as stored. */
class HitPostsTest {
  static final ChannelRef OPS = new ChannelRef("slack", "C0OPS");

  @Test
  @DisplayName("The top post shows nobody hit at first; the next state edit shows the people the store counts then")
  void postAndStateEditCarryTheCount() {
    try (WatcherRig rig = new WatcherRig().subscribe(OPS)) {
      RecordingChatPort port = new RecordingChatPort("slack");
      IncidentWatcher watcher = rig.watcher(rig.store(), port);
      rig.roundAt(watcher, rig.opened());
      RecordingChatPort.Post top = port.topLevel(OPS).get(0);
      assertThat(((Reply.Incident) top.reply()).hit()).contains(new HitCount(0));
      assertThat(((Reply.Incident) top.reply()).hasHitButton()).isTrue();

      HitScope scope = new HitScope(rig.incident().id(), "slack", "slack");
      rig.store().incidentHits().toggleClick(scope, "U1", rig.opened());
      rig.store().incidentHits().toggleClick(scope, "U2", rig.opened());
      rig.roundAt(watcher, rig.updated());

      assertThat(port.edits()).isNotEmpty();
      Reply.Incident edited = (Reply.Incident) port.edits().get(port.edits().size() - 1).reply();
      assertThat(edited.hit()).isEqualTo(Optional.of(new HitCount(2)));
      assertThat(port.edits().get(port.edits().size() - 1).text()).contains("2 people here are hit");

      rig.roundAt(watcher, rig.resolved());
      Reply.Incident over = (Reply.Incident) port.edits().get(port.edits().size() - 1).reply();
      assertThat(over.view().isClosed()).isTrue();
      assertThat(over.hit()).as("an ended incident keeps saying how many were hit").contains(new HitCount(2));
      assertThat(over.hasHitButton()).as("no button once it is over").isFalse();
      assertThat(port.edits().get(port.edits().size() - 1).text()).contains("2 people here were hit by it");
    }
  }
}
