package dev.claude500.store;

import dev.claude500.commands.Subscription;
import dev.claude500.incidents.LedgerEntry;
import dev.claude500.incidents.WaitingTriage;
import dev.claude500.triage.StoredConversation;
import java.util.Comparator;

/** The orders the store's lists come in, the same for every implementation. */
final class Orderings {
  /** Oldest write first, ties by key. */
  static final Comparator<StoredConversation> IDLE =
      Comparator.comparing(StoredConversation::updatedAt)
          .thenComparing(c -> c.key().platform())
          .thenComparing(c -> c.key().channel())
          .thenComparing(c -> c.key().thread());

  /** Platform, then channel id. */
  static final Comparator<Subscription> SUBSCRIPTIONS =
      Comparator.comparing((Subscription s) -> s.channel().platform())
          .thenComparing(s -> s.channel().channelId());

  /** Oldest claim first, ties by platform, channel and item. */
  static final Comparator<LedgerEntry> CLAIMS =
      Comparator.comparing(LedgerEntry::claimedAt)
          .thenComparing(e -> e.channel().platform())
          .thenComparing(e -> e.channel().channelId())
          .thenComparing(LedgerEntry::itemKey);

  /** Longest waiting first, ties by thread key. */
  static final Comparator<WaitingTriage> WAITING =
      Comparator.comparing(WaitingTriage::since)
          .thenComparing(w -> w.key().platform())
          .thenComparing(w -> w.key().channel())
          .thenComparing(w -> w.key().thread());

  private Orderings() {}
}
