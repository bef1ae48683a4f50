package dev.claude500.testing;

import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ChatPort;
import dev.claude500.commands.Filters;
import dev.claude500.commands.Subscription;
import dev.claude500.incidents.ChatPorts;
import dev.claude500.incidents.IncidentWatcher;
import dev.claude500.metrics.BotMetrics;
import dev.claude500.playbook.Playbook;
import dev.claude500.playbook.PlaybookLoader;
import dev.claude500.status.Incident;
import dev.claude500.status.IncidentStatus;
import dev.claude500.status.IncidentUpdate;
import dev.claude500.status.CachingStatusSource;
import dev.claude500.status.StatusPage;
import dev.claude500.status.StatusPoller;
import dev.claude500.status.StatuspageClient;
import dev.claude500.store.InMemoryStore;
import dev.claude500.store.Store;
import dev.claude500.testing.StatusSources;
import dev.claude500.triage.TriageEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The incident watcher as the bot runs it, for adapters' end-to-end tests: the real watcher and
 * status client reading a loopback status page that replays one real incident from the Anthropic
 * page's archive, a store, an engine, and a clock the test moves. Watchers are made on any store (a
 * {@link CrashingStore} for the round that dies) with the adapter's real chat port.
 *
 * <p>The incident is the first one of 2026-07-21 whose first two updates are more than two poll
 * intervals apart: {@link #before()} the page does not show it yet, at {@link #opened()} it shows
 * its first update only, at {@link #updated()} its second too, at {@link #resolved()} the update that
 * resolved it.
 */
public final class WatcherRig implements AutoCloseable {
  /** The poll interval of the watchers made here. */
  public static final Duration POLL = Duration.ofSeconds(60);

  private static final Instant DAY = Instant.parse("2026-07-21T00:00:00Z");

  private final FakeStatusPage page = FakeStatusPage.start();
  private final MutableClock clock;
  private final Store store = new InMemoryStore();
  private final TriageEngine engine;
  private final Incident incident;

  /** Starts the page, showing it as it was before the incident. */
  public WatcherRig() {
    StatusPageHistory history = StatusPageHistory.anthropic();
    this.incident = history.at(DAY.plus(Duration.ofDays(1))).incidents().incidents().stream()
        .filter(i -> i.createdAt().isAfter(DAY))
        .filter(i -> updates(i).size() >= 2 && Duration.between(updates(i).get(0).shownAt(),
            updates(i).get(1).shownAt()).compareTo(POLL.multipliedBy(3)) > 0)
        .min(Comparator.comparing(Incident::createdAt))
        .orElseThrow(() -> new IllegalStateException("no incident to replay on " + DAY));
    this.clock = new MutableClock(before());
    Playbook playbook = PlaybookLoader.builtIn();
    this.engine = TriageEngines.of(Map.of(playbook.id(), playbook), playbook.id(), store.conversations(),
        new FixedStatusSource(StatusFixtures.greenSnapshot()), clock, Duration.ofHours(2));
    showAt(before());
  }

  private static List<IncidentUpdate> updates(Incident i) {
    return i.incidentUpdates().stream().sorted(Comparator.comparing(IncidentUpdate::shownAt)).toList();
  }

  /** Returns the incident replayed, as it finally stood. */
  public Incident incident() {
    return incident;
  }

  /** Returns the first update's id. */
  public String firstUpdateId() {
    return updates(incident).get(0).id();
  }

  /** Returns the second update's id. */
  public String secondUpdateId() {
    return updates(incident).get(1).id();
  }

  /** Returns a moment two poll intervals before the incident was created. */
  public Instant before() {
    return incident.createdAt().minus(POLL.multipliedBy(2));
  }

  /** Returns a moment just after the first update was shown. */
  public Instant opened() {
    return updates(incident).get(0).shownAt().plusSeconds(1);
  }

  /** Returns a moment just after the second update was shown. */
  public Instant updated() {
    return updates(incident).get(1).shownAt().plusSeconds(1);
  }

  /** Returns a moment just after the update that resolved the incident was shown. */
  public Instant resolved() {
    return updates(incident).stream().filter(u -> u.status() == IncidentStatus.RESOLVED).findFirst()
        .orElseThrow(() -> new IllegalStateException("incident " + incident.id() + " was not resolved"))
        .shownAt().plusSeconds(1);
  }

  /** Returns the store every watcher here shares (unless given another). */
  public Store store() {
    return store;
  }

  /** Subscribes a channel to every component. */
  public WatcherRig subscribe(ChannelRef channel) {
    store.subscriptions().save(new Subscription(channel, Set.of(), "U0ALICE", clock.instant(), Filters.DEFAULT));
    return this;
  }

  /**
   * Returns a new watcher (a process of the bot) on {@code on}, posting through {@code port},
   * following a status poller of its own as a process's watcher does.
   */
  public IncidentWatcher watcher(Store on, ChatPort port) {
    StatusPage reads = StatusPage.of(
        StatusSources.client(List.of(page.baseUrl()), Duration.ofSeconds(2), Duration.ofSeconds(3)));
    CachingStatusSource cache = new CachingStatusSource(reads, POLL.multipliedBy(2), Duration.ofSeconds(2), clock,
        Runnable::run);
    StatusPoller poller = new StatusPoller(reads, cache, clock, POLL, StatusPoller.randomJitter());
    return Watchers.following(poller, on, PortSets.of(port), engine, clock);
  }

  /**
   * Moves the clock to {@code t} (and at least past the lease of a watcher that died before), makes
   * the page show what it showed then, and runs one round of {@code watcher}.
   */
  public void roundAt(IncidentWatcher watcher, Instant t) {
    Instant to = t.isAfter(clock.instant().plus(POLL.multipliedBy(2))) ? t : clock.instant().plus(POLL.multipliedBy(2));
    showAt(to);
    clock.set(to);
    watcher.tick();
  }

  private void showAt(Instant t) {
    page.servePage(StatusPageHistory.anthropic().at(t));
  }

  @Override
  public void close() {
    page.close();
    store.close();
  }
}
