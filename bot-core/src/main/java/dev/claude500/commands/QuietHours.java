package dev.claude500.commands;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A channel's quiet hours: none, a daily window of local time ({@code 22:00-07:00}, across
 * midnight when it starts after it ends), or {@code all} (always quiet, critical incidents too; what
 * waits goes out once a day at midnight). Time zone rules (summer time) are the zone's: a window
 * edge that falls in a skipped hour moves forward with the clock.
 *
 * @param kind none, a window, or all day
 * @param start the window's first minute, local time (midnight for {@code all}, and for none)
 * @param end the minute the window ends, local time (midnight for {@code all}, and for none)
 */
public record QuietHours(Kind kind, LocalTime start, LocalTime end) {
  /** No quiet hours. */
  public static final QuietHours NONE = new QuietHours(Kind.NONE, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
  /** Always quiet: critical incidents wait too, and the digest goes out at midnight. */
  public static final QuietHours ALL = new QuietHours(Kind.ALL, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

  private static final Pattern WINDOW = Pattern.compile("([01]?[0-9]|2[0-3]):([0-5][0-9])-([01]?[0-9]|2[0-3]):([0-5][0-9])");
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  /** What kind of quiet hours. */
  public enum Kind {
    /** None. */
    NONE,
    /** A daily window. */
    WINDOW,
    /** Always. */
    ALL
  }

  /** Validates: a window has two different minutes; none and all are at midnight. */
  public QuietHours {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    start = start.withSecond(0).withNano(0);
    end = end.withSecond(0).withNano(0);
    if (kind == Kind.WINDOW && start.equals(end)) {
      throw new IllegalArgumentException("a quiet window must not start when it ends: " + start);
    }
    if (kind != Kind.WINDOW && (!start.equals(LocalTime.MIDNIGHT) || !end.equals(LocalTime.MIDNIGHT))) {
      throw new IllegalArgumentException("only a window has times");
    }
  }

  /**
   * Returns the quiet hours a word names: {@code HH:MM-HH:MM} (24-hour clock), {@code all}, or
   * {@code off} for none (what {@link #word} shows); empty for anything else, and for a window that
   * starts when it ends.
   */
  public static Optional<QuietHours> parse(String word) {
    String w = Objects.requireNonNull(word, "word").strip();
    if (w.equalsIgnoreCase("all")) {
      return Optional.of(ALL);
    }
    if (w.equalsIgnoreCase("off")) {
      return Optional.of(NONE);
    }
    Matcher m = WINDOW.matcher(w);
    if (!m.matches()) {
      return Optional.empty();
    }
    LocalTime from = LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    LocalTime to = LocalTime.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
    return from.equals(to) ? Optional.empty() : Optional.of(new QuietHours(Kind.WINDOW, from, to));
  }

  /** Returns the word that {@link #parse} reads back: {@code 22:00-07:00}, {@code all}, or {@code off} for none. */
  public String word() {
    return switch (kind) {
      case NONE -> "off";
      case ALL -> "all";
      case WINDOW -> HH_MM.format(start) + "-" + HH_MM.format(end);
    };
  }

  /** Returns true when there are quiet hours. */
  public boolean isSet() {
    return kind != Kind.NONE;
  }

  /**
   * Returns true when {@code at} falls in the quiet hours, read in {@code zone}: the window's last
   * start is later than its last end. Both are instants, so a day that turns the clocks back does not
   * start the window twice.
   */
  public boolean holds(Instant at, ZoneId zone) {
    return switch (kind) {
      case NONE -> false;
      case ALL -> true;
      case WINDOW -> last(start, at, zone).isAfter(last(end, at, zone));
    };
  }

  /**
   * Returns the latest moment, at or before {@code now}, at which quiet hours ended (for {@code all},
   * the last midnight); empty without quiet hours. What was held until then goes out as a digest.
   */
  public Optional<Instant> lastEnd(Instant now, ZoneId zone) {
    if (kind == Kind.NONE) {
      return Optional.empty();
    }
    return Optional.of(last(end, now, zone));
  }

  /** Returns the latest instant at or before {@code now} when the local time was {@code time}. */
  private static Instant last(LocalTime time, Instant now, ZoneId zone) {
    LocalDate today = now.atZone(zone).toLocalDate();
    for (int back = 0; back <= 2; back++) {
      Instant at = at(today.minusDays(back), time, zone);
      if (!at.isAfter(now)) {
        return at;
      }
    }
    throw new IllegalStateException("no " + time + " in the two days before " + now);
  }

  /**
   * Returns when a day's local {@code time} happens: in an hour the clocks skip, when the clocks
   * jump (the first instant past it); in an hour they repeat, the first time.
   */
  private static Instant at(LocalDate day, LocalTime time, ZoneId zone) {
    LocalDateTime local = day.atTime(time);
    ZoneOffsetTransition skipped = zone.getRules().getTransition(local);
    if (skipped != null && skipped.isGap()) {
      return skipped.getInstant();
    }
    return ZonedDateTime.of(local, zone).withEarlierOffsetAtOverlap().toInstant();
  }
}
