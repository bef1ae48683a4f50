package dev.claude500.testing;

import dev.claude500.chat.SeenDeliveries;
import dev.claude500.commands.AutodetectStore;
import dev.claude500.commands.SubscriptionStore;
import dev.claude500.incidents.IncidentHits;
import dev.claude500.incidents.Leases;
import dev.claude500.incidents.PostLedger;
import dev.claude500.incidents.WaitingTriages;
import dev.claude500.incidents.WatcherState;
import dev.claude500.store.Store;
import dev.claude500.store.StoreFault;
import dev.claude500.triage.ConversationStore;
import java.util.Objects;
import java.util.Optional;

/**
 * A store that hands every call to the store it wraps, for tests that change one part of a real
 * store (a ledger that fails at one moment, an outage that begins at one call) and keep the rest.
 * Closing it closes the wrapped store.
 */
public class ForwardingStore implements Store {
  /** The store every call goes to unless a subclass says otherwise. */
  protected final Store store;

  /** Wraps {@code store}. */
  public ForwardingStore(Store store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  @Override
  public ConversationStore conversations() {
    return store.conversations();
  }

  @Override
  public SubscriptionStore subscriptions() {
    return store.subscriptions();
  }

  @Override
  public AutodetectStore autodetect() {
    return store.autodetect();
  }

  @Override
  public PostLedger ledger() {
    return store.ledger();
  }

  @Override
  public SeenDeliveries seenDeliveries() {
    return store.seenDeliveries();
  }

  @Override
  public Leases leases() {
    return store.leases();
  }

  @Override
  public WaitingTriages waitingTriages() {
    return store.waitingTriages();
  }

  @Override
  public IncidentHits incidentHits() {
    return store.incidentHits();
  }

  @Override
  public dev.claude500.triage.TriageRecords triageRecords() {
    return store.triageRecords();
  }

  @Override
  public WatcherState watcherState() {
    return store.watcherState();
  }

  @Override
  public boolean isReachable() {
    return store.isReachable();
  }

  @Override
  public Optional<StoreFault> writeFault() {
    return store.writeFault();
  }

  @Override
  public void close() {
    store.close();
  }
}
