package dev.claude500.testing;

import dev.claude500.incidents.ChatPorts;
import dev.claude500.incidents.IncidentWatcher;
import dev.claude500.metrics.BotMetrics;
import dev.claude500.outbox.Outbox;
import dev.claude500.outbox.OutboxStore;
import dev.claude500.outbox.Scheduler;
import dev.claude500.status.CachingStatusSource;
import dev.claude500.status.StatusPage;
import dev.claude500.status.StatusPoller;
import dev.claude500.store.JdbcStore;
import dev.claude500.store.Store;
import dev.claude500.triage.TriageEngine;
import java.time.Clock;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Builds incident watchers for tests through the launcher's constructor: each over a status poller
 * of its own (as a process of its own has), its cache fetching on the calling thread.
 */
public final class Watchers {
  private Watchers() {}

  /**
   * Returns a poller of its own over {@code page}, every {@code interval}, its jitter drawn from
   * {@code random}; its cache is stale after two intervals and fetches on the calling thread.
   */
  public static StatusPoller ownPoller(StatusPage page, Clock clock, Duration interval, DoubleSupplier random) {
    CachingStatusSource cache = new CachingStatusSource(page, interval.multipliedBy(2),
        CachingStatusSource.DEFAULT_FIRST_LOAD_WAIT, clock, Runnable::run);
    return new StatusPoller(page, cache, clock, interval, random);
  }

  /**
   * Returns a watcher named {@code replicaId} reading {@code page} through {@link #ownPoller}, keeping
   * rows for {@code retention} and counting on {@code metrics}.
   */
  public static IncidentWatcher reading(StatusPage page, Store store, ChatPorts ports, TriageEngine engine,
      Clock clock, Duration pollInterval, String replicaId, DoubleSupplier random, Duration retention,
      BotMetrics metrics) {
    return new IncidentWatcher(ownPoller(page, clock, pollInterval, random), store, outbox(store, ports, clock), engine,
        clock, replicaId, retention, metrics);
  }

  /**
   * Returns a watcher following {@code poller} under this host's replica name, with the default
   * retention and no metrics.
   */
  public static IncidentWatcher following(StatusPoller poller, Store store, ChatPorts ports, TriageEngine engine,
      Clock clock) {
    return new IncidentWatcher(poller, store, outbox(store, ports, clock), engine, clock,
        IncidentWatcher.replicaName(), IncidentWatcher.DEFAULT_RETENTION, BotMetrics.none());
  }

  /**
   * Returns an outbox of its own (a process's) for a watcher on {@code store}, through {@code
   * ports}, on an {@link InlineScheduler}: it sends as soon as the watcher queues; it keeps its
   * messages in the store's outbox table when the store is a JDBC one, else in memory.
   */
  public static Outbox outbox(Store store, ChatPorts ports, Clock clock) {
    return outbox(store, ports, clock, new InlineScheduler(clock));
  }

  /** Returns an outbox like {@link #outbox(Store, ChatPorts, Clock)}, its later tries on {@code scheduler}. */
  public static Outbox outbox(Store store, ChatPorts ports, Clock clock, Scheduler scheduler) {
    OutboxStore kept = store instanceof JdbcStore jdbc ? jdbc.outbox() : new InMemoryOutboxStore();
    Outbox outbox = new Outbox(kept, store.ledger(), clock, scheduler);
    ports.all().forEach(outbox::register);
    return outbox;
  }
}
