package dev.claude500.store;

import dev.claude500.chat.SeenDeliveries;
import dev.claude500.commands.AutodetectStore;
import dev.claude500.commands.SubscriptionStore;
import dev.claude500.incidents.IncidentHits;
import dev.claude500.incidents.Leases;
import dev.claude500.incidents.PostLedger;
import dev.claude500.incidents.WaitingTriages;
import dev.claude500.incidents.WatcherState;
import dev.claude500.triage.ConversationStore;
import dev.claude500.triage.TriageRecords;
import java.util.Optional;

/**
 * A store that keeps everything in this process's memory, for tests: it behaves
 * exactly like {@code JdbcStore} (same versioning, claims, orders and microsecond instants) and
 * forgets everything when the process ends. Thread-safe; every operation is atomic.
 */
public final class InMemoryStore implements Store {
  private final WaitingTriages waitingTriages = new InMemoryWaitingTriages();
  private final ConversationStore conversations =
      new InMemoryConversations(key -> waitingTriages.find(key).isPresent());
  private final SubscriptionStore subscriptions = new InMemorySubscriptions();
  private final AutodetectStore autodetect = new InMemoryAutodetect();
  private final PostLedger ledger = new InMemoryPostLedger();
  private final SeenDeliveries seenDeliveries = new InMemorySeenDeliveries();
  private final Leases leases = new InMemoryLeases();
  private final WatcherState watcherState = new InMemoryWatcherState();
  private final IncidentHits incidentHits = new InMemoryIncidentHits();
  private final TriageRecords triageRecords = new InMemoryTriageRecords();
  private volatile boolean closed;

  /** Creates an empty store. */
  public InMemoryStore() {}

  @Override
  public ConversationStore conversations() {
    return conversations;
  }

  @Override
  public SubscriptionStore subscriptions() {
    return subscriptions;
  }

  @Override
  public AutodetectStore autodetect() {
    return autodetect;
  }

  @Override
  public PostLedger ledger() {
    return ledger;
  }

  @Override
  public SeenDeliveries seenDeliveries() {
    return seenDeliveries;
  }

  @Override
  public Leases leases() {
    return leases;
  }

  @Override
  public WaitingTriages waitingTriages() {
    return waitingTriages;
  }

  @Override
  public WatcherState watcherState() {
    return watcherState;
  }

  @Override
  public IncidentHits incidentHits() {
    return incidentHits;
  }

  @Override
  public TriageRecords triageRecords() {
    return triageRecords;
  }

  /** Returns true until {@link #close()} is called. */
  @Override
  public boolean isReachable() {
    return !closed;
  }

  /** Returns {@link StoreFault#UNREACHABLE} once closed, else empty: memory never refuses a write. */
  @Override
  public Optional<StoreFault> writeFault() {
    return closed ? Optional.of(StoreFault.UNREACHABLE) : Optional.empty();
  }

  /** Marks the store unreachable; the data stays readable, as there is nothing to release. */
  @Override
  public void close() {
    closed = true;
  }

  @Override
  public String toString() {
    return "InMemoryStore";
  }
}
