package dev.claude500.incidents;

import dev.claude500.chat.ChannelRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The ledger of incident posts: which item went to which channel as which message.
 *
 * <p>Posting is claim, post, confirm. A claim is durable before the post is sent, so a crash
 * between the two leaves an unconfirmed claim that the poster resolves on restart. A post the
 * platform refuses for good is recorded with {@link #fail}, so it is neither retried nor reported
 * again. An entry is settled once confirmed or failed. Thread-safe.
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

  /**
   * Records that the platform refused the claimed item for good (no permission, unknown channel):
   * the entry is settled and left out of {@link #unconfirmed()}. Failing again overwrites the
   * reason; failing a confirmed item does nothing.
   *
   * @throws IllegalStateException when nobody claimed the item in this channel
   */
  void fail(ChannelRef channel, String itemKey, String reason, Instant now);

  /** Returns the ledger's entry for an item in a channel. */
  Optional<LedgerEntry> find(ChannelRef channel, String itemKey);

  /**
   * Returns every claimed entry neither confirmed nor failed, oldest claim first (ties by channel,
   * item).
   */
  List<LedgerEntry> unconfirmed();

  /** Returns every entry of one incident across all channels, oldest claim first. */
  List<LedgerEntry> forIncident(String incidentId);

  /** Returns true when nothing was ever claimed (a first start). */
  boolean isEmpty();

  /**
   * Deletes up to {@code limit} settled entries (confirmed or failed) claimed before {@code cutoff},
   * oldest claim first, except every entry of the incidents in {@code keepIncidents}: those the
   * caller may still post under, edit or look up. An unsettled entry is never deleted.
   *
   * @return how many were deleted; fewer than {@code limit} when no more match
   * @throws IllegalArgumentException when {@code limit} is negative
   */
  int purgeSettledBefore(Instant cutoff, Set<String> keepIncidents, int limit);
}
