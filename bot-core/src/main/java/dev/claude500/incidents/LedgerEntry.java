package dev.claude500.incidents;

import dev.claude500.chat.ChannelRef;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the ledger knows of one item (an incident's first post, one update, a resolution notice...)
 * in one channel.
 *
 * @param channel the channel
 * @param itemKey the item, e.g. {@code incident/abc123} or {@code update/xyz789}
 * @param incidentId the incident it belongs to
 * @param messageId the platform's id of the message once posted
 * @param claimedAt when a poster claimed it
 * @param postedAt when the platform accepted it
 * @param failure why the platform refused it for good, once it did (see {@link PostLedger#fail})
 */
public record LedgerEntry(
    ChannelRef channel,
    String itemKey,
    String incidentId,
    Optional<String> messageId,
    Instant claimedAt,
    Optional<Instant> postedAt,
    Optional<String> failure) {
  /** Validates every part. */
  public LedgerEntry {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(itemKey, "itemKey");
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(claimedAt, "claimedAt");
    Objects.requireNonNull(postedAt, "postedAt");
    Objects.requireNonNull(failure, "failure");
  }

  /** Creates an entry that has not failed. */
  public LedgerEntry(
      ChannelRef channel,
      String itemKey,
      String incidentId,
      Optional<String> messageId,
      Instant claimedAt,
      Optional<Instant> postedAt) {
    this(channel, itemKey, incidentId, messageId, claimedAt, postedAt, Optional.empty());
  }

  /** Returns true once the platform accepted the post and its id was recorded. */
  public boolean isPosted() {
    return postedAt.isPresent();
  }

  /** Returns true once the platform refused the post for good. */
  public boolean isFailed() {
    return failure.isPresent() && !isPosted();
  }

  /** Returns true when nothing more will be done with the item: posted, or failed for good. */
  public boolean isSettled() {
    return isPosted() || failure.isPresent();
  }
}
