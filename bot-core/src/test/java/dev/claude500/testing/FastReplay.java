package dev.claude500.testing;

import dev.claude500.status.Incident;
import dev.claude500.status.IncidentUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A stretch of the status page's real history lived through again today, fast, for tests that run
 * the bot on the real clock (a bot process): every moment an update was shown in the stretch
 * becomes one step, {@code step} apart on the wall clock, and every time on the page is moved to
 * the wall-clock moment it corresponds to. The bot sees incidents open, change and resolve "now",
 * in the order and shape they really did. Times between steps are spread evenly; times after the
 * stretch are squeezed ({@value #SQUEEZE} times faster); times before it are squeezed too and moved
 * back a further {@link #BEFORE} so that the history before the stretch is older than anything the
 * bot saw happen (a bot started shortly before the replay takes it as history, not news).
 *
 * <p>Serve {@link #before()} until the replay starts, then {@link #step(int)} from {@link
 * #wallTime(int)} on. Immutable and thread-safe.
 */
public final class FastReplay {
  /** How much faster than real time history outside the stretch is replayed. */
  public static final long SQUEEZE = 3_600;
  /** How far before the replay's start the history before the stretch is moved, besides squeezing. */
  public static final Duration BEFORE = Duration.ofHours(1);

  private final StatusPageHistory history;
  private final Instant from;
  private final List<Instant> moments;
  private final Instant wallStart;
  private final Duration step;

  private FastReplay(StatusPageHistory history, Instant from, List<Instant> moments, Instant wallStart, Duration step) {
    this.history = history;
    this.from = from;
    this.moments = moments;
    this.wallStart = wallStart;
    this.step = step;
  }

  /**
   * Returns the replay of {@code history} from {@code from} to {@code to}, its first step at
   * {@code wallStart} plus one {@code step}.
   *
   * @throws IllegalArgumentException when nothing was shown in the stretch
   */
  public static FastReplay of(StatusPageHistory history, Instant from, Instant to, Instant wallStart, Duration step) {
    Objects.requireNonNull(history, "history");
    if (!from.isBefore(to) || step.isNegative() || step.isZero()) {
      throw new IllegalArgumentException("need from < to and a positive step");
    }
    List<Instant> moments = history.at(to).incidents().incidents().stream()
        .flatMap(i -> i.incidentUpdates().stream())
        .map(IncidentUpdate::shownAt)
        .filter(t -> t != null && !t.isBefore(from) && !t.isAfter(to))
        .distinct()
        .sorted()
        .toList();
    if (moments.isEmpty()) {
      throw new IllegalArgumentException("nothing was shown between " + from + " and " + to);
    }
    return new FastReplay(history, from, moments, wallStart, step);
  }

  /** Returns how many steps the replay has: one per moment an update was shown. */
  public int steps() {
    return moments.size();
  }

  /** Returns the historical moment of step {@code k} (from 0). */
  public Instant moment(int k) {
    return moments.get(k);
  }

  /** Returns when step {@code k} is due on the wall clock. */
  public Instant wallTime(int k) {
    return wallStart.plus(step.multipliedBy(k + 1L));
  }

  /** Returns the page as it stood just before the stretch, retimed to the replay's start. */
  public StatusPageHistory.PageState before() {
    return history.at(from).retimed(this::toWall);
  }

  /** Returns the page as it stood at step {@code k}, retimed. */
  public StatusPageHistory.PageState step(int k) {
    return history.at(moments.get(k)).retimed(this::toWall);
  }

  /** Returns the incidents first shown during the stretch, as they stood at its end (not retimed). */
  public List<Incident> incidents() {
    Instant last = moments.get(moments.size() - 1);
    return history.at(last).incidents().incidents().stream()
        .filter(i -> i.incidentUpdates().stream().map(IncidentUpdate::shownAt)
            .filter(Objects::nonNull).min(Instant::compareTo).map(t -> !t.isBefore(from)).orElse(false))
        .toList();
  }

  /** Returns the wall-clock moment that corresponds to a historical one. */
  public Instant toWall(Instant t) {
    Instant last = moments.get(moments.size() - 1);
    if (t.isAfter(last)) {
      return wallTime(moments.size() - 1).plus(squeezed(Duration.between(last, t)));
    }
    if (!t.isAfter(from)) {
      return wallStart.minus(BEFORE).minus(squeezed(Duration.between(t, from)));
    }
    // the knots: just after from at wallStart, then moment k at wallTime(k)
    int k = 0;
    while (moments.get(k).isBefore(t)) {
      k++;
    }
    Instant lo = k == 0 ? from : moments.get(k - 1);
    Instant loWall = k == 0 ? wallStart : wallTime(k - 1);
    double share = (double) Duration.between(lo, t).toNanos() / Math.max(1, Duration.between(lo, moments.get(k)).toNanos());
    return loWall.plusNanos((long) (share * step.toNanos()));
  }

  private static Duration squeezed(Duration d) {
    return d.dividedBy(SQUEEZE);
  }
}
