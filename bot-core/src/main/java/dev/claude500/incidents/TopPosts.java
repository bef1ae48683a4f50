package dev.claude500.incidents;

import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.MessageRef;
import dev.claude500.status.Incident;
import dev.claude500.status.IncidentUpdate;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the top-level post of an incident in a channel, and tells where it shows more than a view
 * of the incident, as the post ledger recorded it. Stateless.
 */
public final class TopPosts {
  private TopPosts() {}

  /** Returns the incident's top-level post in the channel, once the platform accepted it. */
  public static Optional<MessageRef> find(PostLedger ledger, ChannelRef channel, String incidentId) {
    Objects.requireNonNull(ledger, "ledger");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(incidentId, "incidentId");
    return ledger.find(channel, ItemKeys.incident(incidentId))
        .filter(LedgerEntry::isPosted)
        .flatMap(LedgerEntry::messageId)
        .map(id -> new MessageRef(channel, id));
  }

  /**
   * Returns the channels where the incident's top-level post shows, or is about to show, more than
   * this view of the incident: the watcher edited it (or queued the edit) for an update the view
   * lacks, or told it resolved by an update the view lacks. A replica whose copy of the page is a
   * poll behind must not rebuild those posts from it; an incident the page opened again after its
   * resolution is not ahead of a view that shows both.
   */
  public static Set<ChannelRef> aheadOf(PostLedger ledger, Incident view) {
    Objects.requireNonNull(ledger, "ledger");
    Objects.requireNonNull(view, "view");
    Set<String> known = view.incidentUpdates().stream().map(IncidentUpdate::id).filter(Objects::nonNull)
        .collect(Collectors.toSet());
    String edits = ItemKeys.edit(view.id(), "");
    Set<ChannelRef> ahead = new HashSet<>();
    for (LedgerEntry e : ledger.forIncident(view.id())) {
      String key = e.itemKey();
      boolean newerEdit = key.startsWith(edits) && !known.contains(key.substring(edits.length()));
      // told resolved by an update this copy has not seen; one it has seen and is past (reopened) is not ahead
      boolean resolved = key.startsWith(ItemKeys.RESOLVED)
          && !known.contains(key.substring(ItemKeys.RESOLVED.length()));
      if (newerEdit || resolved) {
        ahead.add(e.channel());
      }
    }
    return ahead;
  }
}
