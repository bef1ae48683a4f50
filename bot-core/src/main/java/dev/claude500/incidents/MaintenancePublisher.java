package dev.claude500.incidents;

import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ChatPort;
import dev.claude500.chat.MessageRef;
import dev.claude500.chat.Reply;
import dev.claude500.commands.Subscription;
import dev.claude500.status.Impact;
import dev.claude500.status.Incident;
import dev.claude500.status.IncidentStatus;
import dev.claude500.status.IncidentView;
import dev.claude500.status.StatusLinks;
import java.util.List;
import java.util.Optional;

/**
 * Publishes scheduled maintenances in one channel: a top-level post when one starts (touching the
 * channel's components), a notice in its thread (and the channel) when it ends, and the post
 * edited to show it completed. One under way at a first start is posted once.
 */
final class MaintenancePublisher {
  private final LedgerPoster poster;

  MaintenancePublisher(LedgerPoster poster) {
    this.poster = poster;
  }

  /**
   * Publishes what is new of one maintenance in one channel.
   *
   * @param listed the maintenance as the summary lists it now, if it does
   */
  PostOutcome publish(ChatPort port, Subscription sub, Maintenances.Tracked tracked, Optional<Incident> listed,
      Ledgered ledgered) {
    ChannelRef channel = sub.channel();
    String startKey = ItemKeys.maintenanceStart(tracked.id());
    Optional<LedgerEntry> root = ledgered.find(channel, startKey);
    if (root.isEmpty()) {
      boolean wanted = !tracked.ended() && Maintenances.underWay(listed)
          && (sub.allComponents() || sub.componentIds().stream().anyMatch(listed.get()::touches));
      if (!wanted) {
        return new PostOutcome.Passed();
      }
    }
    if (root.isEmpty() || !root.get().isSettled()) {
      Reply post = new Reply.Incident(view(tracked, listed), Optional.empty());
      return poster.send(port, channel, startKey, tracked.id(), root, Optional.empty(), false,
          p -> p.post(channel, post, startKey));
    }
    if (!root.get().isPosted() || !tracked.ended()) {
      return new PostOutcome.Passed();
    }
    String rootId = root.get().messageId().orElseThrow();
    String endKey = ItemKeys.maintenanceEnd(tracked.id());
    Optional<LedgerEntry> end = ledgered.find(channel, endKey);
    if (end.isEmpty() || !end.get().isSettled()) {
      Reply.Message notice = Posts.maintenanceEnded(tracked.name(), link(tracked.id()));
      PostOutcome sent = poster.send(port, channel, endKey, tracked.id(), end, Optional.of(rootId), false,
          p -> p.postInThread(channel, rootId, notice, true, endKey));
      if (sent.stopsChannel()) {
        return sent;
      }
    }
    String editKey = ItemKeys.edit(tracked.id(), "completed");
    Optional<LedgerEntry> edit = ledgered.find(channel, editKey);
    if (edit.isPresent() && edit.get().isSettled()) {
      return new PostOutcome.Passed();
    }
    MessageRef rootRef = new MessageRef(channel, rootId);
    Reply completed = new Reply.Incident(view(tracked, listed), Optional.empty());
    return poster.send(port, channel, editKey, tracked.id(), edit, Optional.empty(), true, p -> {
      p.update(rootRef, completed);
      return rootRef;
    });
  }

  /** Returns the maintenance as shown: from the summary while listed, else from what was kept. */
  private static IncidentView view(Maintenances.Tracked tracked, Optional<Incident> listed) {
    if (listed.isPresent() && (!tracked.ended() || listed.get().status() == IncidentStatus.COMPLETED)) {
      return IncidentView.of(listed.get());
    }
    IncidentStatus status = tracked.ended() ? IncidentStatus.COMPLETED : IncidentStatus.IN_PROGRESS;
    return new IncidentView(tracked.id(), tracked.name(), status, Impact.MAINTENANCE, List.of(), Optional.empty(),
        link(tracked.id()), tracked.startedAt(), Optional.ofNullable(tracked.endedAt()), true);
  }

  private static String link(String id) {
    return StatusLinks.PUBLIC_PAGE + "/incidents/" + id;
  }
}
