package dev.claude500.incidents;

import dev.claude500.commands.Subscription;
import dev.claude500.outbox.Outbox;
import dev.claude500.outbox.Outgoing;
import dev.claude500.status.Incident;
import dev.claude500.status.PageRead;
import dev.claude500.store.Store;
import dev.claude500.triage.TriageEngine;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
 * here (incidents, then maintenances), queued in the {@link Outbox} in one batch, then the
 * follow-ups of waiting triages. The round only decides and queues: it never waits on a channel
 * (the outbox's threads send, each channel at its own pace). Each incident's ledger entries are
 * read once per round. Not thread-safe: the watcher's one round at a time uses it.
 */
final class Fanout {
  static final String BASELINE_KEY = "baseline";
  private static final Logger LOG = LoggerFactory.getLogger(Fanout.class);

  private final Store store;
  private final Outbox outbox;
  private final ReplicaLease lease;
  private final Clock clock;
  private final IncidentPublisher incidents;
  private final MaintenancePublisher maintenancePublisher;
  private final Maintenances maintenances;
  private final FollowUps followUps;
  private final Set<String> portlessPlatforms = new HashSet<>();
  private final BooleanSupplier stopping;
  private Instant baseline;

  /** Creates the round's publishing; {@code stopping} says when to end a round before it queues. */
  Fanout(Store store, Outbox outbox, ReplicaLease lease, TriageEngine engine, Clock clock, BooleanSupplier stopping) {
    this.stopping = stopping;
    this.store = store;
    this.outbox = outbox;
    this.lease = lease;
    this.clock = clock;
    this.incidents = new IncidentPublisher(outbox, clock, store.incidentHits());
    this.maintenancePublisher = new MaintenancePublisher(outbox, clock);
    this.maintenances = new Maintenances(store.watcherState());
    this.followUps = new FollowUps(store.waitingTriages(), store.ledger(), outbox, engine, clock);
  }

  /**
   * Queues the page's news for every channel and, when the page was read fresh, follows up waiting
   * triages. Queues nothing when the lease is lost or the watcher stops meanwhile.
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
        maintenances.update(page.summary().scheduledMaintenances(), now, Maintenances.KEEP_ENDED);
    Map<String, Ledgered> ledgers = new HashMap<>();
    Map<String, String> names = page.componentNames();
    List<Outgoing> news = new ArrayList<>();
    for (Subscription sub : store.subscriptions().all()) {
      if (!served(sub)) {
        continue;
      }
      Instant horizon = sub.since().isAfter(baseline) ? sub.since() : baseline;
      news.addAll(publishTo(sub, page, active, tracked, ledgers, names, horizon));
    }
    if (stopping.getAsBoolean() || !lease.stillHeld()) {
      return;
    }
    outbox.queue(news);
    if (fresh && !stopping.getAsBoolean() && lease.stillHeld()) {
      followUps.run(page);
    }
  }

  private List<Outgoing> publishTo(Subscription sub, PageRead page, List<Incident> active,
      List<Maintenances.Tracked> tracked, Map<String, Ledgered> ledgers, Map<String, String> names,
      Instant horizon) {
    List<Outgoing> news = new ArrayList<>();
    for (Incident incident : active) {
      Ledgered ledgered = ledgers.computeIfAbsent(incident.id(), id -> Ledgered.read(store.ledger(), id));
      news.addAll(incidents.publish(sub, incident, ledgered, horizon, names));
    }
    for (Maintenances.Tracked t : tracked) {
      Optional<Incident> listed = page.summary().scheduledMaintenances().stream()
          .filter(m -> t.id().equals(m.id())).findFirst();
      Ledgered ledgered = ledgers.computeIfAbsent(t.id(), id -> Ledgered.read(store.ledger(), id));
      news.addAll(maintenancePublisher.publish(sub, t, listed, ledgered));
    }
    return news;
  }

  private boolean served(Subscription sub) {
    String platform = sub.channel().platform();
    boolean served = outbox.serves(platform);
    if (!served && portlessPlatforms.add(platform)) {
      LOG.info("Channels on {} are subscribed but {} does not run here; their posts wait for it", platform, platform);
    }
    return served;
  }
}
