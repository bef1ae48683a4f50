package dev.claude500.triage;

import java.time.Instant;
import java.util.List;

/**
 * The records of triages ({@link TriageRecord}), one per thread, kept for the team's views after
 * the conversations themselves are purged. Thread-safe.
 */
public interface TriageRecords {
  /**
   * Stores a triage's record, replacing the thread's record unless that one was made from the same
   * or a later version of the same triage (two replicas writing out of order keep the latest). A
   * record with a later start is a new triage on the thread (its conversation was purged before its
   * record) and replaces the old one whatever its version; one with an earlier start never does. A
   * known workspace is never replaced by {@link TriageRecord#WORKSPACE_UNKNOWN}, and a record kept
   * without its workspace takes the one a save of the same triage names, whatever that save's version.
   */
  void save(TriageRecord record);

  /**
   * Returns the records of a workspace's triages started at or after {@code from} and before
   * {@code to}, oldest start first (ties by thread key). Records whose workspace is not known are
   * in no workspace's list.
   *
   * @throws IllegalArgumentException when {@code to} is before {@code from}
   */
  List<TriageRecord> startedBetween(String workspace, Instant from, Instant to);

  /**
   * Returns up to {@code limit} records of triages a person started in a workspace that have not
   * ended, newest start first; records whose workspace is not known are left out.
   */
  List<TriageRecord> openBy(String workspace, String userId, int limit);

  /**
   * Deletes up to {@code limit} records of triages started before {@code cutoff}, oldest first.
   *
   * @return how many were deleted; fewer than {@code limit} when no more match
   */
  int purgeStartedBefore(Instant cutoff, int limit);
}
