package dev.claude500.earlywarning;

import dev.claude500.commands.SubscriptionStore;
import dev.claude500.incidents.ChatPorts;
import dev.claude500.incidents.PostLedger;
import dev.claude500.metrics.BotMetrics;
import dev.claude500.outbox.Outbox;
import dev.claude500.status.Incident;
import dev.claude500.status.PageRead;
import dev.claude500.status.PollListener;
import dev.claude500.status.PollRound;
import dev.claude500.status.StatusLinks;
import dev.claude500.triage.GreenFailure;
import dev.claude500.triage.GreenFailures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The early warning: hears of triages failing on a green page ({@link GreenFailures}), keeps them in
 * the store by workspace, and once {@code threshold} of them fall within the window (the same path
 * still failing, or the same error kind) opens one warning for the workspace and posts it to the
 * channels subscribed there. Further failing triages edit it. A triage counts for one warning: one
 * first seen before a warning of its workspace closed is that warning's, however far it goes later.
 * No warning opens while the page as last read shows an open incident (not a maintenance). After
 * each read of the status page ({@link PollListener}) it closes a warning when an incident opened
 * since the cluster began (linking it) or when the window passed with no new failing triage, and
 * brings every warning's posts up to date.
 *
 * <p>Replicas agree through the store: a workspace has one open warning whoever opens it, a warning
 * is closed by one caller, and every post and edit goes through the {@link Outbox} under its own
 * item key, so it goes out once. The work a failing triage or a status round starts runs on the
 * executor given, off the triage's and the poller's threads, one piece at a time. Time is read only
 * from the clock given. Thread-safe.
 */
public final class EarlyWarnings implements GreenFailures, PollListener {
  private static final Logger LOG = LoggerFactory.getLogger(EarlyWarnings.class);
  /** How long closed warnings and old signals are kept, at least. */
  private static final Duration KEPT = Duration.ofDays(2);
  private static final int PURGE_BATCH = 500;
  /** How often this process purges: the rows are few, and every replica does it. */
  private static final Duration PURGE_EVERY = Duration.ofHours(1);

  private final EarlyWarningSetting setting;
  private final EarlyWarningStore store;
  private final WarningPosts posts;
  private final Clock clock;
  private final Executor executor;
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicReference<Instant> purged = new AtomicReference<>(Instant.MIN);
  /** The latest read of the page a status round gave, empty before the first. */
  private final AtomicReference<Optional<PageRead>> lastRead = new AtomicReference<>(Optional.empty());

  /**
   * Creates the early warning.
   *
   * @param setting the threshold and window, or off (then it does nothing)
   * @param store where signals and warnings are kept
   * @param subscriptions the channels subscribed, posted to in their workspace
   * @param ledger the post ledger, read to find the warning's posts for edits
   * @param outbox where the posts and edits go out
   * @param ports the running platforms, asked for a channel's workspace and a thread's link
   * @param clock the time
   * @param executor runs the work a failing triage and a status round start, one at a time (a single
   *     thread): a triage's edit then never reads a warning a round is closing
   * @param metrics where the gauge of open warnings is published
   */
  public EarlyWarnings(EarlyWarningSetting setting, EarlyWarningStore store, SubscriptionStore subscriptions,
      PostLedger ledger, Outbox outbox, ChatPorts ports, Clock clock, Executor executor, BotMetrics metrics) {
    this.setting = Objects.requireNonNull(setting, "setting");
    this.store = Objects.requireNonNull(store, "store");
    this.posts = new WarningPosts(store, Objects.requireNonNull(subscriptions, "subscriptions"),
        Objects.requireNonNull(ledger, "ledger"), Objects.requireNonNull(outbox, "outbox"),
        Objects.requireNonNull(ports, "ports"), setting.window());
    this.clock = Objects.requireNonNull(clock, "clock");
    this.executor = Objects.requireNonNull(executor, "executor");
    Objects.requireNonNull(metrics, "metrics").openEarlyWarnings(open::get);
  }

  /** Hands the failing triage to the executor; never throws. */
  @Override
  public void failing(GreenFailure failure) {
    Objects.requireNonNull(failure, "failure");
    if (!setting.on()) {
      return;
    }
    try {
      executor.execute(() -> safely("a triage failing on a green page", () -> take(failure)));
    } catch (RuntimeException e) {
      LOG.warn("early warning: could not take triage {} ({})", failure.key(), e.toString());
    }
  }

  /**
   * Hands the round to the executor, after the failing triages handed to it before: it closes
   * warnings an incident or a quiet window ended, and brings every warning's posts up to date.
   * Never throws.
   */
  @Override
  public Instant polled(PollRound round) {
    if (!setting.on()) {
      return Instant.MAX;
    }
    lastRead.set(round.latest());
    try {
      executor.execute(() -> safely("a status round", () -> review(round.latest())));
    } catch (RuntimeException e) {
      LOG.warn("early warning: could not take the status round of {} ({})", round.at(), e.toString());
    }
    return Instant.MAX;
  }

  /** Returns how many warnings were open at the last look. */
  public int openWarnings() {
    return open.get();
  }

  private void take(GreenFailure f) {
    Optional<String> workspace = posts.workspaceOf(f.key().channelRef());
    if (workspace.isEmpty()) {
      LOG.debug("early warning: no {} port in this process for triage {}", f.key().platform(), f.key());
      return;
    }
    store.record(new Signal(f.key(), workspace.get(), f.kind(), f.branch(), f.samePathFails(), f.at(), f.at()));
    Instant now = clock.instant();
    List<Warning> known = store.active(now.minus(kept()));
    Optional<Warning> warning = known.stream().filter(w -> w.isOpen() && w.workspace().equals(workspace.get()))
        .findFirst().or(() -> opened(workspace.get(), known, now));
    warning.ifPresent(w -> posts.bringUpToDate(w, members(w, known), now));
  }

