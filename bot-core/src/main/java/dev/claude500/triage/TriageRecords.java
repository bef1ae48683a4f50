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
   * or a later version of the conversation (two replicas writing out of order keep the latest).
   */
  void save(TriageRecord record);

  /**
   * Returns the records of a workspace's triages started at or after {@code from} and before
   * {@code to}, oldest start first (ties by thread key).
   *
   * @throws IllegalArgumentException when {@code to} is before {@code from}
   */
  List<TriageRecord> startedBetween(String workspace, Instant from, Instant to);

  /**
   * Returns up to {@code limit} records of triages a person started in a workspace that have not
   * ended, newest start first.
   */
  List<TriageRecord> openBy(String workspace, String userId, int limit);

  /**
   * Deletes up to {@code limit} records of triages started before {@code cutoff}, oldest first.
   *
   * @return how many were deleted; fewer than {@code limit} when no more match
   */
  int purgeStartedBefore(Instant cutoff, int limit);
}
