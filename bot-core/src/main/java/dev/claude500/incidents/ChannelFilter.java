package dev.claude500.incidents;

import dev.claude500.chat.ChannelMention;
import dev.claude500.commands.Filters;
import dev.claude500.commands.QuietHours;
import dev.claude500.status.Impact;
import dev.claude500.status.Incident;
import java.time.Instant;
import java.util.Optional;

/**
 * What one channel's {@link Filters} let through, decided from the incident as the page shows it now
 * and the time. Pure: the publishers ask it and the ledger keeps what was done, so each decision is
 * made again every round and a post held back goes out in the round that first allows it.
 *
 * <ul>
 *   <li>An incident below the channel's minimum impact gets no top post; raised to it later, it gets
 *       one then (its earlier updates follow as a digest in its thread); lowered below it once
 *       posted, it goes on as before. An impact this version does not know is never held back.
 *   <li>In quiet hours no top post is made and no reply is posted in a thread; top posts are still
 *       edited. A critical incident is not held unless the hours are {@code all}. What was held goes
 *       out when the hours end: one digest per incident in its thread, or, for an incident that had
 *       no post yet, its top post (with the digest of its earlier updates under it).
 *   <li>The mention is added only to the first top post of an incident at major or above.
 *   <li>Maintenances are posted only with maintenance on; their notices wait out quiet hours (with
 *       {@code quiet=all}, what happened by each midnight goes out just after it, as for incidents).
 * </ul>
 */
final class ChannelFilter {
  private final Filters filters;

  private ChannelFilter(Filters filters) {
    this.filters = filters;
  }

  /** Returns the decisions of one channel's filters. */
  static ChannelFilter of(Filters filters) {
    return new ChannelFilter(filters);
  }

  /** Returns true when the incident's impact is at or above the channel's minimum. */
  boolean meetsMinimum(Incident incident) {
    Impact impact = incident.impact();
    return filters.min() == Impact.NONE || impact == Impact.UNKNOWN
        || (impact.compareTo(filters.min()) >= 0 && impact.compareTo(Impact.CRITICAL) <= 0);
  }

  /**
   * Returns true when the incident's top post may be made now: its impact is enough and it is not
   * held, or, with {@code quiet=all}, it began before the last midnight (the daily digest).
   */
  boolean mayStart(Incident incident, Instant now) {
    if (!meetsMinimum(incident)) {
      return false;
    }
    if (!holds(incident, now)) {
      return true;
    }
    Instant began = incident.createdAt() != null ? incident.createdAt() : incident.startedAt();
    return began != null && releasedAtMidnight(began, now);
  }

  /**
   * Returns true with {@code quiet=all} when what happened {@code at} goes out now although the
   * channel is always quiet: it happened by the last midnight (the daily digest).
   */
  private boolean releasedAtMidnight(Instant at, Instant now) {
    return releasesWhileQuiet() && !at.isAfter(heldUntil(now).orElseThrow());
  }

  /**
   * Returns true when what was written by the last end of the quiet hours goes out although the
   * channel is quiet now: with {@code quiet=all}, which is always quiet and ends at each midnight.
   */
  boolean releasesWhileQuiet() {
    return filters.quiet().kind() == QuietHours.Kind.ALL;
  }

  /** Returns true when posts of this incident wait now (quiet hours; critical only with {@code quiet=all}). */
  boolean holds(Incident incident, Instant now) {
    QuietHours quiet = filters.quiet();
    return quiet.holds(now, filters.zone())
        && (quiet.kind() == QuietHours.Kind.ALL || incident.impact() != Impact.CRITICAL);
  }

  /**
   * Returns true when the top post of a maintenance that began {@code began} (was first seen under
   * way) may be made now: maintenance on, and not in quiet hours, or, with {@code quiet=all}, it
   * began by the last midnight.
   */
  boolean maintenanceMayStart(Instant began, Instant now) {
    return filters.maintenance() && maintenanceNoticeMayGo(began, now);
  }

  /**
   * Returns true when a notice of a maintenance already posted, of what happened {@code at} (its
   * end), may be made now: not in quiet hours, or, with {@code quiet=all}, it happened by the last
   * midnight.
   */
  boolean maintenanceNoticeMayGo(Instant at, Instant now) {
    return !filters.quiet().holds(now, filters.zone()) || releasedAtMidnight(at, now);
  }

  /**
   * Returns the moment the last quiet hours ended, at or before {@code now}: updates written by then
   * and not yet posted in the channel go out as one digest. Empty without quiet hours.
   */
  Optional<Instant> heldUntil(Instant now) {
    return filters.quiet().lastEnd(now, filters.zone());
  }

  /**
   * Returns true when a top post made late may have earlier updates to tell: the filters can hold an
   * incident back (a minimum, quiet hours). Without them a top post shows all it covers, as always.
   */
  boolean tellsStory() {
    return filters.min() != Impact.NONE || filters.quiet().isSet();
  }

  /** Returns who the incident's first top post calls out: the channel's mention at major or above, else nobody. */
  ChannelMention mentionFor(Incident incident) {
    Impact impact = incident.impact();
    return impact == Impact.MAJOR || impact == Impact.CRITICAL ? filters.mention() : ChannelMention.NONE;
  }
}