  /**
   * Opens a warning when the workspace's signals in the window reach the threshold, not counting a
   * triage an earlier warning counted, and no incident is open on the page as last read (the triages
   * then have theirs); returns the open one.
   */
  private Optional<Warning> opened(String workspace, List<Warning> known, Instant now) {
    Optional<Incident> incident = lastRead.get().flatMap(p -> p.incidents().stream()
        .filter(i -> i.isOpen() && !i.isMaintenance()).findFirst());
    if (incident.isPresent()) {
      LOG.debug("early warning: none opened in {} while incident {} is open", workspace, incident.get().id());
      return Optional.empty();
    }
    Instant counted = countedUntil(workspace, now, known);
    Cluster recent = new Cluster(store.signals(workspace, now.minus(setting.window())).stream()
        .filter(s -> s.firstAt().isAfter(counted)).toList());
    if (!recent.reaches(setting.threshold())) {
      return Optional.empty();
    }
    Warning w = new Warning(UUID.randomUUID().toString().replace("-", "").substring(0, 16), workspace,
        recent.since().orElse(now), now, recent.size(), Optional.empty());
    if (store.open(w)) {
      LOG.info("early warning {} opened in {}: {} triages failing on a green page", w.id(), workspace, recent.size());
      open.incrementAndGet();
      return Optional.of(w);
    }
    return store.openIn(workspace);
  }

  private void review(Optional<PageRead> page) {
    Instant now = clock.instant();
    List<Warning> known = store.active(now.minus(kept()));
    Instant closedSince = now.minus(setting.window());
    int stillOpen = 0;
    for (Warning w : known) {
      if (!w.isOpen() && w.closing().get().at().isBefore(closedSince)) {
        continue;
      }
      Cluster members = members(w, known);
      Warning current = w.isOpen() ? closeIfOver(w, members, page, now) : w;
      stillOpen += current.isOpen() ? 1 : 0;
      posts.bringUpToDate(current, members, now);
    }
    open.set(stillOpen);
    Instant last = purged.get();
    if (!now.isBefore(last.plus(PURGE_EVERY)) && purged.compareAndSet(last, now)) {
      store.purgeBefore(now.minus(kept()), PURGE_BATCH);
    }
  }

  /** Returns how long closed warnings and old signals are kept: a triage is never counted twice in that time. */
  private Duration kept() {
    return KEPT.compareTo(setting.window().multipliedBy(2)) > 0 ? KEPT : setting.window().multipliedBy(2);
  }

  /** Returns the warning closed when an incident appeared or the window passed quietly, else as it was. */
  private Warning closeIfOver(Warning w, Cluster members, Optional<PageRead> page, Instant now) {
    Optional<Incident> incident = page.flatMap(p -> appeared(w, p));
    Instant last = members.last().orElse(w.openedAt());
    Optional<Warning.Closing> closing = incident
        .map(i -> new Warning.Closing(now, Optional.of(i.id()), Optional.of(i.name()),
            Optional.of(i.link(StatusLinks.PUBLIC_PAGE))))
        .or(() -> last.plus(setting.window()).isAfter(now) ? Optional.empty()
            : Optional.of(Warning.Closing.quiet(now)));
    if (closing.isEmpty()) {
      return w;
    }
    Warning closed = new Warning(w.id(), w.workspace(), w.firstAt(), w.openedAt(), w.openedWith(), closing);
    if (store.close(w.id(), closing.get())) {
      LOG.info("early warning {} in {} closed: {}", w.id(), w.workspace(),
          incident.map(i -> "incident " + i.id() + " appeared").orElse("the window passed quietly"));
      return closed;
    }
    // another replica closed it meanwhile: show its closing
    return store.active(now.minus(setting.window())).stream().filter(a -> a.id().equals(w.id())).findFirst()
        .orElse(closed);
  }

  /**
   * Returns the newest incident (not a maintenance) open on the page that began after the cluster's
   * window began: one that was there before did not make these triages' page red, so it is not theirs.
   */
  private Optional<Incident> appeared(Warning w, PageRead page) {
    Instant since = w.firstAt().minus(setting.window());
    return page.incidents().stream()
        .filter(Incident::isOpen)
        .filter(i -> !i.isMaintenance())
        .filter(i -> i.createdAt() != null && !i.createdAt().isBefore(since))
        .max(Comparator.comparing(Incident::createdAt));
  }

  /**
   * Returns a warning's triages: every signal of its workspace since its first, up to its closing,
   * but for those first seen before an earlier warning of the workspace closed (that one counted them).
   */
  private Cluster members(Warning w, List<Warning> known) {
    Optional<Instant> end = w.closing().map(Warning.Closing::at);
    Instant counted = countedUntil(w.workspace(), w.openedAt(), known);
    return new Cluster(store.signals(w.workspace(), w.firstAt()).stream()
        .filter(s -> s.firstAt().isAfter(counted))
        .filter(s -> end.isEmpty() || !s.firstAt().isAfter(end.get())).toList());
  }

  /**
   * Returns when the last warning of a workspace closed before {@code before} was closed ({@link
   * Instant#MIN} when none was): the triages first seen by then were that warning's.
   */
  private static Instant countedUntil(String workspace, Instant before, List<Warning> known) {
    return known.stream().filter(w -> w.workspace().equals(workspace)).flatMap(w -> w.closing().stream())
        .map(Warning.Closing::at).filter(at -> at.isBefore(before)).max(Comparator.naturalOrder()).orElse(Instant.MIN);
  }

  private static void safely(String what, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      LOG.warn("early warning: {} could not be handled ({})", what, e.toString());
    }
  }
}
