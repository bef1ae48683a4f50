package dev.claude500.incidents;

import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.MessageRef;
import java.util.Objects;
import java.util.Optional;

/** Finds the top-level post of an incident in a channel, as the post ledger recorded it. Stateless. */
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
}
