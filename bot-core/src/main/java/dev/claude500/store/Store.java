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
 * Everything the bot persists, behind one handle. Implementation: {@code JdbcStore}, for H2 (the
 * default) and PostgreSQL; the tests also have one in memory.
 *
 * <p>Every implementation keeps instants to the microsecond (truncating), the precision of SQL
 * timestamps, so what is read back may differ from what was written below a microsecond. Failures
 * to read or write surface as {@link StoreException}; misuse (a wrong version, a confirm without a
 * claim) as {@link IllegalArgumentException} or {@link IllegalStateException}.
 */
public interface Store extends AutoCloseable {
  /** Returns the conversations. */
  ConversationStore conversations();

  /** Returns the channel subscriptions. */
  SubscriptionStore subscriptions();

  /** Returns where offers under pasted errors are on, and when each person was last offered one. */
  AutodetectStore autodetect();

  /** Returns the ledger of incident posts. */
  PostLedger ledger();

  /** Returns the deliveries already handled. */
  SeenDeliveries seenDeliveries();

  /** Returns the named leases (one incident watcher among replicas). */
  Leases leases();

  /** Returns the triages waiting for an incident to clear. */
  WaitingTriages waitingTriages();

  /** Returns who is hit by each incident, per workspace. */
  IncidentHits incidentHits();

  /** Returns the incident watcher's own values. */
  WatcherState watcherState();

  /** Returns the records of triages, kept for the team's views longer than the conversations. */
  TriageRecords triageRecords();

  /** Returns true when the store answers right now: an active check that asks the database. */
  boolean isReachable();

  /**
   * Returns the fault that keeps the store from writing, as its latest writes found, or empty when
   * it can write: for readiness checks, which may call it as often as they like (no database call).
   */
  Optional<StoreFault> writeFault();

  /** Releases connections; never throws. */
  @Override
  void close();
}
