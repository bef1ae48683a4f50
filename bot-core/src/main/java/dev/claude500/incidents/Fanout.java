package dev.claude500.incidents;

import dev.claude500.chat.ChatPort;
import dev.claude500.commands.Subscription;
import dev.claude500.status.Incident;
import dev.claude500.status.PageRead;
import dev.claude500.store.Store;
import dev.claude500.triage.TriageEngine;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One round's publishing: the page as last read, to every subscribed channel whose platform runs
 * here (incidents, then maintenances, each channel in turn until it must wait), then the follow-ups
 * of waiting triages. Each incident's ledger entries are read once per round. Not thread-safe: the
 * watcher's one round at a time uses it.
 */
final class Fanout {
  static final String BASELINE_KEY = "baseline";
  private static final Logger LOG = LoggerFactory.getLogger(Fanout.class);

  private final Store store;
  private final ChatPorts ports;
  private final LedgerPoster poster;
  private final ReplicaLease lease;
  private final Clock clock;
  private final IncidentPublisher incidents;
  private final MaintenancePublisher maintenancePublisher;
  private final Maintenances maintenances;
  private final FollowUps followUps;
  private final Set<String> portlessPlatforms = new HashSet<>();
  private final BooleanSupplier stopping;
  private Instant baseline;

  /** Creates the round's publishing; {@code stopping} says when to end a round at the next channel. */
  Fanout(Store store, ChatPorts ports, LedgerPoster poster, ReplicaLease lease, TriageEngine engine, Clock clock,
      BooleanSupplier stopping) {
    this.stopping = stopping;
    this.store = store;
    this.ports = ports;
    this.poster = poster;
    this.lease = lease;
    this.clock = clock;
    this.incidents = new IncidentPublisher(store.ledger(), poster, clock, store.incidentHits());
    this.maintenancePublisher = new MaintenancePublisher(poster);
    this.maintenances = new Maintenances(store.watcherState());
    this.followUps = new FollowUps(store.waitingTriages(), store.ledger(), poster, engine, clock);
  }

  /** Forgets what an earlier tenure of the lease knew. */
  void forget() {
    followUps.forget();
  }

  /**
   * Publishes the page to every channel and, when the page was read fresh, follows up waiting
   * triages. Stops early, at a channel boundary, when the lease is lost or the watcher stops.
   *
   * <p>The first round ever records the baseline (the first start): for every channel, incidents
   * that ended before it, or before the channel subscribed, are history.
   */
  void publish(PageRead page, boolean fresh) {
    Instant now = clock.instant();
    if (baseline == null) {
      baseline = Instant.parse(store.watcherState().putIfAbsent(BASELINE_KEY, now.toString(), now));
    }
    List<Incident> active = IncidentPublisher.active(page, now);
    List<Maintenances.Tracked> tracked =
        maintenances.update(page.summary().scheduledMaintenances(), now, IncidentPublisher.CATCH_UP);
    Map<String, Ledgered> ledgers = new HashMap<>();
    Map<String, String> names = page.componentNames();
    for (Subscription sub : store.subscriptions().all()) {
      Optional<ChatPort> port = port(sub);
      if (port.isEmpty() || poster.isWaiting(sub.channel(), clock.instant())) {
        continue;
      }
      if (stopping.getAsBoolean() || !lease.stillHeld()) {
        return;
      }
      Instant horizon = sub.since().isAfter(baseline) ? sub.since() : baseline;
      publishTo(port.get(), sub, page, active, tracked, ledgers, names, horizon);
    }
    if (fresh && !stopping.getAsBoolean() && lease.stillHeld()) {
      followUps.run(page, ports);
    }
  }

  private void publishTo(ChatPort port, Subscription sub, PageRead page, List<Incident> active,
      List<Maintenances.Tracked> tracked, Map<String, Ledgered> ledgers, Map<String, String> names,
      Instant horizon) {
    for (Incident incident : active) {
      Ledgered ledgered = ledgers.computeIfAbsent(incident.id(), id -> Ledgered.read(store.ledger(), id));
      if (incidents.publish(port, sub, incident, ledgered, horizon, names).stopsChannel()) {
        return;
      }
    }
    for (Maintenances.Tracked t : tracked) {
      Optional<Incident> listed = page.summary().scheduledMaintenances().stream()
          .filter(m -> t.id().equals(m.id())).findFirst();
      Ledgered ledgered = ledgers.computeIfAbsent(t.id(), id -> Ledgered.read(store.ledger(), id));
      if (maintenancePublisher.publish(port, sub, t, listed, ledgered).stopsChannel()) {
        return;
      }
    }
  }

  private Optional<ChatPort> port(Subscription sub) {
    String platform = sub.channel().platform();
    Optional<ChatPort> port = ports.find(platform);
    if (port.isEmpty() && portlessPlatforms.add(platform)) {
      LOG.info("Channels on {} are subscribed but {} does not run here; their posts wait for it", platform, platform);
    }
    return port;
  }
}
