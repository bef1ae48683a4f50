package dev.claude500.testing;

import dev.claude500.chat.ChannelRef;
import dev.claude500.incidents.LedgerEntry;
import dev.claude500.incidents.PostLedger;
import dev.claude500.store.Store;
import dev.claude500.store.StoreException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A store whose ledger cannot confirm one item: a watcher on it posts the item and then fails as a
 * process killed between the post and its confirmation would, leaving the claim unconfirmed. Every
 * other call goes to the store it wraps; closing it closes that store.
 */
public final class CrashingStore extends ForwardingStore {
  private final PostLedger ledger;

  /** Wraps {@code store}; confirming {@code itemKey} in {@code channel} throws a {@link StoreException}. */
  public CrashingStore(Store store, ChannelRef channel, String itemKey) {
    super(store);
    PostLedger real = store.ledger();
    this.ledger = new PostLedger() {
      @Override
      public boolean claim(ChannelRef c, String key, String incidentId, Instant now) {
        return real.claim(c, key, incidentId, now);
      }

      @Override
      public void confirm(ChannelRef c, String key, String messageId, Instant now) {
        if (c.equals(channel) && key.equals(itemKey)) {
          throw new StoreException("simulated crash before confirming " + key);
        }
        real.confirm(c, key, messageId, now);
      }

      @Override
      public void fail(ChannelRef c, String key, String reason, Instant now) {
        real.fail(c, key, reason, now);
      }

      @Override
      public Optional<LedgerEntry> find(ChannelRef c, String key) {
        return real.find(c, key);
      }

      @Override
      public List<LedgerEntry> unconfirmed() {
        return real.unconfirmed();
      }

      @Override
      public List<LedgerEntry> forIncident(String incidentId) {
        return real.forIncident(incidentId);
      }

      @Override
      public int purgeSettledBefore(Instant cutoff, Set<String> keepIncidents, int limit) {
        return real.purgeSettledBefore(cutoff, keepIncidents, limit);
      }

      @Override
      public boolean isEmpty() {
        return real.isEmpty();
      }
    };
  }

  @Override
  public PostLedger ledger() {
    return ledger;
  }
}
