package dev.claude500.incidents;

import dev.claude500.chat.ConversationKey;
import dev.claude500.metrics.BotMetrics;
import dev.claude500.status.Incident;
import dev.claude500.status.PageRead;
import dev.claude500.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.IntUnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets what the bot no longer needs, for the replica that holds the watcher's lease: ended
 * triages (closed conversations), seen deliveries and settled ledger entries older than the
 * retention, waiting triages that are done, and triage records (what {@code stats} counts) started
 * longer ago than the retention or 90 days, whichever is longer.
 *
 * <p>What stays, however old: an open triage; an ended one that still waits for an incident (its
 * waiting record keeps it); an unsettled ledger entry; and every ledger entry of an incident the
 * watcher may still post under, edit or look up: one open, or active within {@link
 * IncidentPublisher#CATCH_UP}, on the page as last read, a maintenance listed or tracked, and the
 * incident a waiting triage waits on. Were those entries gone, the watcher would take the incident
 * for new and post it again. Until the page has been read, the ledger and the waiting triages are
 * left alone.
 *
 * <p>A waiting triage is done when it has waited longer than the retention and the page has shown
 * what it waits for as over for an hour of reads: the follow-up had every round in between, so
 * nothing more comes of it (its platform no longer runs here, or its thread refuses posts). Its
 * record goes, and its conversation with the other ended triages.
 *
 * <p>The first run comes a minute after the lease is taken, then one every hour. Each table is
 * purged in batches of {@link #BATCH} rows, one short statement each, at most {@link
 * #BATCHES_PER_RUN} per run; a larger backlog is worked off in the next rounds, so neither a
 * transaction nor the watcher's round is held long. One log line per run gives the counts, and the
 * metrics count the rows per table. Not thread-safe: the watcher's one round at a time uses it.
 */
final class Retention {
  /** Time between runs. */
  static final Duration EVERY = Duration.ofHours(1);
  /** Time from taking the lease to the first run. */
  static final Duration FIRST_AFTER = Duration.ofMinutes(1);
  /** Rows one statement deletes at most. */
  static final int BATCH = 500;
  /** Statements per table in one run at most. */
  static final int BATCHES_PER_RUN = 10;
  /**
   * How long triage records are kept at least, whatever the retention: {@code stats} looks back as
   * far as 90 days. A longer retention keeps them as long.
   */
  static final Duration RECORDS_AT_LEAST = Duration.ofDays(90);

  private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

  private final Store store;
  private final Duration retention;
  private final Clock clock;
  private final BotMetrics metrics;
  private final Maintenances maintenances;
  /** Per waiting triage found done, the read of the page that first showed it so. */
  private Map<ConversationKey, Instant> doneSince = Map.of();
  private Instant nextRun = Instant.MAX;

  /** What one run deleted from one table, and whether rows were left for the next run. */
  private record Batches(int rows, boolean more) {}

  Retention(Store store, Duration retention, Clock clock, BotMetrics metrics) {
    this.store = store;
    this.retention = retention;
    this.clock = clock;
    this.metrics = metrics;
    this.maintenances = new Maintenances(store.watcherState());
  }

  /** Starts a tenure of the lease: the first run a minute from now, nothing an earlier tenure saw kept. */
  void taken(Instant now) {
    nextRun = now.plus(FIRST_AFTER);
    doneSince = Map.of();
  }

  /**
   * Purges when a run is due.
   *
   * @param page the page as last read, if it was
   * @param stop says when to stop between batches (the watcher stops, or lost its lease)
   */
  void runIfDue(Optional<PageRead> page, BooleanSupplier stop) {
    Instant now = clock.instant();
    if (now.isBefore(nextRun)) {
      return;
    }
    boolean more = run(now, page, stop);
    nextRun = more ? now : now.plus(EVERY);
  }

  /** Purges once; returns true when a table had more to purge than one run takes. */
  private boolean run(Instant now, Optional<PageRead> page, BooleanSupplier stop) {
    Instant cutoff = now.minus(retention);
    int waiting = page.map(p -> purgeWaiting(p, cutoff)).orElse(0);
    Batches conversations = batches(stop, n -> store.conversations().purgeClosedBefore(cutoff, n));
    Batches deliveries = batches(stop, n -> store.seenDeliveries().purgeBefore(cutoff, n));
    Batches hits = batches(stop, n -> store.incidentHits().purgeBefore(cutoff, n));
    Instant recordsCutoff = now.minus(retention.compareTo(RECORDS_AT_LEAST) > 0 ? retention : RECORDS_AT_LEAST);
    Batches records = batches(stop, n -> store.triageRecords().purgeStartedBefore(recordsCutoff, n));
    Optional<Batches> ledger = page.map(p -> keep(p, now))
        .map(keep -> batches(stop, n -> store.ledger().purgeSettledBefore(cutoff, keep, n)));
    metrics.purged("waiting_triage", waiting);
    metrics.purged("conversation", conversations.rows());
    metrics.purged("seen_delivery", deliveries.rows());
    metrics.purged("incident_hit", hits.rows());
    metrics.purged("triage_record", records.rows());
    ledger.ifPresent(l -> metrics.purged("post_ledger", l.rows()));
    boolean more = conversations.more() || deliveries.more() || hits.more() || records.more()
        || ledger.map(Batches::more).orElse(false);
    LOG.info("Retention {}: purged {} ended triages, {} seen deliveries, {} marks of people hit, {} and {} done"
            + " waiting triages from before {}, and {} triage records from before {}{}", words(retention),
        conversations.rows(), deliveries.rows(), hits.rows(),
        ledger.map(l -> l.rows() + " settled incident posts").orElse("no incident posts (the page is not read yet)"),
        waiting, cutoff, records.rows(), recordsCutoff, more ? "; more next round" : "");
    return more;
  }

  private static Batches batches(BooleanSupplier stop, IntUnaryOperator purge) {
    int rows = 0;
    for (int i = 0; i < BATCHES_PER_RUN; i++) {
      if (stop.getAsBoolean()) {
        return new Batches(rows, true);
      }
      int n = purge.applyAsInt(BATCH);
      rows += n;
      if (n < BATCH) {
        return new Batches(rows, false);
      }
    }
    return new Batches(rows, true);
  }

  /** Returns the incidents whose ledger entries stay, whatever their age. */
  private Set<String> keep(PageRead page, Instant now) {
    Set<String> keep = new HashSet<>();
    IncidentPublisher.active(page, now).forEach(i -> keep.add(i.id()));
    page.summary().scheduledMaintenances().stream().map(Incident::id).filter(Objects::nonNull).forEach(keep::add);
    keep.addAll(maintenances.trackedIds());
    for (WaitingTriage w : store.waitingTriages().all()) {
      keep.add(w.incidentId().orElse(ItemKeys.ANY_INCIDENT));
    }
    return keep;
  }

  /** Forgets waiting triages that are done; returns how many. */
  private int purgeWaiting(PageRead page, Instant cutoff) {
    List<WaitingTriage> all = store.waitingTriages().all();
    Map<ConversationKey, Instant> stillDone = new HashMap<>();
    int removed = 0;
    for (WaitingTriage w : all) {
      boolean over = FollowUps.cleared(w, w.incidentId().flatMap(page::incident), page);
      if (!over || !w.since().isBefore(cutoff)) {
        continue;
      }
      Instant since = doneSince.getOrDefault(w.key(), page.readAt());
      if (!page.readAt().isBefore(since.plus(EVERY)) && removed < BATCH) {
        if (store.waitingTriages().remove(w.key())) {
          LOG.info("Triage {} waited since {} for what ended long ago; it is no longer followed up", w.key(),
              w.since());
          removed++;
        }
      } else {
        stillDone.put(w.key(), since);
      }
    }
    doneSince = stillDone;
    return removed;
  }

  /** Returns a retention as people write it: {@code 30d}, {@code 12h}, {@code 90m}. */
  static String words(Duration d) {
    if (d.toMinutes() % 60 != 0) {
      return d.toMinutes() + "m";
    }
    return d.toHours() % 24 == 0 ? d.toDays() + "d" : d.toHours() + "h";
  }
}
