package dev.claude500.store;

import dev.claude500.chat.ChannelRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The ledger of incident posts: which item went to which channel as which message.
 *
 * <p>Posting is claim, post, confirm. A claim is durable before the post is sent, so a crash
 * between the two leaves an unconfirmed claim that the poster resolves on restart. Thread-safe.
 */
public interface PostLedger {
  /**
   * Claims an item for a channel.
   *
   * @return true when this caller claimed it now; false when it was already claimed or posted
   */
  boolean claim(ChannelRef channel, String itemKey, String incidentId, Instant now);

  /**
   * Records that the platform accepted the claimed item as {@code messageId}; confirming again
   * overwrites the message id and time.
   *
   * @throws IllegalStateException when nobody claimed the item in this channel
   */
  void confirm(ChannelRef channel, String itemKey, String messageId, Instant now);

  /** Returns the ledger's entry for an item in a channel. */
  Optional<LedgerEntry> find(ChannelRef channel, String itemKey);

  /** Returns every claimed but unconfirmed entry, oldest claim first (ties by channel, item). */
  List<LedgerEntry> unconfirmed();

  /** Returns every entry of one incident across all channels, oldest claim first. */
  List<LedgerEntry> forIncident(String incidentId);

  /** Returns true when nothing was ever claimed (a first start). */
  boolean isEmpty();
}
