package dev.claude500.incidents;

import dev.claude500.chat.ChannelMention;
import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.Reply;
import dev.claude500.commands.Subscription;
import dev.claude500.outbox.Outbox;
import dev.claude500.outbox.Outgoing;
import dev.claude500.status.Impact;
import dev.claude500.status.Incident;
import dev.claude500.status.IncidentStatus;
import dev.claude500.status.IncidentView;
import dev.claude500.status.StatusLinks;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Publishes scheduled maintenances in one channel: a top-level post when one starts (touching the
 * channel's components), a notice in its thread (and the channel) when it ends, and the post
 * edited to show it completed. One under way at a first start is posted once. A channel with
 * maintenance off gets none; in its quiet hours a start waits (posted at their end if still under
 * way) and so does an end notice, while the post is still edited; with {@code quiet=all} they go out
 * just after the first midnight past them. It decides what to post; the {@link Outbox} delivers it,
 * in order in the channel and exactly once.
 */
final class MaintenancePublisher {
  private final Outbox outbox;
  private final Clock clock;

  MaintenancePublisher(Outbox outbox, Clock clock) {
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * Returns what is new of one maintenance in one channel, in the order to post it.
   *
   * @param listed the maintenance as the summary lists it now, if it does
   */
  List<Outgoing> publish(Subscription sub, Maintenances.Tracked tracked, Optional<Incident> listed,
      Ledgered ledgered) {
    ChannelRef channel = sub.channel();
    ChannelFilter filter = ChannelFilter.of(sub.filters()); // filters (issue 14)
    String startKey = ItemKeys.maintenanceStart(tracked.id());
    Optional<LedgerEntry> root = ledgered.find(channel, startKey);
    if (root.isEmpty()) {
      boolean wanted = filter.maintenanceMayStart(tracked.startedAt(), clock.instant()) && !tracked.ended()
          && Maintenances.underWay(listed)
          && (sub.allComponents() || sub.componentIds().stream().anyMatch(listed.get()::touches));
      if (!wanted) {
        return List.of();
      }
    } else if (root.get().isSettled() && !root.get().isPosted()) {
      return List.of(); // refused for good: nothing can hang under it
    }
    List<Outgoing> out = new ArrayList<>();
    if (root.isEmpty() || !root.get().isSettled()) {
      out.add(outbox.find(channel, startKey).orElseGet(() -> new Outgoing.Top(startKey, channel,
          new Reply.Incident(view(tracked, listed), ChannelMention.NONE, Optional.empty()), tracked.id(), List.of())));
    }
    if (!tracked.ended()) {
      return out;
    }
    String endKey = ItemKeys.maintenanceEnd(tracked.id());
    // filters: the end notice waits out quiet hours
    boolean quiet = !filter.maintenanceNoticeMayGo(tracked.endedAt(), clock.instant());
    if (!quiet && !ledgered.isSettled(channel, endKey)) {
      out.add(new Outgoing.UnderRoot(endKey, channel, startKey, Posts.maintenanceEnded(tracked.name(),
          link(tracked.id())), true, tracked.id(), List.of()));
    }
    String editKey = ItemKeys.edit(tracked.id(), "completed");
    if (!ledgered.isSettled(channel, editKey)) {
      out.add(new Outgoing.EditRoot(editKey, channel, startKey,
          new Reply.Incident(view(tracked, listed), ChannelMention.NONE, Optional.empty()), tracked.id()));
    }
    return out;
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
