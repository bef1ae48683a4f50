package dev.claude500.incidents;

import dev.claude500.chat.ChannelRef;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** One incident's ledger entries across channels, read once per round. */
final class Ledgered {
  private record Key(ChannelRef channel, String itemKey) {}

  private final Map<Key, LedgerEntry> entries = new HashMap<>();

  private Ledgered() {}

  /** Reads the incident's entries. */
  static Ledgered read(PostLedger ledger, String incidentId) {
    Ledgered l = new Ledgered();
    for (LedgerEntry e : ledger.forIncident(incidentId)) {
      l.entries.put(new Key(e.channel(), e.itemKey()), e);
    }
    return l;
  }

  /** Returns the entry of an item in a channel, as it was read. */
  Optional<LedgerEntry> find(ChannelRef channel, String itemKey) {
    return Optional.ofNullable(entries.get(new Key(channel, itemKey)));
  }

  /** Returns true when the item is settled (posted or refused) in the channel. */
  boolean isSettled(ChannelRef channel, String itemKey) {
    return find(channel, itemKey).map(LedgerEntry::isSettled).orElse(false);
  }
}
