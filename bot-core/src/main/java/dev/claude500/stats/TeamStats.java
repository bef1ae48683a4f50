package dev.claude500.stats;

import dev.claude500.chat.ChannelRef;
import dev.claude500.status.Incident;
import dev.claude500.triage.TriageLog;
import dev.claude500.triage.TriageRecord;
import dev.claude500.triage.TriageRecords;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Answers {@code stats}: a workspace's triage records over a window, with the page's incidents of
 * that window, as a {@link StatsReport}. Thread-safe. One read of the store per report (the
 * workspace's records started in the window, by an index on workspace and start), and no read of
 * the status page: its incidents are the poller's last read.
 */
public final class TeamStats {
  private final TriageRecords records;
  private final Supplier<List<Incident>> incidents;
  private final Function<ChannelRef, String> workspaces;
  private final Clock clock;

  /**
   * Creates the service.
   *
   * @param records the triage records
   * @param incidents the page's recent incidents as last read (resolved ones included)
   * @param workspaces names the workspace or server a channel belongs to
   * @param clock the time
   */
  public TeamStats(TriageRecords records, Supplier<List<Incident>> incidents, Function<ChannelRef, String> workspaces,
      Clock clock) {
    this.records = Objects.requireNonNull(records, "records");
    this.incidents = Objects.requireNonNull(incidents, "incidents");
    this.workspaces = Objects.requireNonNull(workspaces, "workspaces");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Returns the workspace {@code channel} belongs to; empty when it cannot be told now (a Discord
   * reconnect, a replica without the server's shard): no other workspace's numbers stand in.
   */
  public Optional<String> workspaceOf(ChannelRef channel) {
    String w = TriageLog.workspaceOf(workspaces, Objects.requireNonNull(channel, "channel"));
    return w.equals(TriageRecord.WORKSPACE_UNKNOWN) ? Optional.empty() : Optional.of(w);
  }

  /**
   * Returns the numbers of the workspace {@code channel} belongs to, over {@code window} up to now;
   * empty when the workspace cannot be told now.
   */
  public Optional<StatsReport> report(ChannelRef channel, StatsWindow window) {
    return workspaceOf(channel).map(workspace -> report(workspace, window));
  }

  /** Returns a workspace's numbers over {@code window} up to now. */
  public StatsReport report(String workspace, StatsWindow window) {
    Instant to = clock.instant();
    Instant from = to.minus(window.length());
    List<TriageRecord> found = records.startedBetween(workspace, from, to.plusMillis(1));
    List<Incident> page = incidents.get();
    return StatsMath.report(workspace, window, from, to, found, page == null ? List.of() : page);
  }

  /** Returns up to {@code limit} of a person's open triages in a workspace, newest first. */
  public List<TriageRecord> openBy(String workspace, String userId, int limit) {
    return records.openBy(workspace, userId, limit);
  }
}
