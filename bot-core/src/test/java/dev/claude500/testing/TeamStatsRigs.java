package dev.claude500.testing;

import dev.claude500.chat.ChannelRef;
import dev.claude500.stats.TeamStats;
import dev.claude500.status.Incident;
import dev.claude500.store.Store;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * Builds {@code stats} services for tests: every channel of a platform in one workspace named after
 * the platform (as {@link dev.claude500.chat.ChatPort#workspace} does by default), which is also
 * what {@link TriageEngines#recording} records triages under.
 */
public final class TeamStatsRigs {
  private TeamStatsRigs() {}

  /** Returns the stats of {@code store}'s triage records, with no incidents on the page. */
  public static TeamStats of(Store store, Clock clock) {
    return of(store, List::of, clock);
  }

  /** Returns the stats of {@code store}'s triage records, with the page's incidents from {@code incidents}. */
  public static TeamStats of(Store store, Supplier<List<Incident>> incidents, Clock clock) {
    return new TeamStats(store.triageRecords(), incidents, ChannelRef::platform, clock);
  }
}
